package io.newsdesk.sentiment.precise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph surgery that makes the int8 products exact under batching. The dynamically quantized graph
 * quantizes each product's input with {@code DynamicQuantizeLinear}: one scale and zero point per
 * call, over the whole tensor, so in a batch a sequence's result depends on its batch mates and on
 * the padding. Here each such quantizer becomes the same definition applied per sequence, over its
 * valid rows only (padded rows are masked to 0, which the definition's range includes anyway):
 *
 * <pre>
 * lo = min(0, min x), hi = max(0, max x), scale = (hi - lo) / 255 (1 when hi == lo),
 * zp = round(clip(-lo / scale, 0, 255)), q = uint8(clip(round(x / scale) + zp, 0, 255))
 * </pre>
 *
 * (Round is half to even, as in ONNX Runtime's quantizer.) The products take only a scalar zero
 * point, so it is folded out: {@code (q - zp) W = q W - zp colsum(W)}, with the column sums of the
 * int8 weights as an initializer; the scale then multiplies the weight scales as before, broadcast
 * per sequence. All of it is exact integer arithmetic (float32 holds the integers of a 384-deep
 * product exactly), so a sequence alone gets bit for bit what the original graph gives it.
 *
 * <p>By default two ONNX Runtime operators of the {@code com.microsoft} domain do the heavy passes
 * (ONNX Runtime 1.20, CPU): {@code QuantizeLinear} with one scale per sequence ({@code axis} 0;
 * standard ONNX has per-axis scales only from opset 13, this graph is opset 11) and {@code
 * MatMulIntegerToFloat} (the product converted to float32 in the GEMM). With {@code
 * newsdesk.precise.standard-ops=true} only opset-11 operators are used ({@code Div}, {@code Round},
 * {@code Add}, {@code Clip}, {@code Cast}; {@code MatMulInteger} in int32): same results, about 10
 * % slower (README, precise sentiment).
 */
final class PerSequenceQuantization {

  private static final String P = "/per_sequence/";
  private static final String MASK = P + "mask";
  private static final String ZERO = P + "zero";
  private static final String ONE = P + "one";
  private static final String LEVELS = P + "levels";
  private static final String FLAT = P + "flat_shape";

  /** Whether the {@code com.microsoft} operators do the quantization and products (default). */
  static final boolean CONTRIB = !Boolean.getBoolean("newsdesk.precise.standard-ops");

  private static final long TO_FLOAT = OnnxWeights.FLOAT;
  private static final long TO_UINT8 = OnnxWeights.UINT8;
  private static final long TO_INT32 = OnnxWeights.INT32;

  private PerSequenceQuantization() {}

  /** The edit of {@code graph} replacing every activation quantizer; null when it has none. */
  static OnnxWeights.Edit edit(OnnxWeights graph) {
    return edit(graph, CONTRIB);
  }

  /** As {@link #edit(OnnxWeights)}; {@code contrib}: with the {@code com.microsoft} operators. */
  static OnnxWeights.Edit edit(OnnxWeights graph, boolean contrib) {
    Map<String, List<OnnxWeights.Node>> readers = new HashMap<>();
    for (OnnxWeights.Node n : graph.nodes()) {
      n.inputs().forEach(v -> readers.computeIfAbsent(v, k -> new ArrayList<>()).add(n));
    }
    Map<String, List<OnnxWeights.Node>> edits = new LinkedHashMap<>();
    Map<String, OnnxWeights.Tensor> add = new LinkedHashMap<>();
    Set<String> drop = new HashSet<>();
    for (OnnxWeights.Node q : graph.nodes()) {
      if (!"DynamicQuantizeLinear".equals(q.op())) {
        continue;
      }
      List<OnnxWeights.Node> nodes = new ArrayList<>();
      if (edits.isEmpty()) {
        // The padding mask [batch, length, 1], once, before the first quantizer.
        nodes.add(
            node(
                P + "MaskCast",
                "Cast",
                List.of("attention_mask"),
                P + "mask_float",
                "to",
                TO_FLOAT));
        nodes.add(
            node(
                P + "Unsqueeze",
                "Unsqueeze",
                List.of(P + "mask_float"),
                MASK,
                "axes",
                new long[] {2}));
      }
      String zp = q.name() + P + "zero_point";
      nodes.addAll(quantizer(q, zp, contrib));
      edits.put(q.name(), nodes);
      for (OnnxWeights.Node product : readers.getOrDefault(q.outputs().get(0), List.of())) {
        if (!"MatMulInteger".equals(product.op())) {
          throw new IllegalStateException("unexpected reader of " + q.name() + ": " + product);
        }
        String weight = product.inputs().get(1);
        String colsum = weight + "_colsum";
        add.put(colsum, columnSums(graph, weight, product.inputs().get(3)));
        drop.add(product.inputs().get(3));
        String p = product.name() + P;
        String acc = product.outputs().get(0);
        long depth = graph.get(weight).dims()[0];
        if (contrib && depth * 255 * 127 < (1 << 24)) {
          // Products and corrections below 2^24 are exact in float32: the product is converted in
          // the GEMM (scales 1) and the graph's Cast of the int32 result goes.
          OnnxWeights.Node cast = readers.get(acc).get(0);
          edits.put(
              product.name(),
              List.of(
                  node(
                      product.name(),
                      "com.microsoft:MatMulIntegerToFloat",
                      List.of(q.outputs().get(0), weight, ONE, ONE),
                      p + "qw"),
                  node(p + "ZeroPoint", "Mul", List.of(zp, colsum), p + "zw"),
                  node(
                      p + "ZeroPointFloat",
                      "Cast",
                      List.of(p + "zw"),
                      p + "zw_float",
                      "to",
                      TO_FLOAT),
                  node(
                      p + "Sub", "Sub", List.of(p + "qw", p + "zw_float"), cast.outputs().get(0))));
          edits.put(cast.name(), List.of());
          continue;
        }
        edits.put(
            product.name(),
            List.of(
                node(
                    product.name(), "MatMulInteger", List.of(q.outputs().get(0), weight), p + "qw"),
                node(p + "ZeroPoint", "Mul", List.of(zp, colsum), p + "zw"),
                node(p + "Sub", "Sub", List.of(p + "qw", p + "zw"), acc)));
      }
    }
    if (edits.isEmpty()) {
      return null;
    }
    add.put(ZERO, OnnxWeights.Tensor.of(new long[0], new float[] {0}));
    add.put(ONE, OnnxWeights.Tensor.of(new long[0], new float[] {1}));
    add.put(LEVELS, OnnxWeights.Tensor.of(new long[0], new float[] {255}));
    java.nio.ByteBuffer flat =
        java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(-1);
    add.put(FLAT, new OnnxWeights.Tensor(new long[] {1}, OnnxWeights.INT64, flat.array()));
    return new OnnxWeights.Edit(add, drop, edits, List.of());
  }

  /**
   * The nodes of one per-sequence quantizer writing {@code q}'s quantized input and scale (same
   * names) and the zero point as int32 [batch, 1, 1] to {@code zeroPoint}.
   */
  private static List<OnnxWeights.Node> quantizer(
      OnnxWeights.Node q, String zeroPoint, boolean contrib) {
    String p = q.name() + P;
    String quantized = q.outputs().get(0);
    String scale = q.outputs().get(1);
    long[] sequence = {1, 2};
    List<OnnxWeights.Node> out = new ArrayList<>();
    // The input is [batch, length, width]: padded rows become 0, inside every sequence's range.
    out.add(node(p + "Mask", "Mul", List.of(q.inputs().get(0), MASK), p + "x"));
    out.add(node(p + "ReduceMin", "ReduceMin", List.of(p + "x"), p + "min", "axes", sequence));
    out.add(node(p + "ReduceMax", "ReduceMax", List.of(p + "x"), p + "max", "axes", sequence));
    out.add(node(p + "Lo", "Min", List.of(p + "min", ZERO), p + "lo"));
    out.add(node(p + "Hi", "Max", List.of(p + "max", ZERO), p + "hi"));
    out.add(node(p + "Range", "Sub", List.of(p + "hi", p + "lo"), p + "range"));
    out.add(node(p + "Step", "Div", List.of(p + "range", LEVELS), p + "step"));
    out.add(node(p + "Flat", "Equal", List.of(p + "range", ZERO), p + "flat"));
    out.add(node(p + "Scale", "Where", List.of(p + "flat", ONE, p + "step"), scale));
    // As ONNX Runtime's DynamicQuantizeLinear: the zero point is clipped, then rounded.
    out.add(node(p + "LoSteps", "Div", List.of(p + "lo", scale), p + "lo_steps"));
    out.add(node(p + "Neg", "Neg", List.of(p + "lo_steps"), p + "zp_raw"));
    out.add(node(p + "ZpClip", "Clip", List.of(p + "zp_raw", ZERO, LEVELS), p + "zp_clipped"));
    out.add(node(p + "ZpRound", "Round", List.of(p + "zp_clipped"), p + "zp"));
    out.add(node(p + "ZpCast", "Cast", List.of(p + "zp"), zeroPoint, "to", TO_INT32));
    if (contrib) {
      out.add(node(p + "ZpUint8", "Cast", List.of(p + "zp"), p + "zp_u8", "to", TO_UINT8));
      out.add(node(p + "ZpFlat", "Reshape", List.of(p + "zp_u8", FLAT), p + "zp_flat"));
      out.add(node(p + "ScaleFlat", "Reshape", List.of(scale, FLAT), p + "scale_flat"));
      out.add(
          node(
              p + "Quantize",
              "com.microsoft:QuantizeLinear",
              List.of(p + "x", p + "scale_flat", p + "zp_flat"),
              quantized,
              "axis",
              0L));
      return out;
    }
    out.add(node(p + "Steps", "Div", List.of(p + "x", scale), p + "steps"));
    out.add(node(p + "Round", "Round", List.of(p + "steps"), p + "rounded"));
    out.add(node(p + "Shift", "Add", List.of(p + "rounded", p + "zp"), p + "shifted"));
    out.add(node(p + "Clip", "Clip", List.of(p + "shifted", ZERO, LEVELS), p + "clipped"));
    out.add(node(p + "Cast", "Cast", List.of(p + "clipped"), quantized, "to", TO_UINT8));
    return out;
  }

  /** Sums over the input dimension of the int8 weights [in, out] (zero points must be 0). */
  private static OnnxWeights.Tensor columnSums(OnnxWeights graph, String weight, String zeroPoint) {
    for (byte z : graph.get(zeroPoint).raw()) {
      if (z != 0) {
        throw new IllegalStateException("non-zero weight zero point in " + zeroPoint);
      }
    }
    OnnxWeights.Tensor w = graph.get(weight);
    if (w.dataType() != OnnxWeights.INT8 || w.dims().length != 2) {
      throw new IllegalStateException("not an int8 matrix: " + weight);
    }
    int in = (int) w.dims()[0];
    int out = (int) w.dims()[1];
    int[] sums = new int[out];
    byte[] raw = w.raw();
    for (int k = 0; k < in; k++) {
      for (int n = 0; n < out; n++) {
        sums[n] += raw[k * out + n];
      }
    }
    return OnnxWeights.Tensor.ofInts(new long[] {out}, sums);
  }

  private static OnnxWeights.Node node(String name, String op, List<String> in, String out) {
    return new OnnxWeights.Node(name, op, in, List.of(out));
  }

  private static OnnxWeights.Node node(
      String name, String op, List<String> in, String out, String attribute, Object value) {
    return new OnnxWeights.Node(name, op, in, List.of(out), Map.of(attribute, value));
  }
}
