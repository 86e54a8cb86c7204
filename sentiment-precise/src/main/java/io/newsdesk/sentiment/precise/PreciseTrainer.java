package io.newsdesk.sentiment.precise;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.newsdesk.enrich.sentiment.SentimentEvaluation;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fine-tunes MiniLM for target sentiment on NewsMTSC train with AdamW (decoupled weight decay,
 * linear warm-up then decay), batches of similar length, dropout 0.1, and early stopping on dev-rw
 * macro-F1 only (dev-mt is reported as a second check). Writes the best weights, quantized.
 */
final class PreciseTrainer {

  /** Training settings; defaults are what the shipped model used. */
  record Options(
      int epochs,
      int batch,
      float lr,
      float headLr,
      float warmup,
      float weightDecay,
      int evalEvery,
      int limit,
      int threads,
      long seed) {

    Options {
      if (epochs < 1 || batch < 1 || lr <= 0 || headLr <= 0 || warmup < 0 || warmup >= 1) {
        throw new IllegalArgumentException("bad training options");
      }
    }

    static Options from(Map<String, String> o) {
      return new Options(
          Integer.parseInt(o.getOrDefault("epochs", "3")),
          Integer.parseInt(o.getOrDefault("batch", "16")),
          Float.parseFloat(o.getOrDefault("lr", "5e-5")),
          Float.parseFloat(o.getOrDefault("head-lr", "1e-3")),
          Float.parseFloat(o.getOrDefault("warmup", "0.06")),
          Float.parseFloat(o.getOrDefault("weight-decay", "0.01")),
          Integer.parseInt(o.getOrDefault("eval-every", "200")),
          Integer.parseInt(o.getOrDefault("limit", "0")),
          Integer.parseInt(o.getOrDefault("threads", "2")),
          Long.parseLong(o.getOrDefault("seed", "17")));
    }
  }

  record Example(TargetInput input, int label) {}

  private PreciseTrainer() {}

