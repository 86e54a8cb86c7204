package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void averaging_is_off_unless_asked_for_and_its_settings_are_checked() {
    TopLayerTrainer.Options plain = TopLayerTrainer.Options.from(Map.of());
    assertThat(plain.tailAverage()).isFalse();
    assertThat(plain.averageWith()).isNull();
    TopLayerTrainer.Options tail =
        TopLayerTrainer.Options.from(
            Map.of("average", "tail", "average-from", "0.75", "average-with", "other.bin.gz"));
    assertThat(tail.tailAverage()).isTrue();
    assertThat(tail.averageFrom()).isEqualTo(0.75f);
    assertThat(tail.averageWith()).hasToString("other.bin.gz");
    assertThatThrownBy(() -> TopLayerTrainer.Options.from(Map.of("average", "swa")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("average");
    assertThatThrownBy(() -> TopLayerTrainer.Options.from(Map.of("average-from", "1.5")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trainable_tensors_can_be_replaced_in_place_and_read_back() {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> weights = MiniLmEncoder.pretrained(onnx, shapes, 5);
    NDManager base = NDManager.newBaseManager();
    try (MiniLmEncoder encoder =
        new MiniLmEncoder(
            base,
            MiniLmEncoder.Embeddings.of(onnx),
            weights,
            shapes,
            name -> TopLayerTrainer.trainable(name, 5))) {
      Map<String, float[]> before = encoder.trainableValues();
      Map<String, float[]> halved = new LinkedHashMap<>();
      before.forEach(
          (k, v) -> {
            float[] h = v.clone();
            for (int i = 0; i < h.length; i++) {
              h[i] /= 2;
            }
            halved.put(k, h);
          });
      encoder.setTrainable(halved);
      Map<String, float[]> after = encoder.trainableValues();
      assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
      // Arrays.equals: AssertJ's element-wise comparison is slow on a million values.
      after.forEach((k, v) -> assertThat(java.util.Arrays.equals(v, halved.get(k))).as(k).isTrue());
      assertThat(java.util.Arrays.equals(after.get("head.weight"), before.get("head.weight")))
          .isFalse();
      assertThat(encoder.parameters().get("head.weight").hasGradient()).isTrue();
      assertThatThrownBy(() -> encoder.setTrainable(Map.of("head.bias", new float[3])))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static String line(String sentence, String target, int polarity) {
    int from = sentence.indexOf(target);
    return "{\"sentence_normalized\": \""
        + sentence
        + "\", \"targets\": [{\"from\": "
        + from
        + ", \"to\": "
        + (from + target.length())
        + ", \"mention\": \""
        + target
        + "\", \"polarity\": "
        + polarity
        + ".0}]}\n";
  }

  /** A made-up NewsMTSC folder: six train targets, three in each dev split. */
  private static Path tinyNewsMtsc(Path dir) throws Exception {
    String train =
        line("Residents praised Mayor Okafor for the calm evacuation.", "Mayor Okafor", 6)
            + line("Auditors said Norbury Mills misled its lenders for years.", "Norbury Mills", 2)
            + line("The council of Easthaven meets on Thursday.", "Easthaven", 4)
            + line("Fans cheered as Dana Ruiz broke the course record.", "Dana Ruiz", 6)
            + line("Prosecutors accused Velto Freight of dumping waste.", "Velto Freight", 2)
            + line("Tom Baker will give a talk at the library.", "Tom Baker", 4);
    String dev =
        line("Critics blamed Harlan Oil for the spill.", "Harlan Oil", 2)
            + line("Voters thanked Senator Imre for the new bridge.", "Senator Imre", 6)
            + line("Lena Park travels to Oslo next week.", "Lena Park", 4);
    Files.createDirectories(dir.resolve("dev-rw"));
    Files.createDirectories(dir.resolve("dev-mt"));
    Files.writeString(dir.resolve("train.jsonl"), train);
    Files.writeString(dir.resolve("dev-rw/dev.jsonl"), dev);
    Files.writeString(dir.resolve("dev-mt/dev.jsonl"), dev);
    return dir;
  }

  @Test
  void a_run_with_tail_averaging_scores_and_writes_the_average_and_the_soup_beside_the_best(
      @TempDir Path dir) throws Exception {
    Path data = tinyNewsMtsc(dir.resolve("newsmtsc"));
    // The other soup ingredient: the pretrained layer 6 and a random head, as a weights file.
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> pretrained = MiniLmEncoder.pretrained(onnx, shapes, 3);
    Map<String, float[]> top = new LinkedHashMap<>();
    Map<String, long[]> topShapes = new LinkedHashMap<>();
    pretrained.forEach(
        (k, v) -> {
          if (TopLayerTrainer.trainable(k, 5)) {
            top.put(k, v);
            topShapes.put(k, shapes.get(k));
          }
        });
    Path other = dir.resolve("other.bin.gz");
    Training.write(top, topShapes, other);
    Path out = dir.resolve("models/w.bin.gz");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    TopLayerTrainer.train(
        data,
        out,
        TopLayerTrainer.Options.from(
            Map.of(
                "top", "1",
                "epochs", "2",
                "batch", "2",
                "eval-every", "1",
                // One check without gain would stop a run, but not once averaging has started.
                "patience", "1",
                "average", "tail",
                "average-from", "0",
                "average-with", other.toString(),
                "threads", "1")),
        new PrintStream(log, true, StandardCharsets.UTF_8));

    String printed = log.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("average of 6 checks from step 1: dev-rw F1m")
        .contains("soup of the best checkpoint and " + other);
    Path avg = dir.resolve("models/w-avg.bin.gz");
    Path soup = dir.resolve("models/w-soup.bin.gz");
    Map<String, float[]> best = WeightAverage.read(out);
    Map<String, float[]> averaged = WeightAverage.read(avg);
    Map<String, float[]> souped = WeightAverage.read(soup);
    assertThat(averaged.keySet()).isEqualTo(best.keySet()).isEqualTo(top.keySet());
    assertThat(averaged.get("head.bias")).isNotEqualTo(best.get("head.bias"));
    // Biases are stored as float32: the soup's is the mean of the two files' exactly.
    float[] b = best.get("head.bias");
    float[] o = top.get("head.bias");
    for (int i = 0; i < b.length; i++) {
      assertThat(souped.get("head.bias")[i])
          .isCloseTo((b[i] + o[i]) / 2, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }
}
