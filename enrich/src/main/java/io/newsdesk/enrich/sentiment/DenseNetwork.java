package io.newsdesk.enrich.sentiment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One hidden layer of rectified units over a dense input (averaged word vectors and lexicon
 * polarities around a target), adding its three class scores to those of the sparse linear part.
 * Plain Java; weights are read-only once trained, so one network serves every thread.
 */
final class DenseNetwork {

  final int inputs;
  final int hidden;

  /** Input weights, row per hidden unit: {@code w1[h * inputs + i]}. */
  final float[] w1;

  final float[] b1;

  /**
   * The same input weights by column, {@code w1t[i * hidden + h]}: scoring adds one column per
   * non-zero input, a loop the JIT turns into vector instructions. Kept equal to {@link #w1}.
   */
  final float[] w1t;

  /** Output weights, row per class: {@code w2[c * hidden + h]}. */
  final float[] w2;

  /**
   * Projection of a word's vector through the input weights of one block ({@code block * rows +
   * row}): what the word adds to the hidden units per unit of weight, quantized to 16 bits with a
   * scale per projection. Filled lazily, only for the words met (at most 4 blocks x 40,000 words x
   * 2 bytes x hidden); valid while the weights stay as they are, that is once training is over.
   */
  private volatile Projections projections;

  /** Cached word projections for one set of word vectors. */
  private static final class Projections {
    final WordVectors vectors;
    final AtomicReferenceArray<short[]> rows;
    final float[] scales;

    Projections(WordVectors vectors, int blocks) {
      this.vectors = vectors;
      this.rows = new AtomicReferenceArray<>(blocks * vectors.size());
      this.scales = new float[blocks * vectors.size()];
    }
  }

