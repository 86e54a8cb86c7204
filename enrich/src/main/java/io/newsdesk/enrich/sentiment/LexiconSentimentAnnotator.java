package io.newsdesk.enrich.sentiment;

import io.newsdesk.schema.Entity;
import io.newsdesk.schema.EntitySentiment;
import io.newsdesk.schema.Mention;
import io.newsdesk.schema.Tone;
import java.util.ArrayList;
import java.util.List;

/**
 * Tone from the VADER lexicon with news overrides, and sentiment toward each entity from the
 * NewsMTSC-trained model over the sentences that mention it. Immutable, so thread-safe.
 */
public final class LexiconSentimentAnnotator implements SentimentAnnotator {

  private static final String TONE_VERSION = "tone-vader-news-1";

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
    int[] sentenceEnds = new int[sentences.size()];
    for (int s = 0; s < sentenceEnds.length; s++) {
      sentenceEnds[s] = t.end[sentences.get(s)[1] - 1];
    }
    // Spans of each entity's mentions, grouped by sentence.
    List<List<int[]>> spansBySentence = new ArrayList<>(entities.size());
    for (Entity e : entities) {
      List<int[]> bySentence = new ArrayList<>();
      for (int s = 0; s < sentenceEnds.length; s++) {
        bySentence.add(null);
      }
      List<Mention> mentions = e.getMentions();
      if (mentions != null) {
        for (Mention m : mentions) {
          int s = sentenceOf(sentenceEnds, m.getStart());
          if (s < 0 || m.getEnd() <= m.getStart()) {
            continue;
          }
          bySentence.set(s, append(bySentence.get(s), m.getStart(), m.getEnd()));
        }
      }
      spansBySentence.add(bySentence);
    }
    float[] base = new float[t.size];
    float[] adj = new float[t.size];
    boolean[] scored = new boolean[sentences.size()];
    FeatureVector fv = target.newVector();
    double[] p = new double[3];
    for (int k = 0; k < entities.size(); k++) {
      double[] sum = new double[3];
      int n = 0;
      List<int[]> bySentence = spansBySentence.get(k);
      for (int s = 0; s < bySentence.size(); s++) {
        int[] spans = bySentence.get(s);
        if (spans == null) {
          continue;
        }
        int[] range = sentences.get(s);
        if (!scored[s]) {
          Valences.score(target.lexicon(), t, range[0], range[1], base, adj);
          scored[s] = true;
        }
        int[] others = new int[0];
        for (int o = 0; o < entities.size(); o++) {
          int[] os = o == k ? null : spansBySentence.get(o).get(s);
          if (os != null) {
            others = concat(others, os);
          }
        }
        target.probabilities(t, range[0], range[1], base, adj, spans, others, fv, p);
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
      entities.get(k).setSentiment(sentiment);
    }
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

  private static int[] append(int[] spans, int start, int end) {
    if (spans == null) {
      return new int[] {start, end};
    }
    int[] out = java.util.Arrays.copyOf(spans, spans.length + 2);
    out[spans.length] = start;
    out[spans.length + 1] = end;
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Override
  public String version() {
    return TONE_VERSION + "+" + target.version();
  }
}
