package io.newsdesk.enrich.sentiment;

import io.newsdesk.schema.Entity;
import io.newsdesk.schema.EntitySentiment;
import io.newsdesk.schema.Mention;
import io.newsdesk.schema.Tone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --sentiment precise}: tone and every entity's sentiment from the fast annotator first,
 * then the {@code budget} most salient entities (all when the budget is 0) scored again by a
 * plugged-in {@link TargetSentimentModel}, sentence by sentence (all of an article's in one {@link
 * TargetSentimentModel#predictAll} call), their labels averaged.
 */
public final class BudgetedSentimentAnnotator implements SentimentAnnotator {

  private final SentimentAnnotator fast;
  private final TargetSentimentModel precise;
  private final int budget;

  public BudgetedSentimentAnnotator(
      SentimentAnnotator fast, TargetSentimentModel precise, int budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("--sentiment-budget must be 0 (all) or more: " + budget);
    }
    this.fast = fast;
    this.precise = precise;
    this.budget = budget;
  }

  @Override
  public Tone tone(String text) {
    return fast.tone(text);
  }

  @Override
  public void annotate(String text, List<Entity> entities) {
    fast.annotate(text, entities);
    if (entities == null || entities.isEmpty() || text == null) {
      return;
    }
    List<Entity> chosen = new ArrayList<>();
    for (Entity e : entities) {
      if (LexiconSentimentAnnotator.carriesSentiment(e) && e.getMentions() != null) {
        chosen.add(e);
      }
    }
    chosen.sort(Comparator.comparingDouble((Entity e) -> -e.getSalience()));
    if (budget > 0 && chosen.size() > budget) {
      chosen = chosen.subList(0, budget);
    }
    if (chosen.isEmpty()) {
      return;
    }
    Tokens t = Tokens.of(text);
    List<int[]> sentences = t.sentences();
    // Every (entity, sentence) pair becomes one target, all of the article's scored in one batch.
    List<TargetSentimentModel.Sentence> requests = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int k = 0; k < chosen.size(); k++) {
      // The entity's mentions grouped by sentence, as spans relative to the sentence.
      Map<Integer, List<Integer>> bySentence = new LinkedHashMap<>();
      for (Mention m : chosen.get(k).getMentions()) {
        int s = sentenceOf(t, sentences, m.getStart());
        if (s >= 0 && m.getEnd() > m.getStart()) {
          bySentence.computeIfAbsent(s, x -> new ArrayList<>()).add(m.getStart());
          bySentence.get(s).add(m.getEnd());
        }
      }
      for (var entry : bySentence.entrySet()) {
        int[] range = sentences.get(entry.getKey());
        int from = t.start[range[0]];
        int to = t.end[range[1] - 1];
        List<Integer> offsets = entry.getValue();
        int[] spans = new int[offsets.size()];
        for (int i = 0; i < spans.length; i++) {
          spans[i] = Math.min(to, offsets.get(i)) - from;
        }
        requests.add(new TargetSentimentModel.Sentence(text.substring(from, to), List.of(spans)));
        owners.add(k);
      }
    }
    if (requests.isEmpty()) {
      return;
    }
    List<int[]> labels = precise.predictAll(requests);
    double[][] votes = new double[chosen.size()][3];
    int[] counts = new int[chosen.size()];
    for (int r = 0; r < requests.size(); r++) {
      votes[owners.get(r)][labels.get(r)[0]]++;
      counts[owners.get(r)]++;
    }
    for (int k = 0; k < chosen.size(); k++) {
      if (counts[k] > 0) {
        double[] v = votes[k];
        chosen
            .get(k)
            .setSentiment(
                new EntitySentiment(
                    TargetSentiment.LABELS[TargetSentiment.argmax(v)], (v[2] - v[0]) / counts[k]));
      }
    }
  }

  private static int sentenceOf(Tokens t, List<int[]> sentences, int offset) {
    for (int s = 0; s < sentences.size(); s++) {
      int[] r = sentences.get(s);
      if (offset >= t.start[r[0]] && offset < t.end[r[1] - 1]) {
        return s;
      }
    }
    return -1;
  }

  @Override
  public String version() {
    return fast.version() + "+" + precise.version() + (budget > 0 ? "@" + budget : "");
  }
}
