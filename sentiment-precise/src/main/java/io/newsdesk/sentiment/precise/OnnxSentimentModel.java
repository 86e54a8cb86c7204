package io.newsdesk.sentiment.precise;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The precise sentiment model at inference: the pretrained MiniLM graph (by default mixed
 * precision, see {@link MixedPrecisionGraph}) with its initializers replaced by the fine-tuned
 * weights, run by ONNX Runtime on the calling thread; the head (a 768 x 3 linear layer over [CLS]
 * and the target's mean state) runs in Java. Thread-safe.
 */
final class OnnxSentimentModel implements TargetSentimentModel {

  static final String INT8_MODEL = "all-minilm-l6-v2-q.onnx";
  static final String FP32_MODEL = "all-minilm-l6-v2.onnx";
  static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
  static final String WEIGHTS = "io/newsdesk/sentiment/precise/minilm-newsmtsc.bin.gz";

  private final WordPiece tokenizer;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final float[] headWeight;
  private final float[] headBias;
  private final String version;

  private OnnxSentimentModel(
      WordPiece tokenizer,
      byte[] model,
      float[] headWeight,
      float[] headBias,
      String version,
      int threads)
      throws OrtException {
    this.tokenizer = tokenizer;
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setIntraOpNumThreads(threads);
      o.setInterOpNumThreads(1);
      o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(model, o);
    }
    this.headWeight = headWeight;
    this.headBias = headBias;
    this.version = version;
  }

  /**
   * Number formats of the graph: all int8 (weights and, dynamically, activations), all float32, or
   * mixed (what ships): the fine-tuned layers and every feed-forward output in float32, the rest
   * int8.
   */
  enum Precision {
    INT8,
    FP32,
    MIXED;

    /** {@code int8}, {@code fp32} or {@code mixed}. */
    static Precision of(String name) {
      try {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "newsdesk.precise.graph must be int8, fp32 or mixed, not " + name, e);
      }
    }
  }

  /**
   * The shipped model (mixed precision). For comparing candidates, the system properties {@code
   * newsdesk.precise.weights} (a weights file instead of the resource) and {@code
   * newsdesk.precise.graph} ({@code int8}, {@code fp32} or {@code mixed}) override it.
   */
  static OnnxSentimentModel load() {
    String file = System.getProperty("newsdesk.precise.weights");
    Precision precision = Precision.of(System.getProperty("newsdesk.precise.graph", "mixed"));
    try (InputStream in =
        file != null
            ? java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))
            : OnnxSentimentModel.class.getClassLoader().getResourceAsStream(WEIGHTS)) {
      if (in == null) {
        throw new IllegalStateException(
            "no " + WEIGHTS + ": train it with `newsdesk train sentiment-precise`");
      }
      return of(PreciseWeights.read(in), precision, 1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A model from fine-tuned weights over the int8 (true) or the float32 MiniLM graph. */
  static OnnxSentimentModel of(Map<String, PreciseWeights.Entry> weights, boolean int8) {
    return of(weights, int8 ? Precision.INT8 : Precision.FP32, 1);
  }

  /** A model from fine-tuned weights, ONNX Runtime using {@code threads} threads. */
  static OnnxSentimentModel of(
      Map<String, PreciseWeights.Entry> weights, Precision precision, int threads) {
    try {
      return new OnnxSentimentModel(
          WordPiece.resource(TOKENIZER),
          graph(weights, precision),
          weights.get("head.weight").floats(),
          weights.get("head.bias").floats(),
          "minilm-l6-newsmtsc-" + precision.name().toLowerCase(java.util.Locale.ROOT),
          threads);
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The MiniLM graph in {@code precision} carrying the fine-tuned encoder weights. */
  static byte[] graph(Map<String, PreciseWeights.Entry> weights, Precision precision) {
    OnnxWeights fp32 = OnnxWeights.resource(FP32_MODEL);
    OnnxWeights base = precision == Precision.FP32 ? fp32 : OnnxWeights.resource(INT8_MODEL);
    Map<String, OnnxWeights.Tensor> replace = new HashMap<>();
    Map<String, OnnxWeights.Tensor> floats = new HashMap<>();
    for (var e : weights.entrySet()) {
      String name = e.getKey();
      PreciseWeights.Entry w = e.getValue();
      if (name.startsWith("head.")) {
        continue;
      }
      String init = fp32.initializerOf(name);
      boolean matrix = w.dims().length == 2;
      if (matrix && precision == Precision.INT8 && !w.quantized()) {
        w = PreciseWeights.Entry.quantize(w.dims(), w.values());
      }
      if (matrix && precision == Precision.INT8) {
        int cols = (int) w.dims()[1];
        replace.put(init + "_quantized", new OnnxWeights.Tensor(w.dims(), OnnxWeights.INT8, w.q()));
        replace.put(
            init + "_zero_point",
            new OnnxWeights.Tensor(new long[] {cols}, OnnxWeights.INT8, new byte[cols]));
        replace.put(init + "_scale", OnnxWeights.Tensor.of(new long[] {cols}, w.scales()));
      } else if (matrix && precision == Precision.MIXED) {
        floats.put(init, OnnxWeights.Tensor.of(w.dims(), w.floats()));
      } else {
        replace.put(init, OnnxWeights.Tensor.of(w.dims(), w.floats()));
      }
    }
    for (String name : replace.keySet()) {
      base.get(name); // fails fast if the graph does not hold it
    }
    Set<Integer> layers = MixedPrecisionGraph.layersOf(weights.keySet());
    // For comparing variants: which other products run in float32 (a regular expression over node
    // names; empty: none).
    String products =
        System.getProperty(
            "newsdesk.precise.float-products", MixedPrecisionGraph.FEED_FORWARD_OUTPUT);
    if (precision != Precision.MIXED || (layers.isEmpty() && products.isEmpty())) {
      return base.withInitializers(replace);
    }
    for (String name : fp32.tensors().keySet()) {
      if (base.tensors().containsKey(name + "_quantized") && name.startsWith("onnx::MatMul")) {
        floats.putIfAbsent(name, fp32.get(name));
      }
    }
    java.util.regex.Pattern extra = java.util.regex.Pattern.compile(products);
    OnnxWeights.Edit mixed =
        MixedPrecisionGraph.floatProducts(
            base,
            MixedPrecisionGraph.inLayers(layers)
                .or(name -> !products.isEmpty() && extra.matcher(name).find()),
            floats);
    Map<String, OnnxWeights.Tensor> initializers = new HashMap<>(replace);
    initializers.putAll(mixed.initializers());
    return base.edit(
        new OnnxWeights.Edit(
            initializers, mixed.dropInitializers(), mixed.nodes(), mixed.outputs()));
  }

  @Override
  public int[] predict(String sentence, List<int[]> targets) {
    if (targets.isEmpty()) {
      return new int[0];
    }
    List<TargetInput> batch = new ArrayList<>(targets.size());
    for (int[] spans : targets) {
      batch.add(TargetInput.of(tokenizer, sentence, spans));
    }
    float[][] logits = logits(batch);
    int[] out = new int[logits.length];
    for (int i = 0; i < out.length; i++) {
      int best = 0;
      for (int c = 1; c < logits[i].length; c++) {
        if (logits[i][c] > logits[i][best]) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  @Override
  public double[][] probabilities(String sentence, List<int[]> targets) {
    if (targets.isEmpty()) {
      return new double[0][];
    }
    List<TargetInput> batch = new ArrayList<>(targets.size());
    for (int[] spans : targets) {
      batch.add(TargetInput.of(tokenizer, sentence, spans));
    }
    float[][] logits = logits(batch);
    double[][] out = new double[logits.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = softmax(logits[i]);
    }
    return out;
  }

  static double[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double[] out = new double[logits.length];
    double z = 0;
    for (int c = 0; c < out.length; c++) {
      out[c] = Math.exp(logits[c] - max);
      z += out[c];
    }
    for (int c = 0; c < out.length; c++) {
      out[c] /= z;
    }
    return out;
  }

  /** Class scores of each input. */
  float[][] logits(List<TargetInput> batch) {
    float[][] features = features(batch);
    float[][] out = new float[batch.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = scores(headWeight, headBias, features[i]);
    }
    return out;
  }

  /** Linear class scores of one feature vector; {@code weight} is [features, 3]. */
  static float[] scores(float[] weight, float[] bias, float[] features) {
    int classes = bias.length;
    float[] out = new float[classes];
    for (int c = 0; c < classes; c++) {
      double s = bias[c];
      for (int d = 0; d < features.length; d++) {
        s += features[d] * weight[d * classes + c];
      }
      out[c] = (float) s;
    }
    return out;
  }

  /** Per input, the [CLS] state joined with the mean state of the target's pieces (768 values). */
  float[][] features(List<TargetInput> batch) {
    float[][][] hidden = hidden(batch);
    int h = MiniLmEncoder.HIDDEN;
    int t = hidden[0].length;
    float[] pool = MiniLmEncoder.poolingWeights(batch, t);
    float[][] out = new float[batch.size()][2 * h];
    for (int i = 0; i < batch.size(); i++) {
      float[] features = out[i];
      System.arraycopy(hidden[i][0], 0, features, 0, h);
      for (int j = 0; j < t; j++) {
        float w = pool[i * t + j];
        if (w != 0) {
          for (int d = 0; d < h; d++) {
            features[h + d] += w * hidden[i][j][d];
          }
        }
      }
    }
    return out;
  }

  /** Last hidden states [batch][length][384] of padded inputs. */
  float[][][] hidden(List<TargetInput> batch) {
    int b = batch.size();
    int t = 0;
    for (TargetInput in : batch) {
      t = Math.max(t, in.length());
    }
    long[] ids = new long[b * t];
    long[] mask = new long[b * t];
    long[] types = new long[b * t];
    for (int i = 0; i < b; i++) {
      TargetInput in = batch.get(i);
      for (int j = 0; j < in.length(); j++) {
        ids[i * t + j] = in.ids()[j];
        mask[i * t + j] = 1;
        types[i * t + j] = in.types()[j];
      }
    }
    long[] shape = {b, t};
    try (OnnxTensor idT = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ids), shape);
        OnnxTensor maskT = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(mask), shape);
        OnnxTensor typeT = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(types), shape);
        OrtSession.Result r =
            session.run(
                Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT))) {
      return (float[][][]) r.get(0).getValue();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
