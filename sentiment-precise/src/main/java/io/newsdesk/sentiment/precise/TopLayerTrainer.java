package io.newsdesk.sentiment.precise;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.newsdesk.enrich.sentiment.SentimentEvaluation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fine-tunes only the top {@code top} MiniLM layers and the head, over cached lower-layer states:
 * the frozen embeddings and layers 1..6-top run once per target (DJL in float32, or with {@code
 * lower=int8} the pretrained int8 graph in ONNX Runtime, as inference runs them) and their output
 * is kept in memory; each training step then runs only the top layers forward and backward from the
 * cache. AdamW with linear warm-up and decay, optional inverse-frequency class weights, dev-rw
 * macro-F1 checked every epoch (and every {@code eval-every} steps): the best weights are written
 * at once (a checkpoint), and training stops after {@code patience} checks without a gain; {@code
 * init=FILE} starts from trained weights instead of the pretrained ones. Only the trained tensors
 * are written (matrices int8); at inference the lower layers stay the pretrained int8 ones and the
 * trained layers run in float32 ({@link MixedPrecisionGraph}). With {@code average=tail} the
 * weights at every check from {@code average-from} (a fraction of all steps) on are averaged
 * ({@link WeightAverage}) and the average is scored and written as a candidate of its own (next to
 * the best weights, {@code -avg}); {@code average-with=FILE} scores and writes the soup of the best
 * weights and FILE ({@code -soup}).
 */
final class TopLayerTrainer {

  /** Training settings; defaults are what the shipped model used. */
  record Options(
      int top,
      int epochs,
      int batch,
      float lr,
      float headLr,
      float warmup,
      float weightDecay,
      boolean classWeights,
      int evalEvery,
      int patience,
      int limit,
      int threads,
      long seed,
      boolean int8Lower,
      Path init,
      boolean tailAverage,
      float averageFrom,
      Path averageWith) {

    Options {
      if (top < 1
          || top > MiniLmEncoder.LAYERS
          || epochs < 1
          || batch < 1
          || lr <= 0
          || headLr <= 0
          || warmup < 0
          || warmup >= 1
          || patience < 1
          || averageFrom < 0
          || averageFrom > 1) {
        throw new IllegalArgumentException("bad training options");
      }
    }

    static Options from(Map<String, String> o) {
      return new Options(
          Integer.parseInt(o.getOrDefault("top", "2")),
          Integer.parseInt(o.getOrDefault("epochs", "2")),
          Integer.parseInt(o.getOrDefault("batch", "32")),
          Float.parseFloat(o.getOrDefault("lr", "1e-4")),
          Float.parseFloat(o.getOrDefault("head-lr", "1e-3")),
          Float.parseFloat(o.getOrDefault("warmup", "0.06")),
          Float.parseFloat(o.getOrDefault("weight-decay", "0.01")),
          Boolean.parseBoolean(o.getOrDefault("class-weights", "true")),
          Integer.parseInt(o.getOrDefault("eval-every", "60")),
          Integer.parseInt(o.getOrDefault("patience", "3")),
          Integer.parseInt(o.getOrDefault("limit", "0")),
          Integer.parseInt(o.getOrDefault("threads", "2")),
          Long.parseLong(o.getOrDefault("seed", "17")),
          lower(o.getOrDefault("lower", "fp32")),
          o.containsKey("init") ? Path.of(o.get("init")) : null,
          average(o.getOrDefault("average", "none")),
          Float.parseFloat(o.getOrDefault("average-from", "0.5")),
          o.containsKey("average-with") ? Path.of(o.get("average-with")) : null);
    }

    private static boolean average(String v) {
      if (!v.equals("tail") && !v.equals("none")) {
        throw new IllegalArgumentException("average must be tail or none, not " + v);
      }
      return v.equals("tail");
    }

    private static boolean lower(String v) {
      if (!v.equals("int8") && !v.equals("fp32")) {
        throw new IllegalArgumentException("lower must be int8 or fp32, not " + v);
      }
      return v.equals("int8");
    }
  }

