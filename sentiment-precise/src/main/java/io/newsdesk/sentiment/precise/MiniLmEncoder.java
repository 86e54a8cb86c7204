package io.newsdesk.sentiment.precise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (BERT: 6 layers, 384 wide, 12 heads, GELU) written with DJL array operations, so
 * that it can be fine-tuned on the CPU, plus the sentiment head: a linear layer over the [CLS]
 * state joined with the mean state of the target's pieces. The embedding tables stay frozen (looked
 * up in Java); everything from the embeddings' LayerNorm on is trained.
 */
final class MiniLmEncoder implements AutoCloseable {

  static final int HIDDEN = 384;
  static final int HEADS = 12;
  static final int LAYERS = 6;
  static final int CLASSES = 3;
  static final float LN_EPS = 1e-12f;

  /** The trainable tensors in a fixed order, named as in the pretrained model. */
  static List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    names.add("embeddings.LayerNorm.weight");
    names.add("embeddings.LayerNorm.bias");
    for (int l = 0; l < LAYERS; l++) {
      String p = "encoder.layer." + l + ".";
      for (String m :
          List.of(
              "attention.self.query",
              "attention.self.key",
              "attention.self.value",
              "attention.output.dense",
              "attention.output.LayerNorm",
              "intermediate.dense",
              "output.dense",
              "output.LayerNorm")) {
        names.add(p + m + ".weight");
        names.add(p + m + ".bias");
      }
    }
    names.add("head.weight");
    names.add("head.bias");
    return names;
  }

  private final NDManager manager;
  private final Embeddings embeddings;
  private final Map<String, NDArray> params = new LinkedHashMap<>();
  private final Map<String, NDArray> trainable = new LinkedHashMap<>();

  /**
   * An encoder holding {@code weights} (name to values, matrices stored [in, out]) with the given
   * shapes; arrays live in {@code manager}.
   */
  MiniLmEncoder(
      NDManager manager,
      Embeddings embeddings,
      Map<String, float[]> weights,
      Map<String, long[]> shapes) {
    this(manager, embeddings, weights, shapes, name -> true);
  }

  /** As above, only the tensors {@code trainable} accepts collecting gradients; others frozen. */
  MiniLmEncoder(
      NDManager manager,
      Embeddings embeddings,
      Map<String, float[]> weights,
      Map<String, long[]> shapes,
      java.util.function.Predicate<String> trainable) {
    this.manager = manager;
    this.embeddings = embeddings;
    for (String name : parameterNames()) {
      NDArray a = manager.create(weights.get(name), new Shape(shapes.get(name)));
      if (trainable.test(name)) {
        a.setRequiresGradient(true);
        this.trainable.put(name, a);
      }
      params.put(name, a);
    }
  }

  /** The trainable tensors (all of them unless a filter was given). */
  Map<String, NDArray> parameters() {
    return trainable;
  }

  /** The current values of the trainable tensors only. */
  Map<String, float[]> trainableValues() {
    Map<String, float[]> out = new LinkedHashMap<>();
    trainable.forEach((k, v) -> out.put(k, v.toFloatArray()));
    return out;
  }

  /** Overwrites the trainable tensors in place with {@code values} (same names and lengths). */
  void setTrainable(Map<String, float[]> values) {
    if (!values.keySet().equals(trainable.keySet())) {
      throw new IllegalArgumentException("not the trainable tensors: " + values.keySet());
    }
    trainable.forEach(
        (k, p) -> {
          try (NDArray v = manager.create(values.get(k), p.getShape())) {
            p.muli(0).addi(v);
          }
        });
  }

  /** The trained values, for saving. */
  Map<String, float[]> values() {
    Map<String, float[]> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, v.toFloatArray()));
    return out;
  }

  Map<String, long[]> shapes() {
    Map<String, long[]> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, v.getShape().getShape()));
    return out;
  }

  /** Last hidden states [batch, length, 384] of padded inputs, in {@code m}. */
  NDArray hidden(NDManager m, List<TargetInput> batch, boolean training) {
    return upper(m, lower(m, batch, 0, training), maskBias(m, batch, width(batch)), 0, training);
  }

  /** The longest input's length: the padded width of a batch. */
  static int width(List<TargetInput> batch) {
    int t = 0;
    for (TargetInput in : batch) {
      t = Math.max(t, in.length());
    }
    return t;
  }

  /** Attention bias [batch, 1, 1, length]: 0 on pieces, -10000 on padding. */
  static NDArray maskBias(NDManager m, List<TargetInput> batch, int t) {
    float[] maskBias = new float[batch.size() * t];
    for (int i = 0; i < batch.size(); i++) {
      for (int j = batch.get(i).length(); j < t; j++) {
        maskBias[i * t + j] = -10000f;
      }
    }
    return m.create(maskBias, new Shape(batch.size(), 1, 1, t));
  }

  /**
   * The hidden states [batch, length, 384] after the embeddings and the first {@code layers}
   * encoder layers (0: the embeddings' output), in {@code m}: what {@link #upper} continues from.
   */
  NDArray lower(NDManager m, List<TargetInput> batch, int layers, boolean training) {
    int b = batch.size();
    int t = width(batch);
    float[] emb = new float[b * t * HIDDEN];
    for (int i = 0; i < b; i++) {
      TargetInput in = batch.get(i);
      for (int j = 0; j < in.length(); j++) {
        embeddings.sum(in.ids()[j], j, in.types()[j], emb, (i * t + j) * HIDDEN);
      }
    }
    NDArray x = m.create(emb, new Shape(b, t, HIDDEN));
    x = layerNorm(x, "embeddings.LayerNorm");
    x = dropout(x, training);
    if (layers > 0) {
      NDArray bias = maskBias(m, batch, t);
      for (int l = 0; l < layers; l++) {
        x = layer(x, bias, l, training);
      }
    }
    return x;
  }

  /** Runs encoder layers {@code from}..5 over {@code x} (as {@link #lower} left it). */
  NDArray upper(NDManager m, NDArray x, NDArray bias, int from, boolean training) {
    for (int l = from; l < LAYERS; l++) {
      x = layer(x, bias, l, training);
    }
    return x;
  }

  private NDArray layer(NDArray x, NDArray bias, int l, boolean training) {
    int b = (int) x.getShape().get(0);
    int t = (int) x.getShape().get(1);
    String p = "encoder.layer." + l + ".";
    NDArray q = heads(linear(x, p + "attention.self.query"), b, t);
    NDArray k = heads(linear(x, p + "attention.self.key"), b, t);
    NDArray v = heads(linear(x, p + "attention.self.value"), b, t);
    NDArray scores =
        q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(HIDDEN / HEADS)).add(bias);
    NDArray ctx =
        dropout(scores.softmax(-1), training).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, HIDDEN);
    NDArray a =
        layerNorm(
            dropout(linear(ctx, p + "attention.output.dense"), training).add(x),
            p + "attention.output.LayerNorm");
    NDArray h = linear(a, p + "intermediate.dense");
    h = h.mul(h.div((float) Math.sqrt(2)).erf().add(1f)).mul(0.5f);
    return layerNorm(
        dropout(linear(h, p + "output.dense"), training).add(a), p + "output.LayerNorm");
  }

  /** Class scores [batch, 3] (before softmax) of the inputs' targets, in {@code m}. */
  NDArray logits(NDManager m, List<TargetInput> batch, boolean training) {
    return head(m, hidden(m, batch, training), batch, training);
  }

  /** Class scores [batch, 3] from the last hidden states {@code x} of the inputs, in {@code m}. */
  NDArray head(NDManager m, NDArray x, List<TargetInput> batch, boolean training) {
    int b = batch.size();
    int t = (int) x.getShape().get(1);
    NDArray pool = m.create(poolingWeights(batch, t), new Shape(b, 1, t));
    NDArray target = pool.matMul(x).reshape(b, HIDDEN);
    NDArray cls = x.get(new NDIndex(":, 0, :"));
    NDArray features = dropout(cls.concat(target, 1), training);
    return features.matMul(params.get("head.weight")).add(params.get("head.bias"));
  }

  /** Per input, weights over positions averaging the target's pieces ([CLS] when none). */
  static float[] poolingWeights(List<TargetInput> batch, int t) {
    float[] w = new float[batch.size() * t];
    for (int i = 0; i < batch.size(); i++) {
      boolean[] target = batch.get(i).target();
      int count = 0;
      for (boolean on : target) {
        count += on ? 1 : 0;
      }
      if (count == 0) {
        w[i * t] = 1;
      } else {
        for (int j = 0; j < target.length; j++) {
          if (target[j]) {
            w[i * t + j] = 1f / count;
          }
        }
      }
    }
    return w;
  }

  private NDArray linear(NDArray x, String module) {
    return x.matMul(params.get(module + ".weight")).add(params.get(module + ".bias"));
  }

  private NDArray layerNorm(NDArray x, String module) {
    return LayerNorm.layerNorm(
            x,
            new Shape(HIDDEN),
            params.get(module + ".weight"),
            params.get(module + ".bias"),
            LN_EPS)
        .singletonOrThrow();
  }

  private static NDArray heads(NDArray x, int b, int t) {
    return x.reshape(b, t, HEADS, HIDDEN / HEADS).transpose(0, 2, 1, 3);
  }

  private static NDArray dropout(NDArray x, boolean training) {
    return training ? Dropout.dropout(x, 0.1f, true).singletonOrThrow() : x;
  }

  @Override
  public void close() {
    manager.close();
  }

  /** The frozen embedding tables: word, position and segment vectors, summed per piece. */
  record Embeddings(float[] word, float[] position, float[] type) {

    static Embeddings of(OnnxWeights onnx) {
      return new Embeddings(
          onnx.get("embeddings.word_embeddings.weight").floats(),
          onnx.get("embeddings.position_embeddings.weight").floats(),
          onnx.get("embeddings.token_type_embeddings.weight").floats());
    }

    void sum(int id, int position, int type, float[] out, int at) {
      int w = id * HIDDEN;
      int p = position * HIDDEN;
      int s = type * HIDDEN;
      for (int d = 0; d < HIDDEN; d++) {
        out[at + d] = word[w + d] + this.position[p + d] + this.type[s + d];
      }
    }
  }

  /** Pretrained weights from the MiniLM ONNX model, plus a freshly initialised head. */
  static Map<String, float[]> pretrained(OnnxWeights onnx, Map<String, long[]> shapes, long seed) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (String name : parameterNames()) {
      if (name.startsWith("head.")) {
        continue;
      }
      OnnxWeights.Tensor t = onnx.get(onnx.initializerOf(name));
      out.put(name, t.floats());
      shapes.put(name, t.dims());
    }
    java.util.Random r = new java.util.Random(seed);
    float[] head = new float[2 * HIDDEN * CLASSES];
    for (int i = 0; i < head.length; i++) {
      head[i] = (float) (r.nextGaussian() * 0.02);
    }
    out.put("head.weight", head);
    shapes.put("head.weight", new long[] {2 * HIDDEN, CLASSES});
    out.put("head.bias", new float[CLASSES]);
    shapes.put("head.bias", new long[] {CLASSES});
    return out;
  }
}
