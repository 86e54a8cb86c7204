package io.newsdesk.sentiment.precise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph surgery on the dynamically quantized MiniLM: chosen matrix products go back to float32 (one
 * MatMul over the float weights instead of DynamicQuantizeLinear, MatMulInteger, Cast and two
 * Muls), the others stay int8. What ships keeps the fine-tuned layers (trained in float32) and
 * every layer's feed-forward output in float32; see the README's precise sentiment section for the
 * variants measured.
 */
final class MixedPrecisionGraph {

  private static final Pattern LAYER = Pattern.compile("^/encoder/layer\\.(\\d+)/");

  private MixedPrecisionGraph() {}

  /**
   * The products that stay float32 besides the fine-tuned layers: every layer's feed-forward output
   * ({@code /encoder/layer.N/output/dense}), whose input (after GELU) has the outlier values that
   * 8-bit activations with one scale per tensor resolve worst.
   */
  static final String FEED_FORWARD_OUTPUT = "^/encoder/layer\\.\\d+/output/dense/";

  /** Products (by node name) in the encoder layers {@code layers} (0-based). */
  static Predicate<String> inLayers(Set<Integer> layers) {
    return name -> {
      Matcher m = LAYER.matcher(name);
      return m.find() && layers.contains(Integer.parseInt(m.group(1)));
    };
  }

