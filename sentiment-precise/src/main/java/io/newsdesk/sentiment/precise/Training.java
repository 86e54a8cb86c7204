package io.newsdesk.sentiment.precise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.newsdesk.enrich.sentiment.SentimentEvaluation;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

/**
 * What the full fine-tune and the top-layer fine-tune share: options, schedule, batches, scoring.
 */
final class Training {
  private Training() {}

  /** {@code key=value} arguments from {@code args[from]} on. */
  static Map<String, String> options(String[] args, int from) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = from; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      options.put(kv[0], kv[1]);
    }
    return options;
  }

  /** PyTorch offline, on {@code threads} intra-op threads and one inter-op thread. */
  static void useEngine(int threads) {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
  }

  /** At most {@code limit} of {@code data} (0: all), a random choice. */
  static <T> List<T> limit(List<T> data, int limit, Random random) {
    if (limit <= 0 || data.size() <= limit) {
      return data;
    }
    List<T> shuffled = new ArrayList<>(data);
    Collections.shuffle(shuffled, random);
    return new ArrayList<>(shuffled.subList(0, limit));
  }

  /** Learning-rate scale at {@code step} of {@code total}: linear warm-up, then linear decay. */
  static float scale(int step, int total, float warmup) {
    return step < warmup * total
        ? step / (warmup * total)
        : Math.max(0f, (total - step) / (float) (total - warmup * total));
  }

  /** Shuffled batches of similar length (sorted within chunks of 50 batches), in shuffled order. */
  static <T> List<List<T>> batches(List<T> data, int size, Random random, ToIntFunction<T> length) {
    List<T> shuffled = new ArrayList<>(data);
    Collections.shuffle(shuffled, random);
    List<List<T>> out = new ArrayList<>();
    int chunk = size * 50;
    for (int c = 0; c < shuffled.size(); c += chunk) {
      List<T> part = new ArrayList<>(shuffled.subList(c, Math.min(shuffled.size(), c + chunk)));
      part.sort(Comparator.comparingInt(length));
      for (int i = 0; i < part.size(); i += size) {
        out.add(part.subList(i, Math.min(part.size(), i + size)));
      }
    }
    Collections.shuffle(out, random);
    return out;
  }

  /** Mean (class-weighted) cross-entropy of {@code logits} [batch, 3]. */
  static NDArray loss(NDManager m, NDArray logits, int[] labels, float[] classWeights) {
    int b = labels.length;
    float[] target = new float[b * 3];
    float sum = 0;
    for (int i = 0; i < b; i++) {
      target[i * 3 + labels[i]] = classWeights[labels[i]];
      sum += classWeights[labels[i]];
    }
    return logits.logSoftmax(1).mul(m.create(target, new Shape(b, 3))).sum().neg().div(sum);
  }

  /** Macro-F1 and accuracy of the arg-max class over {@code examples}, in batches of 64. */
  static <T> SentimentEvaluation.Result evaluate(
      NDManager manager,
      List<T> examples,
      ToIntFunction<T> label,
      BiFunction<NDManager, List<T>, NDArray> logits) {
    int[][] confusion = new int[3][3];
    for (int i = 0; i < examples.size(); i += 64) {
      List<T> batch = examples.subList(i, Math.min(examples.size(), i + 64));
      try (NDManager m = manager.newSubManager()) {
        float[] scores = logits.apply(m, batch).toFloatArray();
        for (int k = 0; k < batch.size(); k++) {
          int best = 0;
          for (int c = 1; c < 3; c++) {
            if (scores[k * 3 + c] > scores[k * 3 + best]) {
              best = c;
            }
          }
          confusion[label.applyAsInt(batch.get(k))][best]++;
        }
      }
    }
    return TargetSentimentModel.score(confusion);
  }

  /** Writes the tensors (matrices int8) to {@code out} atomically. */
  static void write(Map<String, float[]> values, Map<String, long[]> shapes, Path out)
      throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp)) {
      PreciseWeights.write(PreciseWeights.of(values, shapes), os);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
  }
}
