package io.newsdesk.sentiment.precise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph surgery so that the last encoder layer computes only the rows the head reads ([CLS] and the
 * target's pieces, a few of some 40): its keys and values still come from every position, but its
 * queries, attention output, feed-forward and layer norms run on the rows named by the extra input
 * {@value #INPUT}, so the graph's output holds those rows only. Row by row the arithmetic is that
 * of the full graph (the products work on fewer rows, not on other values): the states agree within
 * float rounding.
 */
final class HeadRowsGraph {

  /** The extra graph input: int64 [batch, rows], each a row of the flattened [batch * length]. */
  static final String INPUT = "head_rows";

  private static final String FLAT_SHAPE = "head_rows_flat_shape";
  private static final Pattern LAYER = Pattern.compile("^/encoder/layer\\.(\\d+)/");

  private HeadRowsGraph() {}

  /**
   * The edit of {@code graph} that gathers the head's rows before the last layer's query product,
   * or null when that product is not a plain float {@code MatMul} (the all-int8 graph, whose query
   * reads a quantized copy of the layer input).
   */
  static OnnxWeights.Edit edit(OnnxWeights graph) {
    int last = -1;
    for (OnnxWeights.Node n : graph.nodes()) {
      Matcher m = LAYER.matcher(n.name());
      if (m.find()) {
        last = Math.max(last, Integer.parseInt(m.group(1)));
      }
    }
    String layer = "/encoder/layer." + last + "/attention/";
    OnnxWeights.Node query = node(graph, layer + "self/query/MatMul");
    OnnxWeights.Node residual = node(graph, layer + "output/Add");
    if (query == null || !"MatMul".equals(query.op()) || residual == null) {
      return null;
    }
    String in = query.inputs().get(0);
    if (!residual.inputs().contains(in)) {
      throw new IllegalStateException("unexpected residual input of " + residual);
    }
    String flat = layer + "head_rows/flat";
    String rows = layer + "head_rows/gathered";
    List<String> residualInputs = new ArrayList<>(residual.inputs());
    residualInputs.set(residualInputs.indexOf(in), rows);
    long width = graph.get(query.inputs().get(1)).dims()[0];
    java.nio.ByteBuffer shape =
        java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    shape.putLong(-1).putLong(width);
    return new OnnxWeights.Edit(
        Map.of(
            FLAT_SHAPE, new OnnxWeights.Tensor(new long[] {2}, OnnxWeights.INT64, shape.array())),
        Set.of(),
        Map.of(
            query.name(),
            List.of(
                new OnnxWeights.Node(flat, "Reshape", List.of(in, FLAT_SHAPE), List.of(flat)),
                new OnnxWeights.Node(rows, "Gather", List.of(flat, INPUT), List.of(rows)),
                new OnnxWeights.Node(
                    query.name(), "MatMul", List.of(rows, query.inputs().get(1)), query.outputs())),
            residual.name(),
            List.of(
                new OnnxWeights.Node(
                    residual.name(), residual.op(), residualInputs, residual.outputs()))),
        List.of(),
        Map.of(INPUT, OnnxWeights.INT64));
  }

  private static OnnxWeights.Node node(OnnxWeights graph, String name) {
    return graph.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
  }
}
