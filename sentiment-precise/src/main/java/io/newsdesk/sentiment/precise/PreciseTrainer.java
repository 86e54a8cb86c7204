package io.newsdesk.sentiment.precise;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.newsdesk.enrich.sentiment.SentimentEvaluation;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    train(Path.of(args[0]), Path.of(args[1]), Options.from(Training.options(args, 2)), System.out);
  }

  static void train(Path newsMtsc, Path out, Options o, PrintStream log) throws IOException {
    Training.useEngine(o.threads());
    WordPiece tokenizer = WordPiece.resource(OnnxSentimentModel.TOKENIZER);
    List<Example> train = examples(tokenizer, newsMtsc.resolve("train.jsonl"));
    List<Example> devRw = examples(tokenizer, newsMtsc.resolve("dev-rw/dev.jsonl"));
    List<Example> devMt = examples(tokenizer, newsMtsc.resolve("dev-mt/dev.jsonl"));
    Random random = new Random(o.seed());
    train = Training.limit(train, o.limit(), random);
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
        for (List<Example> batch :
            Training.batches(train, o.batch(), random, e -> e.input().length())) {
          step++;
          float scale = Training.scale(step, total, o.warmup());
          try (NDManager m = manager.newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              NDArray loss =
                  Training.loss(
                      m,
                      encoder.logits(m, inputs(batch), true),
                      batch.stream().mapToInt(Example::label).toArray(),
                      new float[] {1, 1, 1});
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
              Training.write(bestValues, encoder.shapes(), out);
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

  static SentimentEvaluation.Result evaluate(
      MiniLmEncoder encoder, NDManager manager, List<Example> examples) {
    return Training.evaluate(
        manager, examples, Example::label, (m, batch) -> encoder.logits(m, inputs(batch), false));
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