  /**
   * The edit of {@code int8} that runs the int8 products whose node name (e.g. {@code
   * /encoder/layer.2/output/dense/MatMul_quant}) {@code chosen} accepts in float32, with the float
   * weights {@code floats} (by initializer name, e.g. {@code onnx::MatMul_839}, stored [in, out]).
   */
  static OnnxWeights.Edit floatProducts(
      OnnxWeights int8, Predicate<String> chosen, Map<String, OnnxWeights.Tensor> floats) {
    Map<String, List<OnnxWeights.Node>> readers = new HashMap<>();
    Map<String, OnnxWeights.Node> writer = new HashMap<>();
    for (OnnxWeights.Node n : int8.nodes()) {
      n.inputs().forEach(v -> readers.computeIfAbsent(v, k -> new ArrayList<>()).add(n));
      n.outputs().forEach(v -> writer.put(v, n));
    }
    Map<String, List<OnnxWeights.Node>> edits = new LinkedHashMap<>();
    Set<String> drop = new HashSet<>();
    Map<String, OnnxWeights.Tensor> add = new LinkedHashMap<>();
    for (OnnxWeights.Node n : int8.nodes()) {
      if (!"MatMulInteger".equals(n.op()) || !chosen.test(n.name())) {
        continue;
      }
      String x = strip(n.inputs().get(0), "_quantized");
      String w = strip(n.inputs().get(1), "_quantized");
      OnnxWeights.Node cast = only(readers, n.outputs().get(0), "Cast");
      OnnxWeights.Node scale = only(readers, cast.outputs().get(0), "Mul");
      String scales =
          scale.inputs().get(0).equals(cast.outputs().get(0))
              ? scale.inputs().get(1)
              : scale.inputs().get(0);
      OnnxWeights.Node scalesMul = writer.get(scales);
      OnnxWeights.Tensor weight = floats.get(w);
      if (weight == null) {
        throw new IllegalArgumentException("no float32 weights " + w + " for " + n.name());
      }
      String matMul = n.name().replaceFirst("_quant$", "");
      edits.put(n.name(), List.of());
      edits.put(cast.name(), List.of());
      edits.put(scalesMul.name(), List.of());
      edits.put(
          scale.name(),
          List.of(new OnnxWeights.Node(matMul, "MatMul", List.of(x, w), scale.outputs())));
      drop.addAll(List.of(w + "_quantized", w + "_scale", w + "_zero_point"));
      add.put(w, weight);
    }
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("no int8 matrix products chosen");
    }
    // Activation quantizers that only fed the replaced products go too.
    for (OnnxWeights.Node n : int8.nodes()) {
      if ("DynamicQuantizeLinear".equals(n.op())
          && n.outputs().stream()
              .flatMap(v -> readers.getOrDefault(v, List.of()).stream())
              .allMatch(r -> edits.containsKey(r.name()))) {
        edits.put(n.name(), List.of());
      }
    }
    return new OnnxWeights.Edit(add, drop, edits, List.of());
  }

  /**
   * The edit of {@code graph} that splits int8 feed-forward output products in two: the input
   * channels in {@code outliers} (per layer, 0-based) run in float32 over the float weights of
   * {@code fp32}, the others stay int8 with those channels zeroed, so that one activation scale per
   * tensor no longer has to span the few channels whose values are 3-4 times larger than the rest.
   */
  static OnnxWeights.Edit outlierChannels(
      OnnxWeights graph, OnnxWeights fp32, Map<Integer, int[]> outliers) {
    Map<String, List<OnnxWeights.Node>> readers = new HashMap<>();
    Map<String, OnnxWeights.Node> writer = new HashMap<>();
    for (OnnxWeights.Node n : graph.nodes()) {
      n.inputs().forEach(v -> readers.computeIfAbsent(v, k -> new ArrayList<>()).add(n));
      n.outputs().forEach(v -> writer.put(v, n));
    }
    Map<String, List<OnnxWeights.Node>> edits = new LinkedHashMap<>();
    Map<String, OnnxWeights.Tensor> add = new LinkedHashMap<>();
    for (var e : outliers.entrySet()) {
      String prefix = "/encoder/layer." + e.getKey() + "/output/dense/";
      OnnxWeights.Node product =
          graph.nodes().stream()
              .filter(n -> n.name().equals(prefix + "MatMul_quant"))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no int8 product " + prefix));
      OnnxWeights.Node quantize = writer.get(product.inputs().get(0));
      String x = quantize.inputs().get(0);
      OnnxWeights.Node cast = only(readers, product.outputs().get(0), "Cast");
      OnnxWeights.Node scale = only(readers, cast.outputs().get(0), "Mul");
      float[] w = fp32.get(strip(product.inputs().get(1), "_quantized")).floats();
      int[] channels = e.getValue();
      int in = 1536;
      int out = w.length / in;
      float[] keep = new float[in];
      java.util.Arrays.fill(keep, 1f);
      float[] select = new float[in * channels.length];
      float[] rows = new float[channels.length * out];
      for (int k = 0; k < channels.length; k++) {
        keep[channels[k]] = 0;
        select[channels[k] * channels.length + k] = 1;
        System.arraycopy(w, channels[k] * out, rows, k * out, out);
      }
      String p = prefix + "outliers/";
      add.put(p + "keep", OnnxWeights.Tensor.of(new long[] {in}, keep));
      add.put(p + "select", OnnxWeights.Tensor.of(new long[] {in, channels.length}, select));
      add.put(p + "rows", OnnxWeights.Tensor.of(new long[] {channels.length, out}, rows));
      edits.put(
          quantize.name(),
          List.of(
              new OnnxWeights.Node(p + "Keep", "Mul", List.of(x, p + "keep"), List.of(p + "kept")),
              new OnnxWeights.Node(
                  quantize.name(), quantize.op(), List.of(p + "kept"), quantize.outputs()),
              new OnnxWeights.Node(
                  p + "Select", "MatMul", List.of(x, p + "select"), List.of(p + "selected")),
              new OnnxWeights.Node(
                  p + "MatMul", "MatMul", List.of(p + "selected", p + "rows"), List.of(p + "y"))));
      edits.put(
          scale.name(),
          List.of(
              new OnnxWeights.Node(scale.name(), "Mul", scale.inputs(), List.of(p + "int8")),
              new OnnxWeights.Node(
                  p + "Add", "Add", List.of(p + "int8", p + "y"), scale.outputs())));
    }
    return new OnnxWeights.Edit(add, Set.of(), edits, List.of());
  }

  /** The layers (0-based) whose weights {@code names} (module names) hold. */
  static Set<Integer> layersOf(Set<String> names) {
    Set<Integer> out = new java.util.TreeSet<>();
    for (String name : names) {
      if (name.startsWith("encoder.layer.")) {
        out.add(Integer.parseInt(name.split("\\.")[2]));
      }
    }
    return out;
  }

  private static OnnxWeights.Node only(
      Map<String, List<OnnxWeights.Node>> readers, String value, String op) {
    List<OnnxWeights.Node> r = readers.getOrDefault(value, List.of());
    if (r.size() != 1 || !op.equals(r.get(0).op())) {
      throw new IllegalStateException("unexpected graph after " + value + ": " + r);
    }
    return r.get(0);
  }

  private static String strip(String name, String suffix) {
    if (!name.endsWith(suffix)) {
      throw new IllegalStateException("unexpected quantized input " + name);
    }
    return name.substring(0, name.length() - suffix.length());
  }
}
