package io.newsdesk.enrich.entities;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Labels each sentence of a document with the best-scoring BILOU path (Viterbi over first-order
 * label transitions, with the BILOU constraints as forbidden edges). Token scores come from the
 * token's features and the document's history of earlier sentences; edge scores from the previous
 * label and the current word's shape. The same walk serves structured-perceptron training (a
 * learner sees the gold and the predicted path of each sentence) and tagging.
 */
final class ViterbiDecoder {

  /** Scores of every label for a feature vector (the vector is left unchanged). */
  interface Scorer {
    void score(long[] feats, int n, float[] scores);
  }

  /**
   * Receives perceptron updates: {@code delta} on the weights of {@code label} for the features.
   */
  interface Learner {
    void update(long[] feats, int n, int label, float delta);
  }

  private static final int L = Labels.COUNT;
  private static final int MAX_FEATURES = 256;
  private static final int MAX_CACHED_SHAPES = 1 << 14;
  private static final float NONE = Float.NEGATIVE_INFINITY;

  // ALLOWED[last ? 1 : 0][prev * L + next]
  private static final boolean[][] ALLOWED = new boolean[2][L * L];

  // PREDECESSORS[last ? 1 : 0][l]: the labels allowed before l, in increasing order.
  private static final int[][][] PREDECESSORS = new int[2][L][];

  static {
    for (int p = 0; p < L; p++) {
      for (int l = 0; l < L; l++) {
        ALLOWED[0][p * L + l] = Labels.allowed(p, l, false);
        ALLOWED[1][p * L + l] = Labels.allowed(p, l, true);
      }
    }
    for (int last = 0; last < 2; last++) {
      for (int l = 0; l < L; l++) {
        int[] ps = new int[L];
        int m = 0;
        for (int p = 0; p < L; p++) {
          if (ALLOWED[last][p * L + l]) {
            ps[m++] = p;
          }
        }
        PREDECESSORS[last][l] = Arrays.copyOf(ps, m);
      }
    }
  }

  private ViterbiDecoder() {}

  /**
   * BILOU labels per sentence. {@code base} (nullable) holds precomputed token scores of the static
   * features, one row per sentence ({@code base[s][i * L + l]}: label l at token i); without it the
   * static features are scored here. With {@code gold} and {@code learner}, applies the
   * structured-perceptron update wherever the best path differs from gold.
   */
  static int[][] decode(
      NerFeatures features,
      NerFeatures.Doc doc,
      float[][] base,
      Scorer scorer,
      int[][] gold,
      Learner learner) {
    return decode(features, doc, base, scorer, null, gold, learner);
  }

  /**
   * As above; {@code edgeCache} (nullable, only with fixed weights: no learner) keeps the edge
   * scores of each word shape across calls.
   */
  static int[][] decode(
      NerFeatures features,
      NerFeatures.Doc doc,
      float[][] base,
      Scorer scorer,
      Map<String, float[]> edgeCache,
      int[][] gold,
      Learner learner) {
    if (edgeCache != null && learner != null) {
      throw new IllegalArgumentException("edge scores cannot be cached while learning");
    }
    int ns = doc.sentenceCount();
    int[][] out = new int[ns][];
    long[] feats = new long[MAX_FEATURES];
    long[] pairFeats = new long[2];
    float[] row = new float[L];
    Map<String, int[]> history = new HashMap<>();
    Map<String, float[]> edges = edgeCache != null ? edgeCache : new HashMap<>();
    // Token and edge scores of the sentence at hand, in rows kept from sentence to sentence (grown
    // to the longest so far): best() reads the first n.
    float[][] emit = new float[0][];
    float[][] pair = new float[0][];
    int[] back = new int[0];
    for (int s = 0; s < ns; s++) {
      int n = doc.words[s].length;
      if (emit.length < n) {
        emit = Arrays.copyOf(emit, Math.max(n, 2 * emit.length));
        for (int i = 0; i < emit.length; i++) {
          if (emit[i] == null) {
            emit[i] = new float[L];
          }
        }
        pair = new float[emit.length][];
      }
      long[][] kept = learner == null ? null : new long[n][];
      for (int i = 0; i < n; i++) {
        int k = 0;
        if (base == null) {
          long[] st = doc.statics[s][i];
          System.arraycopy(st, 0, feats, 0, st.length);
          k = st.length;
        }
        k = features.historyFeatures(doc, s, i, history(doc, s, i, history), feats, k);
        Arrays.fill(emit[i], 0f); // as a new row: the row of an earlier sentence
        scorer.score(feats, k, emit[i]);
        if (base != null) {
          float[] b = base[s];
          int o = i * L;
          for (int l = 0; l < L; l++) {
            emit[i][l] += b[o + l];
          }
        }
        if (kept != null) {
          kept[i] = Arrays.copyOf(feats, k);
        }
        String shape = doc.shapes[s][i];
        float[] e = edges.get(shape);
        if (e == null) {
          e = new float[L * L];
          for (int p = 0; p < L; p++) {
            int m = NerFeatures.pairFeatures(p, shape, pairFeats);
            scorer.score(pairFeats, m, row);
            System.arraycopy(row, 0, e, p * L, L);
          }
          if (edges.size() < MAX_CACHED_SHAPES) {
            edges.put(shape, e);
          }
        }
        pair[i] = e;
      }
      if (back.length < n * L) {
        back = new int[Math.max(n, 64) * L];
      }
      int[] labels = best(emit, pair, n, back);
      if (learner != null && !Arrays.equals(labels, gold[s])) {
        learn(doc, s, kept, gold[s], labels, learner, pairFeats);
        edges.clear();
      }
      for (int i = 0; i < n; i++) {
        record(doc, s, i, labels[i], history);
      }
      out[s] = labels;
    }
    return out;
  }

