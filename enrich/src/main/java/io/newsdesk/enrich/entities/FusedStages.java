package io.newsdesk.enrich.entities;

/**
 * Tagging with both stages of a loaded model through one feature index: each feature's row holds
 * the first- and second-stage weights side by side, so the features the stages share are looked up
 * once. Gives the same labels as running the stages one after the other. Immutable.
 */
final class FusedStages {

  private static final int L = Labels.COUNT;

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

  /** BILOU labels per sentence after both stages (Viterbi in each). */
  int[][] tag(NerFeatures features, NerFeatures.Doc doc) {
    int ns = doc.sentenceCount();
    float[][][] first = new float[ns][][];
    float[][][] second = new float[ns][][];
    for (int s = 0; s < ns; s++) {
      int n = doc.words[s].length;
      first[s] = new float[n][];
      second[s] = new float[n][];
      for (int i = 0; i < n; i++) {
        float[] acc = new float[L];
        float[] acc2 = new float[L];
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
        for (int l = 0; l < L; l++) {
          acc[l] *= scale1;
        }
        first[s][i] = acc;
        second[s][i] = acc2;
      }
    }
    int[][] labels =
        ViterbiDecoder.decode(
            features, doc, first, (f, n, out) -> score(f, n, out, 0, scale1), null, null);
    long[][][] extra = features.stage1Features(doc, labels);
    for (int s = 0; s < ns; s++) {
      for (int i = 0; i < doc.words[s].length; i++) {
        float[] acc2 = second[s][i];
        long[] x = extra[s][i];
        add(x, x.length, acc2, L);
        for (int l = 0; l < L; l++) {
          acc2[l] *= scale2;
        }
      }
    }
    return ViterbiDecoder.decode(
        features, doc, second, (f, n, out) -> score(f, n, out, L, scale2), null, null);
  }

  private void score(long[] feats, int n, float[] out, int offset, float scale) {
    java.util.Arrays.fill(out, 0f);
    add(feats, n, out, offset);
    for (int l = 0; l < L; l++) {
      out[l] *= scale;
    }
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
}
