package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-sequence activation quantizers against the pretrained graph's per-call ones, on the shipped
 * weights and the sentences of {@link HeadRowsGraphTest}.
 */
class PerSequenceQuantizationTest {

  @BeforeAll
  static void load() throws java.io.IOException {
    HeadRowsGraphTest.load();
  }

  /** The graphs compared: int8 products with the shipped float32 choice, with the outlier split. */
  enum Variant {
    SHIPPED(OnnxSentimentModel.Precision.MIXED, Map.of()),
    OUTLIER_SPLIT(OnnxSentimentModel.Precision.MIXED, OnnxSentimentModel.OUTLIERS),
    INT8(OnnxSentimentModel.Precision.INT8, Map.of());

    final OnnxSentimentModel.Precision precision;
    final Map<Integer, int[]> outliers;

    Variant(OnnxSentimentModel.Precision precision, Map<Integer, int[]> outliers) {
      this.precision = precision;
      this.outliers = outliers;
    }

    /** The graph with per-call quantizers, the last layer on the head rows where it can. */
    byte[] perCall() {
      return withHeadRows(
          OnnxSentimentModel.graph(
              HeadRowsGraphTest.shipped,
              precision,
              MixedPrecisionGraph.FEED_FORWARD_OUTPUT,
              outliers));
    }
  }

  private static byte[] withHeadRows(byte[] graph) {
    OnnxWeights g = OnnxWeights.of(graph);
    OnnxWeights.Edit rows = HeadRowsGraph.edit(g);
    return rows == null ? graph : g.edit(rows);
  }

  private static float[][] logits(byte[] graph, int batch) {
    try (OnnxSentimentModel m =
        OnnxSentimentModel.onGraph(graph, HeadRowsGraphTest.shipped, batch)) {
      return m.logits(HeadRowsGraphTest.inputs());
    }
  }

  /** The largest difference of a class probability between {@code a} and {@code b}. */
  private static double maxDiff(float[][] a, float[][] b) {
    assertThat(a.length).isEqualTo(b.length).isEqualTo(HeadRowsGraphTest.inputs().size());
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      double[] pa = OnnxSentimentModel.softmax(a[i]);
      double[] pb = OnnxSentimentModel.softmax(b[i]);
      for (int c = 0; c < pa.length; c++) {
        max = Math.max(max, Math.abs(pa[c] - pb[c]));
      }
    }
    return max;
  }

  /** Every graph variant with the default operators and with standard ONNX ones only. */
  static java.util.stream.Stream<Arguments> variants() {
    return java.util.Arrays.stream(Variant.values())
        .flatMap(v -> java.util.stream.Stream.of(Arguments.of(v, true), Arguments.of(v, false)));
  }

  private static byte[] perSequence(byte[] graph, boolean contrib) {
    OnnxWeights g = OnnxWeights.of(graph);
    return g.edit(PerSequenceQuantization.edit(g, contrib));
  }

  @ParameterizedTest
  @MethodSource("variants")
  void one_input_per_call_gives_what_the_per_call_quantizers_give(Variant v, boolean contrib) {
    byte[] perCall = v.perCall();
    byte[] perSequence = perSequence(perCall, contrib);
    assertThat(maxDiff(logits(perSequence, 1), logits(perCall, 1))).isLessThan(1e-6);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void batched_inputs_get_what_they_get_alone(Variant v, boolean contrib) {
    byte[] perCall = v.perCall();
    byte[] perSequence = perSequence(perCall, contrib);
    float[][] alone = logits(perSequence, 1);
    for (int batch : new int[] {3, 8}) {
      assertThat(maxDiff(logits(perSequence, batch), alone)).as("batch %d", batch).isLessThan(1e-5);
    }
    // The per-call quantizers' scales span the batch and its padding: there batching moves them.
    assertThat(maxDiff(logits(perCall, 8), logits(perCall, 1))).isGreaterThan(1e-4);
  }

  @Test
  void every_activation_quantizer_is_replaced_and_every_int8_product_kept() {
    OnnxWeights before = OnnxWeights.of(Variant.SHIPPED.perCall());
    assertThat(count(before, "DynamicQuantizeLinear")).isEqualTo(12);
    assertThat(count(before, "MatMulInteger")).isEqualTo(20);
    OnnxWeights standard = OnnxWeights.of(perSequence(before.bytes(), false));
    OnnxWeights contrib = OnnxWeights.of(perSequence(before.bytes(), true));
    for (OnnxWeights after : List.of(standard, contrib)) {
      assertThat(count(after, "DynamicQuantizeLinear")).isZero();
      assertThat(count(after, "MatMulInteger") + count(after, "MatMulIntegerToFloat"))
          .isEqualTo(20);
      // No product reads a zero point: it is folded out with the weights' column sums.
      after.nodes().stream()
          .filter(n -> n.op().startsWith("MatMulInteger"))
          .forEach(
              n -> {
                assertThat(n.inputs()).hasSize(n.op().equals("MatMulInteger") ? 2 : 4);
                assertThat(after.get(n.inputs().get(1) + "_colsum").dataType())
                    .isEqualTo(OnnxWeights.INT32);
              });
    }
    assertThat(count(standard, "QuantizeLinear")).isZero();
    assertThat(count(contrib, "QuantizeLinear")).isEqualTo(12);
    assertThat(count(contrib, "MatMulIntegerToFloat")).isEqualTo(20);
    // A graph without int8 products has nothing to replace.
    byte[] fp32 =
        OnnxSentimentModel.graph(
            HeadRowsGraphTest.shipped, OnnxSentimentModel.Precision.FP32, "", Map.of());
    assertThat(PerSequenceQuantization.edit(OnnxWeights.of(fp32))).isNull();
    assertThat(OnnxSentimentModel.perSequence(fp32)).isSameAs(fp32);
  }

  @Test
  void column_sums_are_those_of_the_int8_weights() {
    OnnxWeights before = OnnxWeights.of(Variant.SHIPPED.perCall());
    OnnxWeights after = OnnxWeights.of(perSequence(before.bytes(), true));
    String weight = "onnx::MatMul_787_quantized";
    byte[] w = before.get(weight).raw();
    java.nio.IntBuffer sums =
        java.nio.ByteBuffer.wrap(after.get(weight + "_colsum").raw())
            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .asIntBuffer();
    assertThat(sums.remaining()).isEqualTo(384);
    for (int n : List.of(0, 17, 383)) {
      int sum = 0;
      for (int k = 0; k < 384; k++) {
        sum += w[k * 384 + n];
      }
      assertThat(sums.get(n)).as("column %d", n).isEqualTo(sum);
    }
  }

  private static long count(OnnxWeights g, String op) {
    return g.nodes().stream().filter(n -> n.op().equals(op)).count();
  }
}
