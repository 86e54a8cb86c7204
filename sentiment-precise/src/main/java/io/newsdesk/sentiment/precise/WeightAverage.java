package io.newsdesk.sentiment.precise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The element-wise mean of several sets of the same tensors: the checkpoints of one run's tail
 * (tail or stochastic weight averaging) or the trained weights of separate runs (a "soup"). Sums
 * are kept in double so that the mean does not drift with the number of sets added.
 */
final class WeightAverage {
  private final Map<String, double[]> sums = new LinkedHashMap<>();
  private int count;

  /** Adds one set; it must hold exactly the tensors (and lengths) of the sets added before. */
  void add(Map<String, float[]> weights) {
    if (count > 0 && !weights.keySet().equals(sums.keySet())) {
      throw new IllegalArgumentException(
          "tensors differ from the averaged ones: " + weights.keySet() + " vs " + sums.keySet());
    }
    for (var e : weights.entrySet()) {
      float[] w = e.getValue();
      double[] sum = sums.computeIfAbsent(e.getKey(), k -> new double[w.length]);
      if (sum.length != w.length) {
        throw new IllegalArgumentException(
            e.getKey() + ": " + w.length + " values, the averaged ones have " + sum.length);
      }
      for (int i = 0; i < w.length; i++) {
        sum[i] += w[i];
      }
    }
    count++;
  }

  /** How many sets were added. */
  int count() {
    return count;
  }

  /** The mean of the sets added so far, per tensor. */
  Map<String, float[]> mean() {
    if (count == 0) {
      throw new IllegalStateException("nothing averaged yet");
    }
    Map<String, float[]> out = new LinkedHashMap<>();
    sums.forEach(
        (k, sum) -> {
          float[] m = new float[sum.length];
          for (int i = 0; i < m.length; i++) {
            m[i] = (float) (sum[i] / count);
          }
          out.put(k, m);
        });
    return out;
  }

  /** The weights of a file written by training ({@link PreciseWeights}), as float32 values. */
  static Map<String, float[]> read(Path file) throws IOException {
    Map<String, float[]> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      PreciseWeights.read(in).forEach((k, v) -> out.put(k, v.floats()));
    }
    return out;
  }

  /** The mean of trained weight files (a soup), all with the same tensors. */
  static Map<String, float[]> soup(List<Path> files) throws IOException {
    WeightAverage average = new WeightAverage();
    for (Path f : files) {
      average.add(read(f));
    }
    return average.mean();
  }

  /**
   * {@code WeightAverage OUT FILE FILE...}: writes the soup (mean) of trained weight files to OUT,
   * as training writes weights (matrices int8 with a scale per column).
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: WeightAverage OUT FILE FILE...");
    }
    List<Path> files = new java.util.ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    Map<String, long[]> shapes = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(files.get(0))) {
      PreciseWeights.read(in).forEach((k, v) -> shapes.put(k, v.dims()));
    }
    Path out = Path.of(args[0]);
    Training.write(soup(files), shapes, out);
    System.out.printf("soup of %d files written to %s%n", files.size(), out);
  }

  /** Where a run with {@code average=tail} writes the average next to its best weights. */
  static Path besides(Path out) {
    String name = out.getFileName().toString();
    String averaged =
        name.endsWith(".bin.gz")
            ? name.substring(0, name.length() - ".bin.gz".length()) + "-avg.bin.gz"
            : name + ".avg";
    return out.resolveSibling(averaged);
  }
}
