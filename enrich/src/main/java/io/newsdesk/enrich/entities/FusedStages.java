package io.newsdesk.enrich.entities;

import java.util.HashMap;
import java.util.Map;

/**
 * Tagging with both stages of a loaded model through one feature index: each feature's row holds
 * the first- and second-stage weights side by side, so the features the stages share are looked up
 * once. Gives the same labels as running the stages one after the other. Immutable.
 */
final class FusedStages {

  private static final int L = Labels.COUNT;
  private static final int MAX_FEATURES = 192;

  private final LongIntMap index;
  private final short[] weights; // row * 2L: stage 1 labels, then stage 2 labels
  private final float scale1;
  private final float scale2;

  FusedStages(NerModel stage1, NerModel stage2) {
    long[] k1 = stage1.index.keys();
    long[] k2 = stage2.index.keys();
    java.util.Arrays.sort(k1);
    java.util.Arrays.sort(k2);
    index = new LongIntMap(k1.length + k2.length);
    for (long k : k1) {
      index.getOrAdd(k);
    }
    for (long k : k2) {
      index.getOrAdd(k);
    }
    weights = new short[index.size() * 2 * L];
    copy(stage1, k1, 0);
    copy(stage2, k2, L);
    scale1 = stage1.scale();
    scale2 = stage2.scale();
  }

  private void copy(NerModel m, long[] keys, int offset) {
    short[] q = m.quantised();
    for (long k : keys) {
      int from = m.index.get(k) * L;
      int to = index.get(k) * 2 * L + offset;
      System.arraycopy(q, from, weights, to, L);
    }
  }

  /** BILOU labels per sentence after both stages. */
  int[][] tag(NerFeatures features, NerFeatures.Doc doc) {
    int ns = doc.sentenceCount();
    long[] feats = new long[MAX_FEATURES];
    float[] acc = new float[L];
    float[][][] second = new float[ns][][];
    int[][] first = new int[ns][];
    Map<String, int[]> history = new HashMap<>();
    for (int s = 0; s < ns; s++) {
      int n = doc.words[s].length;
      second[s] = new float[n][];
      first[s] = new int[n];
      int prev1 = Labels.O;
      int prev2 = Labels.O;
      for (int i = 0; i < n; i++) {
        float[] acc2 = new float[L];
        java.util.Arrays.fill(acc, 0f);
        for (long f : doc.statics[s][i]) {
          int row = index.get(f);
          if (row >= 0) {
            int base = row * 2 * L;
            for (int l = 0; l < L; l++) {
              acc[l] += weights[base + l];
              acc2[l] += weights[base + L + l];
            }
          }
        }
        second[s][i] = acc2;
        int[] h = history(doc, s, i, history);
        int k = features.dynamicFeatures(doc, s, i, prev1, prev2, h, feats, 0);
        add(feats, k, acc, 0);
        int best = best(acc, scale1, prev1, i + 1 == n);
        first[s][i] = best;
        prev2 = prev1;
        prev1 = best;
        record(doc, s, i, best, history);
      }
    }
    long[][][] extra = features.stage1Features(doc, first);
    history.clear();
    int[][] out = new int[ns][];
    for (int s = 0; s < ns; s++) {
      int n = doc.words[s].length;
      out[s] = new int[n];
      int prev1 = Labels.O;
      int prev2 = Labels.O;
      for (int i = 0; i < n; i++) {
        float[] acc2 = second[s][i];
        long[] x = extra[s][i];
        add(x, x.length, acc2, L);
        int[] h = history(doc, s, i, history);
        int k = features.dynamicFeatures(doc, s, i, prev1, prev2, h, feats, 0);
        add(feats, k, acc2, L);
        int best = best(acc2, scale2, prev1, i + 1 == n);
        out[s][i] = best;
        prev2 = prev1;
        prev1 = best;
        record(doc, s, i, best, history);
      }
    }
    return out;
  }

  private void add(long[] feats, int n, float[] acc, int offset) {
    for (int f = 0; f < n; f++) {
      int row = index.get(feats[f]);
      if (row >= 0) {
        int base = row * 2 * L + offset;
        for (int l = 0; l < L; l++) {
          acc[l] += weights[base + l];
        }
      }
    }
  }

  private static int best(float[] acc, float scale, int prev, boolean last) {
    int best = -1;
    float bestScore = 0;
    for (int l = 0; l < L; l++) {
      if (Labels.allowed(prev, l, last)) {
        float score = acc[l] * scale;
        if (best < 0 || score > bestScore) {
          best = l;
          bestScore = score;
        }
      }
    }
    return best;
  }

  private static int[] history(NerFeatures.Doc doc, int s, int i, Map<String, int[]> history) {
    return Character.isUpperCase(doc.words[s][i].charAt(0)) ? history.get(doc.lower[s][i]) : null;
  }

  private static void record(
      NerFeatures.Doc doc, int s, int i, int label, Map<String, int[]> history) {
    if (Character.isUpperCase(doc.words[s][i].charAt(0))) {
      int[] c = history.computeIfAbsent(doc.lower[s][i], x -> new int[Labels.TYPES.length + 1]);
      int t = Labels.type(label);
      c[t < 0 ? Labels.TYPES.length : t]++;
    }
  }
}