  /** One target: its input, its label, and the frozen lower layers' states [length * 384]. */
  record Cached(TargetInput input, int label, float[] states) {}

  private TopLayerTrainer() {}

  /** {@code TopLayerTrainer <newsmtsc folder> <out> [key=value ...]}, as the CLI's training. */
  public static void main(String[] args) throws IOException {
    train(Path.of(args[0]), Path.of(args[1]), Options.from(Training.options(args, 2)), System.out);
  }

  static void train(Path newsMtsc, Path out, Options o, PrintStream log) throws IOException {
    Training.useEngine(o.threads());
    long start = System.nanoTime();
    WordPiece tokenizer = WordPiece.resource(OnnxSentimentModel.TOKENIZER);
    Random random = new Random(o.seed());
    List<PreciseTrainer.Example> trainEx =
        Training.limit(
            PreciseTrainer.examples(tokenizer, newsMtsc.resolve("train.jsonl")), o.limit(), random);
    OnnxWeights onnx = OnnxWeights.resource(OnnxSentimentModel.FP32_MODEL);
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> init = MiniLmEncoder.pretrained(onnx, shapes, o.seed());
    if (o.init() != null) {
      // Continue from trained weights (e.g. the shipped model) instead of the pretrained ones.
      try (var in = Files.newInputStream(o.init())) {
        for (var e : PreciseWeights.read(in).entrySet()) {
          if (!init.containsKey(e.getKey())) {
            throw new IllegalArgumentException(o.init() + ": unknown tensor " + e.getKey());
          }
          init.put(e.getKey(), e.getValue().floats());
        }
      }
      log.printf("starting from the weights in %s%n", o.init());
    }
    int frozen = MiniLmEncoder.LAYERS - o.top();
    NDManager manager = NDManager.newBaseManager();
    try (MiniLmEncoder encoder =
        new MiniLmEncoder(
            manager,
            MiniLmEncoder.Embeddings.of(onnx),
            init,
            shapes,
            name -> trainable(name, frozen))) {
      List<PreciseTrainer.Example> devRwEx =
          PreciseTrainer.examples(tokenizer, newsMtsc.resolve("dev-rw/dev.jsonl"));
      List<PreciseTrainer.Example> devMtEx =
          PreciseTrainer.examples(tokenizer, newsMtsc.resolve("dev-mt/dev.jsonl"));
      List<Cached> train;
      List<Cached> devRw;
      List<Cached> devMt;
      if (o.int8Lower()) {
        try (Int8Lower lower = new Int8Lower(frozen, o.threads())) {
          train = lower.cache(trainEx);
          devRw = lower.cache(devRwEx);
          devMt = lower.cache(devMtEx);
        }
      } else {
        train = cache(encoder, manager, trainEx, frozen);
        devRw = cache(encoder, manager, devRwEx, frozen);
        devMt = cache(encoder, manager, devMtEx, frozen);
      }
      long floats = 0;
      for (List<Cached> split : List.of(train, devRw, devMt)) {
        for (Cached c : split) {
          floats += c.states().length;
        }
      }
      log.printf(
          "cached layer-%d states (%s) of %d train, %d dev-rw, %d dev-mt targets: %.0f MB float32"
              + " in memory, %.0f s%n",
          frozen,
          o.int8Lower() ? "int8 graph, ONNX Runtime" : "float32, DJL",
          train.size(),
          devRw.size(),
          devMt.size(),
          floats * 4 / 1e6,
          (System.nanoTime() - start) / 1e9);
      float[] classWeights = o.classWeights() ? classWeights(train) : new float[] {1, 1, 1};
      log.printf(
          "training layers %d..%d + head: %d epochs, batch %d, lr %.1e (head %.1e), warm-up %.2f,"
              + " class weights %s%n",
          frozen + 1,
          MiniLmEncoder.LAYERS,
          o.epochs(),
          o.batch(),
          o.lr(),
          o.headLr(),
          o.warmup(),
          java.util.Arrays.toString(classWeights));
      PreciseTrainer.AdamW adam =
          new PreciseTrainer.AdamW(encoder.parameters(), o.lr(), o.headLr(), o.weightDecay());
      SentimentEvaluation.Result before = evaluate(encoder, manager, devRw, frozen);
      log.printf("before training (random head): dev-rw F1m %.4f%n", before.macroF1());
      int stepsPerEpoch = (train.size() + o.batch() - 1) / o.batch();
      int total = stepsPerEpoch * o.epochs();
      int step = 0;
      double best = -1;
      int sinceBest = 0;
      // average=tail: the running mean of the weights at every check from this step on.
      int averageStart = Math.max(1, (int) Math.ceil(o.averageFrom() * total));
      WeightAverage tail = new WeightAverage();
      Path tailOut = WeightAverage.besides(out);
      long trainStart = System.nanoTime();
      epochs:
      for (int epoch = 1; epoch <= o.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        double lossSum = 0;
        int lossCount = 0;
        for (List<Cached> batch :
            Training.batches(train, o.batch(), random, c -> c.input().length())) {
          step++;
          float scale = Training.scale(step, total, o.warmup());
          try (NDManager m = manager.newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              NDArray loss =
                  Training.loss(
                      m, logits(encoder, m, batch, frozen, true), labels(batch), classWeights);
              gc.backward(loss);
              lossSum += loss.getFloat();
              lossCount++;
            }
            adam.step(m, scale);
          }
          if (step % 10 == 0) {
            log.printf(
                "epoch %d step %d/%d loss %.4f  %.2f s/step%n",
                epoch,
                step,
                total,
                lossSum / lossCount,
                (System.nanoTime() - trainStart) / 1e9 / step);
            lossSum = 0;
            lossCount = 0;
          }
          boolean endOfEpoch = step == epoch * stepsPerEpoch;
          if (endOfEpoch || (o.evalEvery() > 0 && step % o.evalEvery() == 0)) {
            SentimentEvaluation.Result rw = evaluate(encoder, manager, devRw, frozen);
            SentimentEvaluation.Result mt = evaluate(encoder, manager, devMt, frozen);
            boolean better = rw.macroF1() > best;
            log.printf(
                "epoch %d step %d: dev-rw F1m %.4f acc %.4f | dev-mt F1m %.4f acc %.4f%s%n",
                epoch,
                step,
                rw.macroF1(),
                rw.accuracy(),
                mt.macroF1(),
                mt.accuracy(),
                better ? "  (best so far, written)" : "");
            if (better) {
              best = rw.macroF1();
              sinceBest = 0;
              write(encoder, out);
            }
            boolean averaging = o.tailAverage() && step >= averageStart;
            if (averaging) {
              tail.add(encoder.trainableValues());
              candidate(
                  encoder,
                  manager,
                  devRw,
                  devMt,
                  frozen,
                  tail.mean(),
                  tailOut,
                  log,
                  "average of " + tail.count() + " checks from step " + averageStart);
            }
            // Once averaging has started the tail runs to the end: the average is the candidate.
            if (!better && !averaging && ++sinceBest >= o.patience()) {
              log.printf("no gain on dev-rw in %d checks: stopping%n", o.patience());
              break epochs;
            }
          }
        }
        log.printf(
            "epoch %d took %.0f s (%.0f s so far)%n",
            epoch, (System.nanoTime() - epochStart) / 1e9, (System.nanoTime() - start) / 1e9);
      }
      log.printf(
          "best dev-rw F1m %.4f; weights in %s (%d bytes); %.0f s in all%n",
          best, out, Files.size(out), (System.nanoTime() - start) / 1e9);
      if (o.averageWith() != null) {
        Map<String, float[]> soup = WeightAverage.soup(List.of(out, o.averageWith()));
        Path soupOut = soupFile(out);
        candidate(
            encoder,
            manager,
            devRw,
            devMt,
            frozen,
            soup,
            soupOut,
            log,
            "soup of the best checkpoint and " + o.averageWith());
      }
    }
  }

  /** Where {@code average-with=FILE} writes the soup of the best weights and FILE. */
  static Path soupFile(Path out) {
    String name = out.getFileName().toString();
    return out.resolveSibling(
        name.endsWith(".bin.gz")
            ? name.substring(0, name.length() - ".bin.gz".length()) + "-soup.bin.gz"
            : name + ".soup");
  }

  /**
   * Scores {@code weights} (trainable tensors) on dev-rw and dev-mt as a candidate of its own,
   * writes them to {@code file}, and puts the training weights back.
   */
  private static void candidate(
      MiniLmEncoder encoder,
      NDManager manager,
      List<Cached> devRw,
      List<Cached> devMt,
      int frozen,
      Map<String, float[]> weights,
      Path file,
      PrintStream log,
      String what)
      throws IOException {
    Map<String, float[]> current = encoder.trainableValues();
    encoder.setTrainable(weights);
    try {
      SentimentEvaluation.Result rw = evaluate(encoder, manager, devRw, frozen);
      SentimentEvaluation.Result mt = evaluate(encoder, manager, devMt, frozen);
      write(encoder, file);
      log.printf(
          "  %s: dev-rw F1m %.4f acc %.4f | dev-mt F1m %.4f acc %.4f (written to %s)%n",
          what, rw.macroF1(), rw.accuracy(), mt.macroF1(), mt.accuracy(), file);
    } finally {
      encoder.setTrainable(current);
    }
  }

  /** Layers above {@code frozen} (0-based index >= frozen) and the head are trained. */
  static boolean trainable(String name, int frozen) {
    if (name.startsWith("head.")) {
      return true;
    }
    if (!name.startsWith("encoder.layer.")) {
      return false;
    }
    int layer = Integer.parseInt(name.split("\\.")[2]);
    return layer >= frozen;
  }

  /** The frozen part's output for each example, computed once in batches of similar length. */
  static List<Cached> cache(
      MiniLmEncoder encoder, NDManager manager, List<PreciseTrainer.Example> examples, int frozen) {
    Integer[] order = new Integer[examples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingInt(i -> examples.get(i).input().length()));
    Cached[] out = new Cached[examples.size()];
    for (int s = 0; s < order.length; s += 32) {
      List<TargetInput> batch = new ArrayList<>();
      for (int k = s; k < Math.min(order.length, s + 32); k++) {
        batch.add(examples.get(order[k]).input());
      }
      try (NDManager m = manager.newSubManager()) {
        float[] states = encoder.lower(m, batch, frozen, false).toFloatArray();
        int t = MiniLmEncoder.width(batch);
        for (int k = 0; k < batch.size(); k++) {
          PreciseTrainer.Example e = examples.get(order[s + k]);
          int len = e.input().length() * MiniLmEncoder.HIDDEN;
          float[] mine = new float[len];
          System.arraycopy(states, k * t * MiniLmEncoder.HIDDEN, mine, 0, len);
          out[order[s + k]] = new Cached(e.input(), e.label(), mine);
        }
      }
    }
    return List.of(out);
  }

  /**
   * The lower layers as inference runs them: the pretrained int8 graph in ONNX Runtime, one target
   * per run (activation scales are per run), its layer-{@code frozen} output read as an extra graph
   * output. The top layers then train on exactly the states they will see.
   */
  static final class Int8Lower implements AutoCloseable {
    private final ai.onnxruntime.OrtEnvironment env =
        ai.onnxruntime.OrtEnvironment.getEnvironment();
    private final ai.onnxruntime.OrtSession session;
    private final String output;

    Int8Lower(int frozen, int threads) {
      if (frozen < 1) {
        throw new IllegalArgumentException("int8 lower layers need at least one frozen layer");
      }
      output = "/encoder/layer." + (frozen - 1) + "/output/LayerNorm/Add_1_output_0";
      byte[] graph =
          OnnxWeights.resource(OnnxSentimentModel.INT8_MODEL)
              .edit(new OnnxWeights.Edit(Map.of(), java.util.Set.of(), Map.of(), List.of(output)));
      try (ai.onnxruntime.OrtSession.SessionOptions so =
          new ai.onnxruntime.OrtSession.SessionOptions()) {
        so.setIntraOpNumThreads(threads);
        so.setInterOpNumThreads(1);
        so.setOptimizationLevel(ai.onnxruntime.OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(graph, so);
      } catch (ai.onnxruntime.OrtException e) {
        throw new IllegalStateException(e);
      }
    }

    List<Cached> cache(List<PreciseTrainer.Example> examples) {
      List<Cached> out = new ArrayList<>(examples.size());
      for (PreciseTrainer.Example e : examples) {
        out.add(new Cached(e.input(), e.label(), states(e.input())));
      }
      return out;
    }

    /** Layer-{@code frozen} states [length * 384] of one input. */
    float[] states(TargetInput in) {
      long[] shape = {1, in.length()};
      long[] ids = new long[in.length()];
      long[] mask = new long[in.length()];
      long[] types = new long[in.length()];
      for (int j = 0; j < ids.length; j++) {
        ids[j] = in.ids()[j];
        mask[j] = 1;
        types[j] = in.types()[j];
      }
      try (ai.onnxruntime.OnnxTensor idT =
              ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ids), shape);
          ai.onnxruntime.OnnxTensor maskT =
              ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(mask), shape);
          ai.onnxruntime.OnnxTensor typeT =
              ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(types), shape);
          ai.onnxruntime.OrtSession.Result r =
              session.run(
                  Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT),
                  java.util.Set.of(output))) {
        java.nio.FloatBuffer b = ((ai.onnxruntime.OnnxTensor) r.get(0)).getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
      } catch (ai.onnxruntime.OrtException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      try {
        session.close();
      } catch (ai.onnxruntime.OrtException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Class scores [batch, 3] from cached states: the top layers and the head only. */
  static NDArray logits(
      MiniLmEncoder encoder, NDManager m, List<Cached> batch, int frozen, boolean training) {
    List<TargetInput> inputs = new ArrayList<>(batch.size());
    for (Cached c : batch) {
      inputs.add(c.input());
    }
    int t = MiniLmEncoder.width(inputs);
    float[] x = new float[batch.size() * t * MiniLmEncoder.HIDDEN];
    for (int i = 0; i < batch.size(); i++) {
      float[] s = batch.get(i).states();
      System.arraycopy(s, 0, x, i * t * MiniLmEncoder.HIDDEN, s.length);
    }
    NDArray states = m.create(x, new Shape(batch.size(), t, MiniLmEncoder.HIDDEN));
    NDArray hidden =
        encoder.upper(m, states, MiniLmEncoder.maskBias(m, inputs, t), frozen, training);
    return encoder.head(m, hidden, inputs, training);
  }

  private static int[] labels(List<Cached> batch) {
    int[] out = new int[batch.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = batch.get(i).label();
    }
    return out;
  }

  /** Inverse class frequency, scaled so that the weights average 1 over the training targets. */
  static float[] classWeights(List<Cached> train) {
    int[] count = new int[3];
    for (Cached c : train) {
      count[c.label()]++;
    }
    float[] w = new float[3];
    for (int c = 0; c < 3; c++) {
      w[c] = count[c] == 0 ? 0 : train.size() / (3f * count[c]);
    }
    return w;
  }

  static SentimentEvaluation.Result evaluate(
      MiniLmEncoder encoder, NDManager manager, List<Cached> examples, int frozen) {
    return Training.evaluate(
        manager, examples, Cached::label, (m, batch) -> logits(encoder, m, batch, frozen, false));
  }

  /** Writes the trained tensors only (matrices int8), atomically. */
  private static void write(MiniLmEncoder encoder, Path out) throws IOException {
    Map<String, float[]> values = encoder.trainableValues();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    encoder
        .shapes()
        .forEach(
            (k, v) -> {
              if (values.containsKey(k)) {
                shapes.put(k, v);
              }
            });
    Training.write(values, shapes, out);
  }
}