  DenseNetwork(int inputs, int hidden, float[] w1, float[] b1, float[] w2) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.w1t = new float[w1.length];
    for (int j = 0; j < hidden; j++) {
      for (int i = 0; i < inputs; i++) {
        w1t[i * hidden + j] = w1[j * inputs + i];
      }
    }
  }

  /** A network with small seeded random weights (He initialisation) and zero output weights. */
  static DenseNetwork initial(int inputs, int hidden, long seed) {
    Random random = new Random(seed);
    float[] w1 = new float[inputs * hidden];
    double scale = Math.sqrt(2.0 / inputs);
    for (int i = 0; i < w1.length; i++) {
      w1[i] = (float) (random.nextGaussian() * scale);
    }
    float[] w2 = new float[LinearModel.LABELS * hidden];
    double scale2 = Math.sqrt(1.0 / hidden);
    for (int i = 0; i < w2.length; i++) {
      w2[i] = (float) (random.nextGaussian() * scale2 * 0.1);
    }
    return new DenseNetwork(inputs, hidden, w1, new float[hidden], w2);
  }

  /**
   * Adds the class scores of input {@code x} to {@code scores}, leaving the hidden activations in
   * {@code h} (length {@link #hidden}).
   */
  void addScores(float[] x, float[] h, double[] scores) {
    System.arraycopy(b1, 0, h, 0, hidden);
    addColumns(x, h);
    addOutput(h, scores);
  }

  /**
   * Adds the class scores of the input {@code fv} describes: its dense values plus its listed
   * words, each word's vector through the input weights of its block (block {@code b} being inputs
   * {@code b * vectors.dims ...}). The same scores as {@link #addScores(float[], float[],
   * double[])} on {@link FeatureVector#expandWords}, at the cost of one hidden-wide sum per word
   * instead of the dense matrix product, for the words whose projections are cached.
   */
  void addScores(FeatureVector fv, WordVectors vectors, float[] h, double[] scores) {
    System.arraycopy(b1, 0, h, 0, hidden);
    addColumns(fv.dense, h);
    int dims = vectors.dims;
    int blocks = inputs / dims;
    int rows = vectors.size();
    Projections cached = projections;
    if (cached == null || cached.vectors != vectors) {
      cached = new Projections(vectors, blocks);
      projections = cached;
    }
    AtomicReferenceArray<short[]> cache = cached.rows;
    float[] scales = cached.scales;
    for (int k = 0; k < fv.words; k++) {
      int block = fv.wordBlock[k];
      int slot = block * rows + fv.wordRow[k];
      short[] p = cache.get(slot);
      if (p == null) {
        p = project(vectors, block, fv.wordRow[k], scales, slot);
        cache.set(slot, p); // publishes the scale written before it
      }
      float weight = fv.wordWeight[k] * scales[slot];
      for (int j = 0; j < hidden; j++) {
        h[j] += weight * p[j];
      }
    }
    addOutput(h, scores);
  }

  /**
   * The projection of word {@code row} through block {@code block}, its scale into {@code scales}.
   */
  private short[] project(WordVectors vectors, int block, int row, float[] scales, int slot) {
    float[] p = new float[hidden];
    for (int d = 0; d < vectors.dims; d++) {
      addColumn(block * vectors.dims + d, vectors.value(row, d), p);
    }
    float max = 0f;
    for (float v : p) {
      max = Math.max(max, Math.abs(v));
    }
    float scale = max == 0f ? 1f : max / Short.MAX_VALUE;
    short[] q = new short[hidden];
    for (int j = 0; j < hidden; j++) {
      q[j] = (short) Math.round(p[j] / scale);
    }
    scales[slot] = scale;
    return q;
  }

  private void addColumns(float[] x, float[] h) {
    for (int i = 0; i < inputs; i++) {
      float xi = x[i];
      if (xi != 0f) {
        addColumn(i, xi, h); // empty spans leave whole blocks of inputs at zero
      }
    }
  }

  private void addColumn(int i, float xi, float[] h) {
    int o = i * hidden;
    for (int j = 0; j < hidden; j++) {
      h[j] += xi * w1t[o + j];
    }
  }

  /** Rectifies the hidden pre-activations {@code h} in place and adds the output layer's scores. */
  private void addOutput(float[] h, double[] scores) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    int hid = hidden;
    for (int j = 0; j < hid; j++) {
      // Without a branch: half the units are off, in no order a predictor could learn.
      float a = Math.max(h[j], 0f);
      h[j] = a;
      s0 += w2[j] * a;
      s1 += w2[hid + j] * a;
      s2 += w2[2 * hid + j] * a;
    }
    scores[0] += s0;
    scores[1] += s1;
    scores[2] += s2;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(inputs);
    out.writeInt(hidden);
    for (float[] a : new float[][] {w1, b1, w2}) {
      for (float v : a) {
        out.writeFloat(v);
      }
    }
  }

  static DenseNetwork read(DataInputStream in) throws IOException {
    int inputs = in.readInt();
    int hidden = in.readInt();
    if (inputs <= 0 || hidden <= 0 || inputs > 1 << 16 || hidden > 1 << 12) {
      throw new IOException("Bad network shape " + inputs + "x" + hidden);
    }
    float[] w1 = new float[inputs * hidden];
    float[] b1 = new float[hidden];
    float[] w2 = new float[LinearModel.LABELS * hidden];
    for (float[] a : new float[][] {w1, b1, w2}) {
      for (int i = 0; i < a.length; i++) {
        float v = in.readFloat();
        // Subnormal weights (output weights of dead units, decayed towards zero by L2) cost a
        // microcode assist per multiplication on x86 and add nothing to a score: zero them.
        a[i] = Math.abs(v) < Float.MIN_NORMAL ? 0f : v;
      }
    }
    return new DenseNetwork(inputs, hidden, w1, b1, w2);
  }

  /**
   * Adam over the network's parameters: one step per example, from the gradient of the loss with
   * respect to the class scores.
   */
  static final class Adam {
    private final DenseNetwork net;
    private final double rate;
    private final double l2;
    private final float[][] params;
    private final float[][] m;
    private final float[][] v;
    private long t;

    Adam(DenseNetwork net, double rate, double l2) {
      this.net = net;
      this.rate = rate;
      this.l2 = l2;
      this.params = new float[][] {net.w1, net.b1, net.w2};
      this.m = new float[3][];
      this.v = new float[3][];
      for (int k = 0; k < 3; k++) {
        m[k] = new float[params[k].length];
        v[k] = new float[params[k].length];
      }
    }

    /**
     * Backpropagates {@code dScores} (d loss / d class score) for input {@code x} whose hidden
     * activations {@link DenseNetwork#addScores} left in {@code h}, and takes one Adam step.
     */
    void step(float[] x, float[] h, double[] dScores) {
      int in = net.inputs;
      int hid = net.hidden;
      t++;
      double b1c = 1 - Math.pow(0.9, t);
      double b2c = 1 - Math.pow(0.999, t);
      double lr = rate * Math.sqrt(b2c) / b1c;
      for (int j = 0; j < hid; j++) {
        double dh = 0;
        for (int c = 0; c < LinearModel.LABELS; c++) {
          dh += dScores[c] * net.w2[c * hid + j];
          update(2, c * hid + j, (float) (dScores[c] * h[j]), lr);
        }
        if (h[j] <= 0) {
          continue;
        }
        update(1, j, (float) dh, lr);
        int o = j * in;
        float[] w1t = net.w1t;
        for (int i = 0; i < in; i++) {
          if (x[i] != 0f) {
            update(0, o + i, (float) (dh * x[i]), lr);
            w1t[i * hid + j] = net.w1[o + i];
          }
        }
      }
    }

    private void update(int k, int i, float g, double lr) {
      float[] p = params[k];
      g += (float) (l2 * p[i]);
      m[k][i] = 0.9f * m[k][i] + 0.1f * g;
      v[k][i] = 0.999f * v[k][i] + 0.001f * g * g;
      p[i] -= (float) (lr * m[k][i] / (Math.sqrt(v[k][i]) + 1e-8));
    }
  }
}
