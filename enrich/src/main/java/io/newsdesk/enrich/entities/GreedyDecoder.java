package io.newsdesk.enrich.entities;

import java.util.HashMap;
import java.util.Map;

/**
 * Labels a document left to right, one token at a time, under BILOU constraints; the same walk
 * serves training (with a learner that sees each mistake) and tagging.
 */
final class GreedyDecoder {

  /** Scores of every label for a feature vector. */
  interface Scorer {
    void score(long[] feats, int n, float[] scores);
  }

  /** Receives each mistake during training. */
  interface Learner {
    void update(long[] feats, int n, int gold, int predicted);
  }

  private static final int MAX_FEATURES = 192;

  private GreedyDecoder() {}

  /** BILOU labels per sentence; with {@code gold} and {@code learner}, learns from mistakes. */
  static int[][] decode(
      NerFeatures features, NerFeatures.Doc doc, Scorer scorer, int[][] gold, Learner learner) {
    int ns = doc.sentenceCount();
    int[][] out = new int[ns][];
    long[] feats = new long[MAX_FEATURES];
    float[] scores = new float[Labels.COUNT];
    Map<String, int[]> history = new HashMap<>();
    for (int s = 0; s < ns; s++) {
      int n = doc.words[s].length;
      int[] labels = new int[n];
      int prev1 = Labels.O;
      int prev2 = Labels.O;
      for (int i = 0; i < n; i++) {
        long[] st = doc.statics[s][i];
        System.arraycopy(st, 0, feats, 0, st.length);
        String word = doc.words[s][i];
        boolean capital = Character.isUpperCase(word.charAt(0));
        int[] h = capital ? history.get(doc.lower[s][i]) : null;
        int k = features.dynamicFeatures(doc, s, i, prev1, prev2, h, feats, st.length);
        scorer.score(feats, k, scores);
        boolean last = i + 1 == n;
        int best = -1;
        for (int l = 0; l < Labels.COUNT; l++) {
          if (Labels.allowed(prev1, l, last) && (best < 0 || scores[l] > scores[best])) {
            best = l;
          }
        }
        if (learner != null && gold[s][i] != best) {
          learner.update(feats, k, gold[s][i], best);
        }
        labels[i] = best;
        prev2 = prev1;
        prev1 = best;
        if (capital) {
          int[] c = history.computeIfAbsent(doc.lower[s][i], x -> new int[Labels.TYPES.length + 1]);
          int t = Labels.type(best);
          c[t < 0 ? Labels.TYPES.length : t]++;
        }
      }
      out[s] = labels;
    }
    return out;
  }
}
