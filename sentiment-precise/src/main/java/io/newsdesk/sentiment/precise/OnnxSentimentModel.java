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

  /**
   * Inputs per ONNX Runtime call by default: 4 of similar length (padded, masked), which shares the
   * per-call and per-node costs. Exact because the int8 products quantize per sequence ({@link
   * PerSequenceQuantization}): a target gets the same scores in any batch. With per-call quantizers
   * ({@code newsdesk.precise.per-sequence=false}) the default is one, as the scales would then span
   * the batch. The system property {@code newsdesk.precise.batch} sets another size (see the
   * README's precise sentiment section).
   */
  static final int BATCH =
      Integer.getInteger(
          "newsdesk.precise.batch",
          "false".equals(System.getProperty("newsdesk.precise.per-sequence")) ? 1 : 4);

  private final WordPiece tokenizer;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final boolean headRows;
  private final int maxBatch;
  private final float[] headWeight;
  private final float[] headBias;
  private final String version;

  private OnnxSentimentModel(
      WordPiece tokenizer,
      byte[] model,
      float[] headWeight,
      float[] headBias,
      String version,
      int threads,
      int maxBatch)
      throws OrtException {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("batch must be 1 or more: " + maxBatch);
    }
    this.maxBatch = maxBatch;
    this.tokenizer = tokenizer;
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setIntraOpNumThreads(threads);
      o.setInterOpNumThreads(1);
      o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(model, o);
    }
    this.headRows = session.getInputNames().contains(HeadRowsGraph.INPUT);
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
      return of(PreciseWeights.read(in), precision, 1, true, BATCH);
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
    return of(weights, precision, threads, false, 1);
  }

  /**
   * As {@link #of(Map, Precision, int)}; with {@code headRows} the last layer computes only the
   * rows the head reads ({@link HeadRowsGraph}; not on the all-int8 graph), and {@link #hidden} is
   * not available; at most {@code maxBatch} inputs run per call.
   */
  static OnnxSentimentModel of(
      Map<String, PreciseWeights.Entry> weights,
      Precision precision,
      int threads,
      boolean headRows,
      int maxBatch) {
    try {
      byte[] graph = graph(weights, precision);
      if (headRows) {
        OnnxWeights g = OnnxWeights.of(graph);
        OnnxWeights.Edit rows = HeadRowsGraph.edit(g);
        graph = rows == null ? graph : g.edit(rows);
      }
      return new OnnxSentimentModel(
          WordPiece.resource(TOKENIZER),
          graph,
          weights.get("head.weight").floats(),
          weights.get("head.bias").floats(),
          "minilm-l6-newsmtsc-" + precision.name().toLowerCase(java.util.Locale.ROOT),
          threads,
          maxBatch);
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A model on a graph already built (for comparing graphs), one thread, one input per call. */
  static OnnxSentimentModel onGraph(byte[] graph, Map<String, PreciseWeights.Entry> weights) {
    return onGraph(graph, weights, 1);
  }

  /** As {@link #onGraph(byte[], Map)}, at most {@code maxBatch} inputs per call. */
  static OnnxSentimentModel onGraph(
      byte[] graph, Map<String, PreciseWeights.Entry> weights, int maxBatch) {
    try {
      return new OnnxSentimentModel(
          WordPiece.resource(TOKENIZER),
          graph,
          weights.get("head.weight").floats(),
          weights.get("head.bias").floats(),
          "graph",
          1,
          maxBatch);
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Per lower layer, the input channels of the feed-forward output product whose values (after
   * GELU) dwarf the others': the largest absolute value per channel over 300 NewsMTSC train
   * sentences through the mixed graph, kept when above twice the next channel's.
   */
  static final Map<Integer, int[]> OUTLIERS =
      Map.of(0, new int[] {856}, 1, new int[] {607}, 2, new int[] {1004, 218}, 3, new int[] {358});

  /**
   * The MiniLM graph in {@code precision} carrying the fine-tuned encoder weights. For comparing
   * variants, the system properties {@code newsdesk.precise.float-products} (which products besides
   * the fine-tuned layers run in float32: a regular expression over node names, empty: none) and
   * {@code newsdesk.precise.outlier-split=true} (the lower feed-forward outputs split, see {@link
   * MixedPrecisionGraph#outlierChannels}) change the mixed graph.
   */
  static byte[] graph(Map<String, PreciseWeights.Entry> weights, Precision precision) {
    byte[] graph =
        graph(
            weights,
            precision,
            System.getProperty(
                "newsdesk.precise.float-products", MixedPrecisionGraph.FEED_FORWARD_OUTPUT),
            Boolean.getBoolean("newsdesk.precise.outlier-split") ? OUTLIERS : Map.of(),
            int8Trained(System.getProperty("newsdesk.precise.int8-trained", "")));
    return PER_SEQUENCE ? perSequence(graph) : graph;
  }

  /**
   * Whether the int8 products quantize their input per sequence ({@link PerSequenceQuantization}:
   * the default, so that batching is exact) or, with {@code newsdesk.precise.per-sequence=false},
   * per call as the pretrained graph does.
   */
  static final boolean PER_SEQUENCE =
      !"false".equals(System.getProperty("newsdesk.precise.per-sequence"));

  /** {@code graph} with per-sequence activation quantizers (unchanged when it has no int8). */
  static byte[] perSequence(byte[] graph) {
    OnnxWeights g = OnnxWeights.of(graph);
    OnnxWeights.Edit edit = PerSequenceQuantization.edit(g);
    return edit == null ? graph : g.edit(edit);
  }

  /**
   * The graph with the float32 products {@code products} besides the fine-tuned layers (mixed only)
   * and the feed-forward output products of the layers in {@code outliers} split by channel
   * instead.
   */
  static byte[] graph(
      Map<String, PreciseWeights.Entry> weights,
      Precision precision,
      String products,
      Map<Integer, int[]> outliers) {
    return graph(weights, precision, products, outliers, name -> false);
  }

  /** Products (node names) matching {@code regex}; none when it is empty. */
  static java.util.function.Predicate<String> int8Trained(String regex) {
    return regex.isEmpty() ? name -> false : java.util.regex.Pattern.compile(regex).asPredicate();
  }

  /**
   * The int8 product (node name) of a module's weight: {@code encoder.layer.4.attention.self.query
   * .weight} is {@code /encoder/layer.4/attention/self/query/MatMul_quant}.
   */
  static String productOf(String module) {
    return "/"
        + module
            .replaceFirst("\\.weight$", "")
            .replace('.', '/')
            .replaceAll("layer/(\\d+)", "layer.$1")
        + "/MatMul_quant";
  }

  /**
   * As {@link #graph(Map, Precision, String, Map)}; on the mixed graph the products of the
   * fine-tuned layers that {@code int8Trained} accepts (by node name) run int8 with the trained
   * int8 weights (a scale per column) instead of float32.
   */
  static byte[] graph(
      Map<String, PreciseWeights.Entry> weights,
      Precision precision,
      String products,
      Map<Integer, int[]> outliers,
      java.util.function.Predicate<String> int8Trained) {
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
      boolean int8 =
          precision == Precision.INT8
              || (precision == Precision.MIXED && int8Trained.test(productOf(name)));
      if (matrix && int8 && !w.quantized()) {
        w = PreciseWeights.Entry.quantize(w.dims(), w.values());
      }
      if (matrix && int8) {
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
    if (precision != Precision.MIXED || (layers.isEmpty() && products.isEmpty())) {
      return base.withInitializers(replace);
    }
    for (String name : fp32.tensors().keySet()) {
      if (base.tensors().containsKey(name + "_quantized") && name.startsWith("onnx::MatMul")) {
        floats.putIfAbsent(name, fp32.get(name));
      }
    }
    java.util.regex.Pattern extra = java.util.regex.Pattern.compile(products);
    // Products split by channel stay int8.
    java.util.function.Predicate<String> split =
        MixedPrecisionGraph.inLayers(outliers.keySet())
            .and(name -> name.matches(MixedPrecisionGraph.FEED_FORWARD_OUTPUT + ".*"));
    OnnxWeights.Edit mixed =
        MixedPrecisionGraph.floatProducts(
            base,
            MixedPrecisionGraph.inLayers(layers)
                .and(int8Trained.negate())
                .or(name -> !products.isEmpty() && extra.matcher(name).find() && !split.test(name)),
            floats);
    Map<String, OnnxWeights.Tensor> initializers = new HashMap<>(replace);
    initializers.putAll(mixed.initializers());
    byte[] out =
        base.edit(
            new OnnxWeights.Edit(
                initializers, mixed.dropInitializers(), mixed.nodes(), mixed.outputs()));
    if (outliers.isEmpty()) {
      return out;
    }
    OnnxWeights g = OnnxWeights.of(out);
    return g.edit(MixedPrecisionGraph.outlierChannels(g, fp32, outliers));
  }

  @Override
  public int[] predict(String sentence, List<int[]> targets) {
    return predictAll(List.of(new Sentence(sentence, targets))).get(0);
  }

  /** Runs the targets of all the sentences together, grouped by length (see {@link #logits}). */
  @Override
  public List<int[]> predictAll(List<Sentence> sentences) {
    float[][] logits = logits(inputs(sentences));
    List<int[]> out = new ArrayList<>(sentences.size());
    int k = 0;
    for (Sentence s : sentences) {
      int[] labels = new int[s.targets().size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = argmax(logits[k++]);
      }
      out.add(labels);
    }
    return out;
  }

  /**
   * Class probabilities of the targets of all the sentences, one array per sentence in order, run
   * together as {@link #predictAll} runs them.
   */
  List<double[][]> probabilitiesAll(List<Sentence> sentences) {
    float[][] logits = logits(inputs(sentences));
    List<double[][]> out = new ArrayList<>(sentences.size());
    int k = 0;
    for (Sentence s : sentences) {
      double[][] p = new double[s.targets().size()][];
      for (int i = 0; i < p.length; i++) {
        p[i] = softmax(logits[k++]);
      }
      out.add(p);
    }
    return out;
  }

  @Override
  public double[][] probabilities(String sentence, List<int[]> targets) {
    float[][] logits = logits(inputs(List.of(new Sentence(sentence, targets))));
    double[][] out = new double[logits.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = softmax(logits[i]);
    }
    return out;
  }

  private List<TargetInput> inputs(List<Sentence> sentences) {
    List<TargetInput> out = new ArrayList<>();
    for (Sentence s : sentences) {
      for (int[] spans : s.targets()) {
        out.add(TargetInput.of(tokenizer, s.text(), spans));
      }
    }
    return out;
  }

  private static int argmax(float[] scores) {
    int best = 0;
    for (int c = 1; c < scores.length; c++) {
      if (scores[c] > scores[best]) {
        best = c;
      }
    }
    return best;
  }

  static double[] softmax(float[] logits) {
    double[] scores = new double[logits.length];
    for (int c = 0; c < scores.length; c++) {
      scores[c] = logits[c];
    }
    return softmax(scores);
  }

  /** The normalised exponentials of {@code scores}. */
  static double[] softmax(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : scores) {
      max = Math.max(max, l);
    }
    double[] out = new double[scores.length];
    double z = 0;
    for (int c = 0; c < out.length; c++) {
      out[c] = Math.exp(scores[c] - max);
      z += out[c];
    }
    for (int c = 0; c < out.length; c++) {
      out[c] /= z;
    }
    return out;
  }

  /**
   * Class scores of each input, in order. The inputs run shortest first, at most {@code maxBatch}
   * to an ONNX Runtime call, so that a call pads little (see {@link #BATCH}).
   */
  float[][] logits(List<TargetInput> inputs) {
    Integer[] order = new Integer[inputs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> inputs.get(i).length()));
    float[][] out = new float[inputs.size()][];
    for (int from = 0; from < order.length; from += maxBatch) {
      int to = Math.min(order.length, from + maxBatch);
      List<TargetInput> batch = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        batch.add(inputs.get(order[k]));
      }
      float[][] features = features(batch);
      for (int k = from; k < to; k++) {
        out[order[k]] = scores(headWeight, headBias, features[k - from]);
      }
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

  /**
   * Per input (one ONNX Runtime call for the batch), the [CLS] state joined with the mean state of
   * the target's pieces ([CLS] again when it has none): 768 values.
   */
  float[][] features(List<TargetInput> batch) {
    int h = MiniLmEncoder.HIDDEN;
    int[][] rows = new int[batch.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = headRows(batch.get(i));
    }
    // With head rows the graph's output holds just those rows; otherwise every position.
    float[][][] hidden = headRows ? run(batch, rows) : run(batch, null);
    float[][] out = new float[batch.size()][2 * h];
    for (int i = 0; i < batch.size(); i++) {
      float[] features = out[i];
      int[] r = rows[i];
      System.arraycopy(hidden[i][headRows ? 0 : r[0]], 0, features, 0, h);
      int first = r.length > 1 ? 1 : 0;
      float w = 1f / (r.length - first);
      for (int j = first; j < r.length; j++) {
        float[] state = hidden[i][headRows ? j : r[j]];
        for (int d = 0; d < h; d++) {
          features[h + d] += w * state[d];
        }
      }
    }
    return out;
  }

  /** The positions the head reads: [CLS] (0), then the target's pieces. */
  private static int[] headRows(TargetInput in) {
    boolean[] target = in.target();
    int n = 1;
    for (boolean on : target) {
      n += on ? 1 : 0;
    }
    int[] rows = new int[n];
    int k = 1;
    for (int j = 0; j < target.length; j++) {
      if (target[j]) {
        rows[k++] = j;
      }
    }
    return rows;
  }

  /** Last hidden states [batch][length][384] of padded inputs (a model without head rows). */
  float[][][] hidden(List<TargetInput> batch) {
    if (headRows) {
      throw new IllegalStateException("this graph computes only the head's rows");
    }
    return run(batch, null);
  }

  /**
   * Runs the graph on padded inputs; with {@code rows} (per input, positions; padded by repeating
   * [CLS]) also feeds them as {@link HeadRowsGraph#INPUT}.
   */
  private float[][][] run(List<TargetInput> batch, int[][] rows) {
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
    Map<String, OnnxTensor> feed = new HashMap<>();
    try {
      feed.put("input_ids", OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ids), shape));
      feed.put(
          "attention_mask", OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(mask), shape));
      feed.put(
          "token_type_ids", OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(types), shape));
      if (rows != null) {
        int p = 0;
        for (int[] r : rows) {
          p = Math.max(p, r.length);
        }
        long[] flat = new long[b * p];
        for (int i = 0; i < b; i++) {
          for (int j = 0; j < p; j++) {
            flat[i * p + j] = (long) i * t + (j < rows[i].length ? rows[i][j] : 0);
          }
        }
        feed.put(
            HeadRowsGraph.INPUT,
            OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(flat), new long[] {b, p}));
      }
      try (OrtSession.Result r = session.run(feed)) {
        return (float[][][]) r.get(0).getValue();
      }
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    } finally {
      feed.values().forEach(OnnxTensor::close);
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
