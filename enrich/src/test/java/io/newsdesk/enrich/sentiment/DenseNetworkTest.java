package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseNetworkTest {

  /** Three classes by the sign of x0 * x1 (and a margin): not linearly separable. */
  private static int label(float[] x) {
    float v = x[0] * x[1];
    return v < -0.1f ? 0 : v > 0.1f ? 2 : 1;
  }

  private static float[] point(Random r, int dims) {
    float[] x = new float[dims];
    for (int i = 0; i < dims; i++) {
      x[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return x;
  }

  private static int predict(DenseNetwork net, float[] x) {
    double[] s = new double[3];
    net.addScores(x, new float[net.hidden], s);
    return TargetSentiment.argmax(s);
  }

  private static DenseNetwork trainXor(int dims, int hidden, long seed) {
    DenseNetwork net = DenseNetwork.initial(dims, hidden, seed);
    DenseNetwork.Adam adam = new DenseNetwork.Adam(net, 0.01, 0);
    Random r = new Random(seed);
    float[] h = new float[hidden];
    double[] s = new double[3];
    double[] d = new double[3];
    for (int step = 0; step < 40_000; step++) {
      float[] x = point(r, dims);
      int y = label(x);
      java.util.Arrays.fill(s, 0);
      net.addScores(x, h, s);
      double max = Math.max(s[0], Math.max(s[1], s[2]));
      double z = 0;
      for (int c = 0; c < 3; c++) {
        z += Math.exp(s[c] - max);
      }
      for (int c = 0; c < 3; c++) {
        d[c] = Math.exp(s[c] - max) / z - (c == y ? 1 : 0);
      }
      adam.step(x, h, d);
    }
    return net;
  }

  @Test
  void learnsAProblemNoLinearModelCanSeparate() {
    DenseNetwork net = trainXor(4, 16, 7L);
    Random r = new Random(99);
    int correct = 0;
    int n = 2_000;
    for (int i = 0; i < n; i++) {
      float[] x = point(r, 4);
      if (predict(net, x) == label(x)) {
        correct++;
      }
    }
    assertThat(correct / (double) n).isGreaterThan(0.85);
  }

  @Test
  void saveAndLoadGiveTheSameScores() throws Exception {
    DenseNetwork net = trainXor(4, 8, 3L);
    float[] w = new float[LinearModel.LABELS << 4];
    w[5] = 0.25f;
    LinearModel model = new LinearModel(4, w, new float[] {0.1f, 0f, -0.1f}, net);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    LinearModel back = LinearModel.read(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.net).isNotNull();
    assertThat(back.net.w1).containsExactly(net.w1);
    assertThat(back.net.w2).containsExactly(net.w2);
    FeatureVector fv = new FeatureVector(4);
    fv.dense[0] = 0.5f;
    fv.dense[1] = -0.7f;
    double[] a = new double[3];
    double[] b = new double[3];
    model.probabilities(fv, a);
    back.probabilities(fv, b);
    assertThat(b).containsExactly(a);
  }

  @Test
  void subnormalWeightsReadAsZeroSoThatScoringAvoidsSlowArithmetic() throws Exception {
    DenseNetwork net = trainXor(4, 8, 3L);
    net.w2[0] = Float.MIN_VALUE;
    net.w1[1] = -Float.MIN_NORMAL / 2;
    LinearModel model = new LinearModel(4, new float[LinearModel.LABELS << 4], new float[3], net);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    DenseNetwork back = LinearModel.read(new ByteArrayInputStream(out.toByteArray())).net;
    assertThat(back.w2[0]).isZero();
    assertThat(back.w1[1]).isZero();
    assertThat(back.w2[1]).isEqualTo(net.w2[1]);
    assertThat(back.w1[2]).isEqualTo(net.w1[2]);
  }

  @Test
  void aLinearOnlyModelStillReads() throws Exception {
    float[] w = new float[LinearModel.LABELS << 4];
    w[7] = -1f;
    LinearModel model = new LinearModel(4, w, new float[] {0f, 0.5f, 0f});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    LinearModel back = LinearModel.read(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.net).isNull();
    assertThat(back.bias).containsExactly(model.bias);
  }

  @Test
  void averagedEnsembleScoresAreTheMeanOfItsMembersScores() {
    LinearModel[] members = new LinearModel[3];
    for (int k = 0; k < members.length; k++) {
      float[] w = new float[LinearModel.LABELS << 4];
      w[3 * k + k] = k + 1f;
      members[k] = new LinearModel(4, w, new float[] {k, 0f, -k}, trainXor(4, 4, 11L + k));
    }
    LinearModel avg = SentimentTrainer.average(java.util.List.of(members));
    assertThat(avg.net.hidden).isEqualTo(12);
    float[] x = {0.4f, -0.3f, 0.2f, 0.9f};
    double[] mean = new double[3];
    for (LinearModel m : members) {
      double[] s = new double[3];
      m.net.addScores(x, new float[m.net.hidden], s);
      for (int c = 0; c < 3; c++) {
        mean[c] += s[c] / members.length;
      }
    }
    double[] s = new double[3];
    avg.net.addScores(x, new float[avg.net.hidden], s);
    for (int c = 0; c < 3; c++) {
      assertThat(s[c]).isCloseTo(mean[c], org.assertj.core.data.Offset.offset(1e-5));
    }
    assertThat(avg.bias[0]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(avg.w[4]).isCloseTo(2f / 3f, org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void wordsAddedThroughTheirProjectionsScoreAsTheirAveragedVectors() {
    int dims = 3;
    Random r = new Random(17);
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    float[] vectors = new float[5 * dims];
    for (int i = 0; i < 5; i++) {
      index.put("w" + i, i);
      for (int d = 0; d < dims; d++) {
        vectors[i * dims + d] = (float) r.nextGaussian();
      }
    }
    WordVectors words = new WordVectors(dims, index, vectors, new float[5]);
    // Two blocks of word vectors and two plain inputs.
    DenseNetwork net = trainXor(2 * dims + 2, 8, 23L);
    FeatureVector fv = new FeatureVector(4);
    fv.addWord(1, 0, 0.5f);
    fv.addWord(3, 0, 0.5f);
    fv.addWord(3, 1, 0.25f);
    fv.addWord(4, 1, 0.75f);
    fv.dense[2 * dims] = 0.3f;
    fv.dense[2 * dims + 1] = -1.2f;
    double[] projected = new double[3];
    double[] plain = new double[3];
    for (int round = 0; round < 2; round++) { // computed, then cached
      java.util.Arrays.fill(projected, 0);
      net.addScores(fv, words, new float[net.hidden], projected);
      java.util.Arrays.fill(plain, 0);
      net.addScores(fv.expandWords(words), new float[net.hidden], plain);
      for (int c = 0; c < 3; c++) {
        assertThat(projected[c]).isCloseTo(plain[c], org.assertj.core.data.Offset.offset(1e-3));
      }
    }
    assertThat(plain).isNotEqualTo(new double[3]);
  }
}
