package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopLayerTrainerTest {

  static OnnxWeights onnx;
  static WordPiece tokenizer;

  @BeforeAll
  static void load() {
    System.setProperty("ai.djl.offline", "true");
    onnx = OnnxWeights.resource(OnnxSentimentModel.FP32_MODEL);
    tokenizer = WordPiece.resource(OnnxSentimentModel.TOKENIZER);
  }

  private static List<PreciseTrainer.Example> examples() {
    List<PreciseTrainer.Example> out = new ArrayList<>();
    String a = "Residents thanked the fire chief for a calm and quick evacuation of the valley.";
    out.add(new PreciseTrainer.Example(TargetInput.of(tokenizer, a, new int[] {22, 32}), 2));
    String b = "Auditors said Norbury Mills had misled lenders about its debts for a decade.";
    out.add(new PreciseTrainer.Example(TargetInput.of(tokenizer, b, new int[] {14, 27}), 0));
    String c = "The committee meets again on Thursday.";
    out.add(new PreciseTrainer.Example(TargetInput.of(tokenizer, c, new int[] {0, 13}), 1));
    return out;
  }

  private record Run(float loss, Map<String, float[]> grads) {}

  /** Loss and gradients of the trainable tensors after one backward pass of {@code forward}. */
  private static Run run(
      MiniLmEncoder encoder, java.util.function.Function<NDManager, NDArray> forward, int[] y) {
    try (NDManager m = NDManager.newBaseManager()) {
      float loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l = Training.loss(m, forward.apply(m), y, new float[] {1, 1, 1});
        gc.backward(l);
        loss = l.getFloat();
      }
      Map<String, float[]> grads = new LinkedHashMap<>();
      encoder
          .parameters()
          .forEach(
              (name, p) -> {
                NDArray g = p.getGradient();
                grads.put(name, g.toFloatArray());
                g.muli(0);
              });
      return new Run(loss, grads);
    }
  }

  @Test
  void training_from_cached_lower_states_gives_the_loss_and_gradients_of_the_full_forward() {
    int frozen = 4;
    List<PreciseTrainer.Example> examples = examples();
    int[] y = examples.stream().mapToInt(PreciseTrainer.Example::label).toArray();
    List<TargetInput> inputs = examples.stream().map(PreciseTrainer.Example::input).toList();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> weights = MiniLmEncoder.pretrained(onnx, shapes, 5);
    NDManager base = NDManager.newBaseManager();
    try (MiniLmEncoder encoder =
        new MiniLmEncoder(
            base,
            MiniLmEncoder.Embeddings.of(onnx),
            weights,
            shapes,
            name -> TopLayerTrainer.trainable(name, frozen))) {
      assertThat(encoder.parameters().keySet())
          .contains("encoder.layer.4.attention.self.query.weight", "head.weight")
          .noneMatch(n -> n.startsWith("encoder.layer.3.") || n.startsWith("embeddings."));

      Run full = run(encoder, m -> encoder.logits(m, inputs, false), y);
      List<TopLayerTrainer.Cached> cached = TopLayerTrainer.cache(encoder, base, examples, frozen);
      Run fromCache =
          run(encoder, m -> TopLayerTrainer.logits(encoder, m, cached, frozen, false), y);

      assertThat(full.loss()).isGreaterThan(0.5f);
      assertThat(fromCache.loss())
          .isCloseTo(full.loss(), org.assertj.core.data.Offset.offset(1e-4f));
      for (String name : encoder.parameters().keySet()) {
        float[] a = full.grads().get(name);
        float[] b = fromCache.grads().get(name);
        double norm = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
          norm += a[i] * a[i];
          diff += (a[i] - b[i]) * (a[i] - b[i]);
        }
        assertThat(norm).as("gradient of %s is not zero", name).isGreaterThan(0);
        assertThat(Math.sqrt(diff / norm))
            .as("relative gradient error of %s", name)
            .isLessThan(1e-3);
      }
    }
  }

  @Test
  void a_few_steps_on_cached_states_fit_a_small_batch() {
    int frozen = 5;
    List<PreciseTrainer.Example> examples = examples();
    int[] y = examples.stream().mapToInt(PreciseTrainer.Example::label).toArray();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> weights = MiniLmEncoder.pretrained(onnx, shapes, 5);
    NDManager base = NDManager.newBaseManager();
    try (MiniLmEncoder encoder =
        new MiniLmEncoder(
            base,
            MiniLmEncoder.Embeddings.of(onnx),
            weights,
            shapes,
            name -> TopLayerTrainer.trainable(name, frozen))) {
      List<TopLayerTrainer.Cached> cached = TopLayerTrainer.cache(encoder, base, examples, frozen);
      PreciseTrainer.AdamW adam = new PreciseTrainer.AdamW(encoder.parameters(), 1e-4f, 1e-2f, 0);
      float first = 0;
      float last = 0;
      for (int step = 0; step < 15; step++) {
        try (NDManager m = base.newSubManager()) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray l =
                Training.loss(
                    m,
                    TopLayerTrainer.logits(encoder, m, cached, frozen, false),
                    y,
                    new float[] {1, 1, 1});
            gc.backward(l);
            last = l.getFloat();
            first = step == 0 ? last : first;
          }
          adam.step(m, 1f);
        }
      }
      assertThat(last).isLessThan(first / 4);
      try (NDManager m = base.newSubManager()) {
        assertThat(TopLayerTrainer.evaluate(encoder, m, cached, frozen).accuracy()).isEqualTo(1.0);
      }
    }
  }

  @Test
  void lower_states_come_from_float32_unless_int8_is_asked_for_and_nothing_else_is_accepted() {
    assertThat(TopLayerTrainer.Options.from(Map.of()).int8Lower()).isFalse();
    assertThat(TopLayerTrainer.Options.from(Map.of("lower", "int8")).int8Lower()).isTrue();
    assertThat(TopLayerTrainer.Options.from(Map.of("init", "shipped.bin.gz")).init())
        .hasToString("shipped.bin.gz");
    assertThatThrownBy(() -> TopLayerTrainer.Options.from(Map.of("lower", "fp16")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower");
  }
}
