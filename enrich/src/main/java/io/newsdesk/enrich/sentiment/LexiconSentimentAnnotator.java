package io.newsdesk.enrich.sentiment;

import io.newsdesk.schema.Entity;
import io.newsdesk.schema.EntitySentiment;
import io.newsdesk.schema.Mention;
import io.newsdesk.schema.Tone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Tone from the VADER lexicon with news overrides, and sentiment toward each entity from the
 * NewsMTSC-trained model over the sentences that mention it. Immutable, so thread-safe.
 */
public final class LexiconSentimentAnnotator implements SentimentAnnotator {

  private static final String TONE_VERSION = "tone-vader-news-1";

  /** Entity types that carry no sentiment. */
  private static final Set<String> NO_SENTIMENT = Set.of("DATE", "AMOUNT", "MONEY");

  private static final Comparator<int[]> BY_SENTENCE_THEN_START =
      Comparator.<int[]>comparingInt(m -> m[0]).thenComparingInt(m -> m[1]);

  private final LexiconTone tone;
  private final TargetSentiment target;

  /** The annotator with the shipped model. */
  public LexiconSentimentAnnotator() {
    this(TargetSentiment.standard());
  }

  public LexiconSentimentAnnotator(TargetSentiment target) {
    this.target = target;
    this.tone = new LexiconTone(target.lexicon());
  }

  @Override
  public Tone tone(String text) {
    return tone.tone(text);
  }

  @Override
  public void annotate(String text, List<Entity> entities) {
    if (entities == null || entities.isEmpty()) {
      return;
    }
    Tokens t = Tokens.of(text == null ? "" : text);
    List<int[]> sentences = t.sentences();
    boolean[] scored = new boolean[sentences.size()];
    annotate(t, sentences, new float[t.size], new float[t.size], scored, entities);
  }

  /**
   * One tokenization and one pass of valences for both: the tone scores every sentence, and the
   * entities' sentiment reads the valences of the sentences that mention them from there (the same
   * values as scoring those sentences again, as {@link #annotate(String, List)} does).
   */
  @Override
  public Tone annotateWithTone(String text, List<Entity> entities) {
    Tokens t = Tokens.of(text == null ? "" : text);
    List<int[]> sentences = t.sentences();
    float[] base = new float[t.size];
    float[] adj = new float[t.size];
    Tone result = tone.tone(t, sentences, base, adj);
    if (entities != null && !entities.isEmpty()) {
      boolean[] scored = new boolean[sentences.size()];
      Arrays.fill(scored, true);
      annotate(t, sentences, base, adj, scored, entities);
    }
    return result;
  }

  /**
   * Sets each entity's sentiment; {@code base} and {@code adj} hold the valences of the sentences
   * marked in {@code scored}, and get those of the others as they are needed.
   */
  private void annotate(
      Tokens t,
      List<int[]> sentences,
      float[] base,
      float[] adj,
      boolean[] scored,
      List<Entity> entities) {
    int[] sentenceEnds = new int[sentences.size()];
    for (int s = 0; s < sentenceEnds.length; s++) {
      sentenceEnds[s] = t.end[sentences.get(s)[1] - 1];
    }
    // Each entity's mentions as (sentence, start, end), in text order; every token's owner indexed
    // once, so the work per document grows with its length, not with entities times mentions.
    MentionRoles roles = new MentionRoles(t);
    List<int[][]> mentionsOf = new ArrayList<>(entities.size());
    for (int k = 0; k < entities.size(); k++) {
      Entity e = entities.get(k);
      List<Mention> mentions = e.getMentions();
      if (!carriesSentiment(e) || mentions == null) {
        mentionsOf.add(new int[0][]);
        continue;
      }
      List<int[]> ms = new ArrayList<>(mentions.size());
      for (Mention m : mentions) {
        int s = sentenceOf(sentenceEnds, m.getStart());
        if (s >= 0 && m.getEnd() > m.getStart()) {
          ms.add(new int[] {s, m.getStart(), m.getEnd()});
          roles.mark(m.getStart(), m.getEnd(), k);
        }
      }
      int[][] sorted = ms.toArray(new int[0][]);
      Arrays.sort(sorted, BY_SENTENCE_THEN_START);
      mentionsOf.add(sorted);
    }
    FeatureVector fv = target.newVector();
    double[] p = new double[3];
    for (int k = 0; k < entities.size(); k++) {
      Entity e = entities.get(k);
      if (!carriesSentiment(e)) {
        e.setSentiment(null);
        continue;
      }
      int[][] ms = mentionsOf.get(k);
      double[] sum = new double[3];
      int n = 0;
      for (int a = 0, b; a < ms.length; a = b) {
        int s = ms[a][0];
        b = a + 1;
        while (b < ms.length && ms[b][0] == s) {
          b++;
        }
        int[] spans = new int[2 * (b - a)];
        for (int m = a; m < b; m++) {
          spans[2 * (m - a)] = ms[m][1];
          spans[2 * (m - a) + 1] = ms[m][2];
        }
        int[] range = sentences.get(s);
        if (!scored[s]) {
          Valences.score(target.lexicon(), t, range[0], range[1], base, adj);
          scored[s] = true;
        }
        target.probabilities(t, range[0], range[1], base, adj, roles, k, spans, fv, p);
        for (int c = 0; c < 3; c++) {
          sum[c] += p[c];
        }
        n++;
      }
      EntitySentiment sentiment;
      if (n == 0) {
        sentiment = new EntitySentiment(TargetSentiment.LABELS[1], 0.0);
      } else {
        for (int c = 0; c < 3; c++) {
          sum[c] /= n;
        }
        sentiment =
            new EntitySentiment(
                TargetSentiment.LABELS[TargetSentiment.argmax(sum)], sum[2] - sum[0]);
      }
      e.setSentiment(sentiment);
    }
  }

  /** Dates and amounts are not things one feels about: they carry no sentiment. */
  static boolean carriesSentiment(Entity e) {
    return e.getType() == null || !NO_SENTIMENT.contains(e.getType().toString());
  }

  private static int sentenceOf(int[] sentenceEnds, int offset) {
    if (offset < 0) {
      return -1;
    }
    int lo = 0;
    int hi = sentenceEnds.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (sentenceEnds[mid] <= offset) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return lo < sentenceEnds.length ? lo : -1;
  }

  @Override
  public String version() {
    return TONE_VERSION + "+" + target.version();
  }
}