  private static void learn(
      NerFeatures.Doc doc,
      int s,
      long[][] feats,
      int[] gold,
      int[] pred,
      Learner learner,
      long[] pairFeats) {
    for (int i = 0; i < gold.length; i++) {
      if (gold[i] != pred[i]) {
        learner.update(feats[i], feats[i].length, gold[i], 1f);
        learner.update(feats[i], feats[i].length, pred[i], -1f);
      }
      int gp = i > 0 ? gold[i - 1] : Labels.O;
      int pp = i > 0 ? pred[i - 1] : Labels.O;
      if (gold[i] != pred[i] || gp != pp) {
        String shape = doc.shapes[s][i];
        int m = NerFeatures.pairFeatures(gp, shape, pairFeats);
        learner.update(pairFeats, m, gold[i], 1f);
        m = NerFeatures.pairFeatures(pp, shape, pairFeats);
        learner.update(pairFeats, m, pred[i], -1f);
      }
    }
  }

  /**
   * The best allowed path: {@code emit[i][l]} scores label l at token i, {@code pair[i][p * L + l]}
   * the edge from p at i-1 to l at i (at i = 0 the path starts from O).
   */
  static int[] best(float[][] emit, float[][] pair, int n) {
    return best(emit, pair, n, new int[n * L]);
  }

  /**
   * As above, with {@code back} (at least {@code n * L} long, overwritten) as the scratch for the
   * back pointers, so that a caller can keep one from sentence to sentence.
   */
  static int[] best(float[][] emit, float[][] pair, int n, int[] back) {
    int[] out = new int[n];
    if (n == 0) {
      return out;
    }
    float[] prev = new float[L];
    float[] cur = new float[L];
    boolean[] ok0 = ALLOWED[n == 1 ? 1 : 0];
    for (int l = 0; l < L; l++) {
      prev[l] = ok0[Labels.O * L + l] ? emit[0][l] + pair[0][Labels.O * L + l] : NONE;
    }
    for (int i = 1; i < n; i++) {
      int[][] preds = PREDECESSORS[i + 1 == n ? 1 : 0];
      float[] e = pair[i];
      float[] em = emit[i];
      int bk = i * L;
      for (int l = 0; l < L; l++) {
        // No check for unreachable predecessors: token and edge scores are finite, so from one
        // at NONE (negative infinity) v is NONE too, never above a reachable one's, and a label
        // with only unreachable predecessors stays NONE with 0 as its pointer, as before.
        float best = NONE;
        int arg = 0;
        for (int p : preds[l]) {
          float v = prev[p] + e[p * L + l];
          if (v > best) {
            best = v;
            arg = p;
          }
        }
        cur[l] = best + em[l];
        back[bk + l] = arg;
      }
      float[] t = prev;
      prev = cur;
      cur = t;
    }
    int arg = -1;
    for (int l = 0; l < L; l++) {
      if (prev[l] != NONE && (arg < 0 || prev[l] > prev[arg])) {
        arg = l;
      }
    }
    out[n - 1] = arg;
    for (int i = n - 1; i > 0; i--) {
      out[i - 1] = back[i * L + out[i]];
    }
    return out;
  }

  /** Left-to-right choice of the best allowed label given the one before (the old decoder). */
  static int[] greedy(float[][] emit, float[][] pair, int n) {
    int[] out = new int[n];
    int prev = Labels.O;
    for (int i = 0; i < n; i++) {
      boolean[] ok = ALLOWED[i + 1 == n ? 1 : 0];
      int best = -1;
      float bestScore = 0;
      for (int l = 0; l < L; l++) {
        if (ok[prev * L + l]) {
          float v = emit[i][l] + pair[i][prev * L + l];
          if (best < 0 || v > bestScore) {
            best = l;
            bestScore = v;
          }
        }
      }
      out[i] = best;
      prev = best;
    }
    return out;
  }

  /** The sum of token and edge scores of a path. */
  static float score(float[][] emit, float[][] pair, int[] path) {
    float v = 0;
    for (int i = 0; i < path.length; i++) {
      int p = i > 0 ? path[i - 1] : Labels.O;
      v += emit[i][path[i]] + pair[i][p * L + path[i]];
    }
    return v;
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
