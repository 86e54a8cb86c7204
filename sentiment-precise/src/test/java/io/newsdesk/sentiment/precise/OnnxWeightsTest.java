package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxWeightsTest {

  @Test
  void reads_named_and_anonymous_initializers_with_their_shapes() {
    OnnxWeights onnx = OnnxWeights.resource(OnnxSentimentModel.FP32_MODEL);
    assertThat(onnx.get("embeddings.word_embeddings.weight").dims()).containsExactly(30522, 384);
    String query = onnx.initializerOf("encoder.layer.0.attention.self.query.weight");
    assertThat(query).startsWith("onnx::MatMul");
    assertThat(onnx.get(query).dims()).containsExactly(384, 384);
    assertThat(onnx.get(onnx.initializerOf("encoder.layer.5.output.dense.weight")).dims())
        .containsExactly(1536, 384);
  }

  @Test
  void a_rewritten_model_carries_the_new_weights_and_keeps_the_others() {
    OnnxWeights onnx = OnnxWeights.resource(OnnxSentimentModel.FP32_MODEL);
    float[] bias = new float[384];
    bias[7] = 42f;
    String name = "encoder.layer.3.attention.self.key.bias";
    OnnxWeights copy =
        OnnxWeights.of(
            onnx.withInitializers(Map.of(name, OnnxWeights.Tensor.of(new long[] {384}, bias))));
    assertThat(copy.get(name).floats()).containsExactly(bias);
    assertThat(copy.tensors().keySet()).isEqualTo(onnx.tensors().keySet());
    String other = "encoder.layer.3.attention.self.value.bias";
    assertThat(copy.get(other).floats()).containsExactly(onnx.get(other).floats());
  }

  @Test
  void int8_weights_keep_every_value_within_half_a_step_of_its_column_scale() {
    float[] w = {0.5f, -2f, 0.25f, 1f, -0.5f, 0.1f};
    PreciseWeights.Entry q = PreciseWeights.Entry.quantize(new long[] {3, 2}, w);
    float[] back = q.floats();
    for (int i = 0; i < w.length; i++) {
      assertThat(Math.abs(back[i] - w[i])).isLessThanOrEqualTo(q.scales()[i % 2] / 2 + 1e-7f);
    }
  }
}
