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

  // Edge scores per word shape, which depend on the weights alone: computed once per shape.
  private final java.util.Map<String, float[]> edges1 =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, float[]> edges2 =
      new java.util.concurrent.ConcurrentHashMap<>();

  // Per word, both stages' sums of its word-local features and of the features it gives each of its
  // neighbours, which depend on the weights and the word alone: summed once per word (in ints, so
  // the order of the sums does not matter). Part 0: the word's own; part 1 + r: as neighbour r.
  private static final int PARTS = 1 + NerFeatures.NEIGHBOURS;

  private final WordScoreCache wordSums = new WordScoreCache();

  FusedStages(NerModel stage1, NerModel stage2) {
    long[] k1 = stage1.index.keys();
    long[] k2 = stage2.index.keys();
    java.util.Arrays.sort(k1);
    java.util.Arrays.sort(k2);
    LongIntMap union = new LongIntMap(k1.length + k2.length);
    for (long k : k1) {
      union.getOrAdd(k);
    }
    for (long k : k2) {
      union.getOrAdd(k);
    }
    // Sized for the features the stages hold together: half the memory of sizing for the sum,
    // which matters because lookups are bound by cache and TLB misses.
    index = new LongIntMap(union.size());
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

  /**
   * BILOU labels per sentence after both stages (Viterbi in each), for a document prepared without
   * the features of single words ({@code features.prepare(sentences, false)}): they are scored
   * here.
   */
  int[][] tag(NerFeatures features, NerFeatures.Doc doc) {
    int ns = doc.sentenceCount();
    // Per sentence one row of scores (token i's at i * L) and one of the second stage's sums.
    float[][] first = new float[ns][];
    int[][] second = new int[ns][];
    int[] rows = new int[256];
    long[] local = new long[PARTS * features.maxWordLocalFeatures()];
    int[] ends = new int[PARTS];
    int[] acc = new int[2 * L];
    int[][] sums = new int[0][];
    for (int s = 0; s < ns; s++) {
      int n = doc.words[s].length;
      float[] a1 = new float[n * L];
      int[] a2 = new int[n * L];
      first[s] = a1;
      second[s] = a2;
      if (sums.length < n) {
        sums = new int[n][];
      }
      for (int i = 0; i < n; i++) {
        String word = doc.words[s][i];
        int[] w = wordSums.get(word);
        if (w == null) {
          features.wordParts(word, local, ends);
          w = new int[PARTS * 2 * L];
          rows = sumParts(local, ends, rows, w);
          wordSums.put(word, w);
        }
        sums[i] = w;
      }
      for (int i = 0; i < n; i++) {
        System.arraycopy(sums[i], 0, acc, 0, 2 * L);
        // Where the neighbour exists, its part for this relation (as prepare left it out).
        addPart(i > 0 ? sums[i - 1] : null, 1 + NerFeatures.PREV, acc);
        addPart(i + 1 < n ? sums[i + 1] : null, 1 + NerFeatures.NEXT, acc);
        addPart(i > 1 ? sums[i - 2] : null, 3, acc);
        addPart(i + 2 < n ? sums[i + 2] : null, 4, acc);
        rows = sum(doc.statics[s][i], doc.statics[s][i].length, rows, acc);
        int o = i * L;
        for (int l = 0; l < L; l++) {
          a1[o + l] = acc[l] * scale1;
        }
        System.arraycopy(acc, L, a2, o, L);
      }
    }
    int[][] labels =
        ViterbiDecoder.decode(
            features, doc, first, (f, n, out) -> score(f, n, out, 0, scale1), edges1, null, null);
    long[][][] extra = features.stage1Features(doc, labels);
    for (int s = 0; s < ns; s++) {
      int n = doc.words[s].length;
      int[] acc2 = second[s];
      // The first stage's rows are done with: they take the second stage's scores.
      float[] b = first[s];
      for (int i = 0; i < n; i++) {
        long[] x = extra[s][i];
        int o = i * L;
        addInts(x, x.length, acc2, o);
        for (int l = 0; l < L; l++) {
          b[o + l] = acc2[o + l] * scale2;
        }
      }
    }
    return ViterbiDecoder.decode(
        features, doc, first, (f, n, out) -> score(f, n, out, L, scale2), edges2, null, null);
  }

  /**
   * Sums both stages' weights of each part of a word's features ({@link NerFeatures#wordParts})
   * into its place in {@code out}: all lookups of all the parts first, so that more cache misses
   * overlap. Returns the row buffer, grown if it was too small.
   */
  private int[] sumParts(long[] feats, int[] ends, int[] rows, int[] out) {
    int m = ends[PARTS - 1];
    if (rows.length < m) {
      rows = new int[m];
    }
    lookUp(feats, m, rows);
    short[] w = weights;
    int f = 0;
    for (int p = 0; p < PARTS; p++) {
      int to = p * 2 * L;
      for (; f < ends[p]; f++) {
        int row = rows[f];
        if (row >= 0) {
          int base = row * 2 * L;
          for (int l = 0; l < 2 * L; l++) {
            out[to + l] += w[base + l];
          }
        }
      }
    }
    return rows;
  }

  private static void addPart(int[] wordSums, int part, int[] acc) {
    if (wordSums != null) {
      int base = part * 2 * L;
      for (int l = 0; l < 2 * L; l++) {
        acc[l] += wordSums[base + l];
      }
    }
  }

  /**
   * Adds the weights of both stages of the first {@code m} features to {@code acc}: all lookups
   * first, so that the cache misses of independent keys overlap; then the sums (of 16-bit weights,
   * exact in ints, in any order). Returns the row buffer, grown if it was too small.
   */
  private int[] sum(long[] feats, int m, int[] rows, int[] acc) {
    if (rows.length < m) {
      rows = new int[m];
    }
    lookUp(feats, m, rows);
    short[] w = weights;
    for (int f = 0; f < m; f++) {
      int row = rows[f];
      if (row >= 0) {
        int base = row * 2 * L;
        for (int l = 0; l < 2 * L; l++) {
          acc[l] += w[base + l];
        }
      }
    }
    return rows;
  }

  // Looks up the rows of all the features and touches both ends of each row's weights: the loads
  // are independent, so the processor overlaps their cache misses (a software prefetch) before the
  // summing loop, whose long body would otherwise let only a row or two be in flight at a time.
  private void lookUp(long[] feats, int n, int[] rows) {
    LongIntMap index = this.index;
    short[] w = weights;
    int touched = 0;
    for (int f = 0; f < n; f++) {
      int row = index.get(feats[f]);
      rows[f] = row;
      if (row >= 0) {
        touched += w[row * 2 * L] + w[row * 2 * L + 2 * L - 1];
      }
    }
    sink = touched;
  }

  @SuppressWarnings("unused")
  private int sink;

  // Adds the second stage's weights of the features to acc[at] to acc[at + L - 1].
  private void addInts(long[] feats, int n, int[] acc, int at) {
    short[] w = weights;
    for (int f = 0; f < n; f++) {
      int row = index.get(feats[f]);
      if (row >= 0) {
        int base = row * 2 * L + L;
        for (int l = 0; l < L; l++) {
          acc[at + l] += w[base + l];
        }
      }
    }
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
