package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MixedPrecisionGraphTest {

  static OnnxWeights fp32;
  static WordPiece tokenizer;
  static Map<String, long[]> shapes = new LinkedHashMap<>();
  static Map<String, float[]> pretrained;

  @BeforeAll
  static void load() {
    System.setProperty("ai.djl.offline", "true");
    fp32 = OnnxWeights.resource(OnnxSentimentModel.FP32_MODEL);
    tokenizer = WordPiece.resource(OnnxSentimentModel.TOKENIZER);
    pretrained = MiniLmEncoder.pretrained(fp32, shapes, 1);
  }

  private static List<TargetInput> inputs() {
    String a = "The council thanked the nurses who worked through the storm on Friday night.";
    String b = "Investors sued Brightwater Ltd. after its chief hid the debts for two years.";
    return List.of(
        TargetInput.of(tokenizer, a, new int[] {24, 30}),
        TargetInput.of(tokenizer, b, new int[] {14, 30}));
  }

  /**
   * The pretrained weights of {@code layers} and a zero head, as a weights file would hold them.
   */
  private static Map<String, PreciseWeights.Entry> weights(int... layers) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (int layer : layers) {
      pretrained.forEach(
          (name, v) -> {
            if (name.startsWith("encoder.layer." + layer + ".")) {
              values.put(name, v);
            }
          });
    }
    values.put("head.weight", new float[768 * 3]);
    values.put("head.bias", new float[3]);
    Map<String, long[]> s = new LinkedHashMap<>(shapes);
    s.put("head.weight", new long[] {768, 3});
    s.put("head.bias", new long[] {3});
    return PreciseWeights.of(values, s);
  }

  private static long count(byte[] graph, String op) {
    return OnnxWeights.of(graph).nodes().stream().filter(n -> n.op().equals(op)).count();
  }

  private static float[][][] hidden(
      Map<String, PreciseWeights.Entry> w, OnnxSentimentModel.Precision p) {
    try (OnnxSentimentModel m = OnnxSentimentModel.of(w, p, 1)) {
      return m.hidden(inputs());
    }
  }

  private static double maxDiff(float[][][] a, float[][][] b) {
    double max = 0;
    List<TargetInput> in = inputs();
    for (int i = 0; i < in.size(); i++) {
      for (int j = 0; j < in.get(i).length(); j++) {
        for (int d = 0; d < MiniLmEncoder.HIDDEN; d++) {
          max = Math.max(max, Math.abs(a[i][j][d] - b[i][j][d]));
        }
      }
    }
    return max;
  }

  private static float[][][] hidden(Map<String, PreciseWeights.Entry> w, byte[] graph) {
    try (OnnxSentimentModel m = OnnxSentimentModel.onGraph(graph, w)) {
      return m.hidden(inputs());
    }
  }

  private static double meanDiff(float[][][] a, float[][][] b) {
    double sum = 0;
    long n = 0;
    List<TargetInput> in = inputs();
    for (int i = 0; i < in.size(); i++) {
      for (int j = 0; j < in.get(i).length(); j++) {
        for (int d = 0; d < MiniLmEncoder.HIDDEN; d++) {
          sum += Math.abs(a[i][j][d] - b[i][j][d]);
          n++;
        }
      }
    }
    return sum / n;
  }

  @Test
  void splitting_off_the_outlier_channels_brings_int8_feed_forward_outputs_nearer_float32() {
    Map<String, PreciseWeights.Entry> w = weights(4, 5);
    var mixed = OnnxSentimentModel.Precision.MIXED;
    String ffOut = MixedPrecisionGraph.FEED_FORWARD_OUTPUT;
    float[][][] fl = hidden(w, OnnxSentimentModel.graph(w, mixed, ffOut, Map.of()));
    float[][][] int8 = hidden(w, OnnxSentimentModel.graph(w, mixed, "", Map.of()));
    byte[] graph = OnnxSentimentModel.graph(w, mixed, ffOut, OnnxSentimentModel.OUTLIERS);
    float[][][] split = hidden(w, graph);
    // Layers 1-4 feed-forward outputs int8 again (4 MatMulInteger more than the shipped graph's
    // 20), each with a keep mask, a channel selection, a float product and a sum.
    assertThat(count(graph, "MatMulInteger")).isEqualTo(24);
    assertThat(OnnxWeights.of(graph).nodes().stream().filter(n -> n.name().contains("/outliers/")))
        .hasSize(16);
    assertThat(meanDiff(split, fl))
        .as("mean difference, int8 %s", meanDiff(int8, fl))
        .isLessThan(meanDiff(int8, fl) * 0.75);
  }

  @Test
  void the_mixed_graph_runs_the_trained_layers_and_the_feed_forward_outputs_in_float32() {
    // The graphs before the per-sequence quantizers (PerSequenceQuantizationTest).
    String ffOut = MixedPrecisionGraph.FEED_FORWARD_OUTPUT;
    byte[] int8 =
        OnnxSentimentModel.graph(weights(4, 5), OnnxSentimentModel.Precision.INT8, ffOut, Map.of());
    byte[] mixed =
        OnnxSentimentModel.graph(
            weights(4, 5), OnnxSentimentModel.Precision.MIXED, ffOut, Map.of());
    // Six products per layer; attention's two activation products are float32 in both graphs.
    // Float32: all six of layers 4 and 5, and the feed-forward output of layers 0 to 3.
    assertThat(count(int8, "MatMulInteger")).isEqualTo(36);
    assertThat(count(mixed, "MatMulInteger")).isEqualTo(36 - 12 - 4);
    assertThat(count(mixed, "MatMul")).isEqualTo(count(int8, "MatMul") + 16);
    // Per layer one activation quantizer per distinct input (QKV, attention output, feed-forward
    // in, feed-forward out): layers 4 and 5 lose all four, layers 0 to 3 the feed-forward out's.
    assertThat(count(mixed, "DynamicQuantizeLinear"))
        .isEqualTo(count(int8, "DynamicQuantizeLinear") - 8 - 4);
    assertThat(
            OnnxWeights.of(mixed).nodes().stream()
                .filter(n -> n.op().equals("MatMul"))
                .map(OnnxWeights.Node::name))
        .contains("/encoder/layer.2/output/dense/MatMul")
        .doesNotContain("/encoder/layer.2/intermediate/dense/MatMul");
  }

  @Test
  void float32_layers_bring_the_hidden_states_closer_to_the_float32_graphs() {
    float[][][] reference = hidden(weights(), OnnxSentimentModel.Precision.FP32);
    double int8 = maxDiff(hidden(weights(4, 5), OnnxSentimentModel.Precision.INT8), reference);
    double top = maxDiff(hidden(weights(4, 5), OnnxSentimentModel.Precision.MIXED), reference);
    double all =
        maxDiff(hidden(weights(0, 1, 2, 3, 4, 5), OnnxSentimentModel.Precision.MIXED), reference);
    assertThat(all).as("all six layers in float32 (int8 embeddings only)").isLessThan(top);
    assertThat(top).as("top two layers and feed-forward outputs in float32").isLessThan(int8);
  }

  @Test
  void the_int8_lower_layers_give_the_states_of_the_layer_asked_for() {
    List<TargetInput> in = inputs();
    float[] int8;
    try (TopLayerTrainer.Int8Lower lower = new TopLayerTrainer.Int8Lower(4, 1)) {
      int8 = lower.states(in.get(0));
    }
    float[] layer4;
    float[] layer3;
    try (MiniLmEncoder encoder =
        new MiniLmEncoder(
            NDManager.newBaseManager(), MiniLmEncoder.Embeddings.of(fp32), pretrained, shapes)) {
      try (NDManager m = NDManager.newBaseManager()) {
        layer4 = encoder.lower(m, List.of(in.get(0)), 4, false).toFloatArray();
        layer3 = encoder.lower(m, List.of(in.get(0)), 3, false).toFloatArray();
      }
    }
    assertThat(int8).hasSize(in.get(0).length() * MiniLmEncoder.HIDDEN).isNotEqualTo(layer4);
    assertThat(distance(int8, layer4)).isLessThan(distance(int8, layer3) / 2);
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (double) (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }
}