  /** {@code PreciseTrainer <newsmtsc folder> <out> [key=value ...]}, as the CLI's training. */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      options.put(kv[0], kv[1]);
    }
    train(Path.of(args[0]), Path.of(args[1]), Options.from(options), System.out);
  }

  static void train(Path newsMtsc, Path out, Options o, PrintStream log) throws IOException {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(o.threads()));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    WordPiece tokenizer = WordPiece.resource(OnnxSentimentModel.TOKENIZER);
    List<Example> train = examples(tokenizer, newsMtsc.resolve("train.jsonl"));
    List<Example> devRw = examples(tokenizer, newsMtsc.resolve("dev-rw/dev.jsonl"));
    List<Example> devMt = examples(tokenizer, newsMtsc.resolve("dev-mt/dev.jsonl"));
    Random random = new Random(o.seed());
    if (o.limit() > 0 && train.size() > o.limit()) {
      Collections.shuffle(train, random);
      train = new ArrayList<>(train.subList(0, o.limit()));
    }
    log.printf(
        "train %d targets, dev-rw %d, dev-mt %d; %d epochs, batch %d, lr %.1e (head %.1e)%n",
        train.size(), devRw.size(), devMt.size(), o.epochs(), o.batch(), o.lr(), o.headLr());
    OnnxWeights onnx = OnnxWeights.resource(OnnxSentimentModel.FP32_MODEL);
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> init = MiniLmEncoder.pretrained(onnx, shapes, o.seed());
    NDManager manager = NDManager.newBaseManager();
    try (MiniLmEncoder encoder =
        new MiniLmEncoder(manager, MiniLmEncoder.Embeddings.of(onnx), init, shapes)) {
      AdamW adam = new AdamW(encoder.parameters(), o.lr(), o.headLr(), o.weightDecay());
      int stepsPerEpoch = (train.size() + o.batch() - 1) / o.batch();
      int total = stepsPerEpoch * o.epochs();
      int step = 0;
      double best = -1;
      Map<String, float[]> bestValues = null;
      long start = System.nanoTime();
      for (int epoch = 1; epoch <= o.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        double lossSum = 0;
        int lossCount = 0;
        for (List<Example> batch : batches(train, o.batch(), random)) {
          step++;
          float scale =
              step < o.warmup() * total
                  ? step / (o.warmup() * total)
                  : Math.max(0f, (total - step) / (float) (total - o.warmup() * total));
          try (NDManager m = manager.newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              NDArray logits = encoder.logits(m, inputs(batch), true);
              float[] oneHot = new float[batch.size() * 3];
              for (int i = 0; i < batch.size(); i++) {
                oneHot[i * 3 + batch.get(i).label()] = 1;
              }
              NDArray loss =
                  logits
                      .logSoftmax(1)
                      .mul(m.create(oneHot, new ai.djl.ndarray.types.Shape(batch.size(), 3)))
                      .sum()
                      .neg()
                      .div(batch.size());
              gc.backward(loss);
              lossSum += loss.getFloat();
              lossCount++;
            }
            // Outside the collector: the update must not be recorded for gradients.
            adam.step(m, scale);
          }
          if (step % 20 == 0) {
            log.printf(
                "epoch %d step %d/%d loss %.4f  %.1f s/step%n",
                epoch, step, total, lossSum / lossCount, (System.nanoTime() - start) / 1e9 / step);
            lossSum = 0;
            lossCount = 0;
          }
          boolean endOfEpoch = step == epoch * stepsPerEpoch;
          if (step % o.evalEvery() == 0 || endOfEpoch) {
            SentimentEvaluation.Result rw = evaluate(encoder, manager, devRw);
            SentimentEvaluation.Result mt = evaluate(encoder, manager, devMt);
            boolean better = rw.macroF1() > best;
            log.printf(
                "epoch %d step %d: dev-rw F1m %.4f acc %.4f | dev-mt F1m %.4f acc %.4f%s%n",
                epoch,
                step,
                rw.macroF1(),
                rw.accuracy(),
                mt.macroF1(),
                mt.accuracy(),
                better ? "  (best so far)" : "");
            if (better) {
              best = rw.macroF1();
              bestValues = encoder.values();
              write(bestValues, encoder.shapes(), out);
            }
          }
        }
        log.printf(
            "epoch %d took %.0f s (%.0f s so far)%n",
            epoch, (System.nanoTime() - epochStart) / 1e9, (System.nanoTime() - start) / 1e9);
      }
      log.printf("best dev-rw F1m %.4f; weights in %s (%d bytes)%n", best, out, Files.size(out));
    }
  }

  private static void write(Map<String, float[]> values, Map<String, long[]> shapes, Path out)
      throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp)) {
      PreciseWeights.write(PreciseWeights.of(values, shapes), os);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  static SentimentEvaluation.Result evaluate(
      MiniLmEncoder encoder, NDManager manager, List<Example> examples) {
    int[][] confusion = new int[3][3];
    for (int i = 0; i < examples.size(); i += 64) {
      List<Example> batch = examples.subList(i, Math.min(examples.size(), i + 64));
      try (NDManager m = manager.newSubManager()) {
        float[] logits = encoder.logits(m, inputs(batch), false).toFloatArray();
        for (int k = 0; k < batch.size(); k++) {
          int best = 0;
          for (int c = 1; c < 3; c++) {
            if (logits[k * 3 + c] > logits[k * 3 + best]) {
              best = c;
            }
          }
          confusion[batch.get(k).label()][best]++;
        }
      }
    }
    return TargetSentimentModel.score(confusion);
  }

  private static List<TargetInput> inputs(List<Example> batch) {
    List<TargetInput> out = new ArrayList<>(batch.size());
    for (Example e : batch) {
      out.add(e.input());
    }
    return out;
  }

  static List<Example> examples(WordPiece tokenizer, Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    for (TargetSentimentModel.Labelled l : TargetSentimentModel.labelled(file)) {
      out.add(new Example(TargetInput.of(tokenizer, l.sentence(), l.spans()), l.label()));
    }
    return out;
  }

  /** Shuffled batches of similar length (sorted within chunks of 50 batches), in shuffled order. */
  private static List<List<Example>> batches(List<Example> data, int size, Random random) {
    List<Example> shuffled = new ArrayList<>(data);
    Collections.shuffle(shuffled, random);
    List<List<Example>> out = new ArrayList<>();
    int chunk = size * 50;
    for (int c = 0; c < shuffled.size(); c += chunk) {
      List<Example> part =
          new ArrayList<>(shuffled.subList(c, Math.min(shuffled.size(), c + chunk)));
      part.sort(java.util.Comparator.comparingInt(e -> e.input().length()));
      for (int i = 0; i < part.size(); i += size) {
        out.add(part.subList(i, Math.min(part.size(), i + size)));
      }
    }
    Collections.shuffle(out, random);
    return out;
  }

  /** AdamW with bias correction; no weight decay on biases and LayerNorm gains. */
  static final class AdamW {
    private final Map<String, NDArray> params;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final Map<String, NDArray> grads = new LinkedHashMap<>();
    private final float lr;
    private final float headLr;
    private final float weightDecay;
    private int t;

    AdamW(Map<String, NDArray> params, float lr, float headLr, float weightDecay) {
      this.params = params;
      this.lr = lr;
      this.headLr = headLr;
      this.weightDecay = weightDecay;
      params.forEach(
          (k, p) -> {
            m.put(k, p.zerosLike());
            v.put(k, p.zerosLike());
          });
    }

    void step(NDManager scratch, float scale) {
      t++;
      float b1 = 0.9f;
      float b2 = 0.999f;
      float c1 = (float) (1 - Math.pow(b1, t));
      float c2 = (float) (1 - Math.pow(b2, t));
      for (var e : params.entrySet()) {
        String name = e.getKey();
        NDArray p = e.getValue();
        // The gradient handle stays open: closing it may free the tensor autograd accumulates into.
        NDArray g = grads.computeIfAbsent(name, k -> p.getGradient());
        float lr = (name.startsWith("head.") ? headLr : this.lr) * scale;
        boolean decay = name.endsWith(".weight") && !name.contains("LayerNorm");
        if (decay && weightDecay > 0) {
          p.muli(1 - lr * weightDecay);
        }
        NDArray mi = m.get(name).muli(b1).addi(scratch(scratch, g.mul(1 - b1)));
        NDArray vi = v.get(name).muli(b2).addi(scratch(scratch, g.square()).muli(1 - b2));
        NDArray denominator = scratch(scratch, vi.div(c2));
        denominator = scratch(scratch, denominator.sqrt()).addi(1e-8f);
        p.subi(scratch(scratch, mi.div(c1)).divi(denominator).muli(lr));
        g.muli(0);
      }
    }

    private static NDArray scratch(NDManager scratch, NDArray temporary) {
      temporary.attach(scratch);
      return temporary;
    }
  }
}
