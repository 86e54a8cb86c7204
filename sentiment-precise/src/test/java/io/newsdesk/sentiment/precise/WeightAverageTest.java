package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightAverageTest {

  private static Map<String, float[]> weights(float[] matrix, float[] bias) {
    Map<String, float[]> w = new LinkedHashMap<>();
    w.put("encoder.layer.5.output.dense.weight", matrix);
    w.put("encoder.layer.5.output.dense.bias", bias);
    return w;
  }

  private static Map<String, long[]> shapes() {
    Map<String, long[]> s = new LinkedHashMap<>();
    s.put("encoder.layer.5.output.dense.weight", new long[] {2, 3});
    s.put("encoder.layer.5.output.dense.bias", new long[] {3});
    return s;
  }

  @Test
  void the_mean_is_taken_element_by_element_over_every_set_added() {
    WeightAverage average = new WeightAverage();
    average.add(weights(new float[] {1, 2, 3, 4, 5, 6}, new float[] {0, 0, 3}));
    assertThat(average.mean().get("encoder.layer.5.output.dense.bias")).containsExactly(0f, 0f, 3f);
    average.add(weights(new float[] {3, 2, 1, 0, -5, 6}, new float[] {1, 0, 0}));
    average.add(weights(new float[] {2, 2, 2, 2, 0, 0}, new float[] {2, 3, 0}));

    Map<String, float[]> mean = average.mean();
    assertThat(average.count()).isEqualTo(3);
    assertThat(mean.get("encoder.layer.5.output.dense.weight"))
        .containsExactly(2f, 2f, 2f, 2f, 0f, 4f);
    assertThat(mean.get("encoder.layer.5.output.dense.bias")).containsExactly(1f, 1f, 1f);
  }

  @Test
  void many_small_steps_average_without_drift() {
    WeightAverage average = new WeightAverage();
    for (int i = 1; i <= 1000; i++) {
      average.add(Map.of("head.bias", new float[] {0.1f * i, 1e6f + i}));
    }
    assertThat(average.mean().get("head.bias")[0]).isCloseTo(50.05f, Offset.offset(1e-4f));
    assertThat(average.mean().get("head.bias")[1]).isCloseTo(1e6f + 500.5f, Offset.offset(0.1f));
  }

  @Test
  void sets_of_other_tensors_or_lengths_are_refused_and_an_empty_average_has_no_mean() {
    WeightAverage average = new WeightAverage();
    assertThatThrownBy(average::mean).isInstanceOf(IllegalStateException.class);
    average.add(weights(new float[] {1, 2, 3, 4, 5, 6}, new float[] {0, 0, 3}));
    assertThatThrownBy(() -> average.add(Map.of("head.bias", new float[] {1, 2, 3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tensors differ");
    assertThatThrownBy(() -> average.add(weights(new float[] {1, 2}, new float[] {0, 0, 3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("output.dense.weight");
    assertThat(average.count()).isEqualTo(1);
  }

  @Test
  void a_soup_of_two_weight_files_is_their_mean_within_the_int8_step_of_the_matrices(
      @TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.bin.gz");
    Path b = dir.resolve("b.bin.gz");
    Training.write(
        weights(new float[] {1, -2, 3, 4, 0.5f, -6}, new float[] {1, 2, 3}), shapes(), a);
    Training.write(weights(new float[] {3, 2, -1, 0, 1.5f, 6}, new float[] {3, 2, 1}), shapes(), b);

    Map<String, float[]> readBack = WeightAverage.read(a);
    assertThat(readBack.keySet()).containsExactlyElementsOf(shapes().keySet());
    // Vectors stay float32; matrices are int8 with a scale per column (max |w| / 127).
    assertThat(readBack.get("encoder.layer.5.output.dense.bias")).containsExactly(1f, 2f, 3f);

    Map<String, float[]> soup = WeightAverage.soup(List.of(a, b));
    assertThat(soup.get("encoder.layer.5.output.dense.bias")).containsExactly(2f, 2f, 2f);
    float[] expected = {2, 0, 1, 2, 1, 0};
    float[] got = soup.get("encoder.layer.5.output.dense.weight");
    for (int i = 0; i < expected.length; i++) {
      assertThat(got[i]).as("element %d", i).isCloseTo(expected[i], Offset.offset(6f / 127));
    }

    Training.write(soup, shapes(), dir.resolve("soup.bin.gz"));
    assertThat(
            WeightAverage.read(dir.resolve("soup.bin.gz")).get("encoder.layer.5.output.dense.bias"))
        .containsExactly(2f, 2f, 2f);
  }

  @Test
  void the_average_and_the_soup_are_written_beside_the_best_weights() {
    Path out = Path.of("models", "minilm-newsmtsc.bin.gz");
    assertThat(WeightAverage.besides(out))
        .isEqualTo(Path.of("models", "minilm-newsmtsc-avg.bin.gz"));
    assertThat(TopLayerTrainer.soupFile(out))
        .isEqualTo(Path.of("models", "minilm-newsmtsc-soup.bin.gz"));
    assertThat(WeightAverage.besides(Path.of("w.bin"))).isEqualTo(Path.of("w.bin.avg"));
  }
}
