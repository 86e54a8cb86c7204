package io.newsdesk.sentiment.precise;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The initializers (weights) of an ONNX model, read straight from the protobuf wire format: a
 * ModelProto's graph (field 7), the graph's initializers (field 5), each a TensorProto with dims
 * (1), data type (2), float data (4), int32 data (5), name (8) and raw little-endian data (9). Also
 * writes a copy of the model with some initializers replaced, so that fine-tuned weights run in the
 * pretrained graph.
 */
final class OnnxWeights {

  /** ONNX TensorProto data types used here. */
  static final int FLOAT = 1;

  static final int UINT8 = 2;
  static final int INT8 = 3;
  static final int INT32 = 6;
  static final int INT64 = 7;

  /** One initializer: shape, ONNX data type and little-endian bytes. */
  record Tensor(long[] dims, int dataType, byte[] raw) {

    float[] floats() {
      if (dataType != FLOAT) {
        throw new IllegalStateException("not a float tensor: type " + dataType);
      }
      float[] out = new float[raw.length / 4];
      ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }

    static Tensor of(long[] dims, float[] values) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(values);
      return new Tensor(dims, FLOAT, b.array());
    }

    static Tensor ofInts(long[] dims, int[] values) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asIntBuffer().put(values);
      return new Tensor(dims, INT32, b.array());
    }
  }

  /**
   * One graph node: its name, operator, the names of the values it reads and writes, and the
   * integer attributes of nodes written by an edit (a {@code Long} is an INT attribute, a {@code
   * long[]} an INTS one, e.g. a reduction's axes). Attributes of nodes read from a model are not
   * kept: an edit replaces only nodes that have none or writes them anew.
   */
  record Node(
      String name,
      String op,
      List<String> inputs,
      List<String> outputs,
      Map<String, Object> attributes) {

    Node(String name, String op, List<String> inputs, List<String> outputs) {
      this(name, op, inputs, outputs, Map.of());
    }
  }

  /**
   * A change to a model: initializers replaced (or added when the graph has no such name) and
   * dropped; nodes replaced in place by others (none: dropped); float32 graph outputs added; graph
   * inputs added (name to ONNX data type, e.g. {@link #INT64}).
   */
  record Edit(
      Map<String, Tensor> initializers,
      Set<String> dropInitializers,
      Map<String, List<Node>> nodes,
      List<String> outputs,
      Map<String, Integer> inputs) {

    Edit(
        Map<String, Tensor> initializers,
        Set<String> dropInitializers,
        Map<String, List<Node>> nodes,
        List<String> outputs) {
      this(initializers, dropInitializers, nodes, outputs, Map.of());
    }

    static Edit initializers(Map<String, Tensor> replace) {
      return new Edit(replace, Set.of(), Map.of(), List.of());
    }
  }

  private final byte[] model;
  private final Map<String, Tensor> tensors = new LinkedHashMap<>();
  private final Map<String, String> aliases = new LinkedHashMap<>();
  private final List<Node> nodes = new ArrayList<>();

  private OnnxWeights(byte[] model) {
    this.model = model;
    Wire m = new Wire(model, 0, model.length);
    while (m.more()) {
      int key = m.varint32();
      if (key >>> 3 == 7 && (key & 7) == 2) {
        Wire g = m.sub();
        while (g.more()) {
          int gk = g.varint32();
          if (gk >>> 3 == 5 && (gk & 7) == 2) {
            Wire t = g.sub();
            readTensor(t);
          } else if (gk >>> 3 == 1 && (gk & 7) == 2) {
            readNode(g.sub());
          } else {
            g.skip(gk);
          }
        }
      } else {
        m.skip(key);
      }
    }
  }

  /** Reads a model from a class-path resource (e.g. the MiniLM jar's {@code .onnx}). */
  static OnnxWeights resource(String name) {
    try (InputStream in = OnnxWeights.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource not on the class path: " + name);
      }
      return new OnnxWeights(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OnnxWeights of(byte[] model) {
    return new OnnxWeights(model);
  }

  byte[] bytes() {
    return model;
  }

  Map<String, Tensor> tensors() {
    return tensors;
  }

  /** The graph's nodes in file order. */
  List<Node> nodes() {
    return nodes;
  }

  Tensor get(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no initializer " + name);
    }
    return t;
  }

  /**
   * The initializer behind a module name: exported MatMul weights are anonymous ({@code
   * onnx::MatMul_787}), so {@code encoder.layer.0.attention.self.query.weight} is found through the
   * node that multiplies by it. The weight is stored [in, out].
   */
  String initializerOf(String moduleName) {
    String a = aliases.get(moduleName);
    return a != null ? a : moduleName;
  }

  private void readNode(Wire n) {
    Node node = node(n);
    nodes.add(node);
    List<String> inputs = node.inputs();
    if ("MatMul".equals(node.op())
        && inputs.size() == 2
        && inputs.get(1).startsWith("onnx::MatMul")
        && !node.outputs().isEmpty()) {
      String module =
          node.outputs()
              .get(0)
              .replaceFirst("^/", "")
              .replace("/MatMul_output_0", "")
              .replace('/', '.');
      aliases.put(module + ".weight", inputs.get(1));
    }
  }

  /** A NodeProto's input (1), output (2), name (3) and op_type (4); other fields are skipped. */
  private static Node node(Wire n) {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String name = "";
    String op = "";
    while (n.more()) {
      int k = n.varint32();
      int field = k >>> 3;
      if ((field >= 1 && field <= 4) && (k & 7) == 2) {
        Wire s = n.sub();
        String v = new String(s.buf, s.pos, s.end - s.pos, java.nio.charset.StandardCharsets.UTF_8);
        switch (field) {
          case 1 -> inputs.add(v);
          case 2 -> outputs.add(v);
          case 3 -> name = v;
          default -> op = v;
        }
      } else {
        n.skip(k);
      }
    }
    return new Node(name, op, List.copyOf(inputs), List.copyOf(outputs));
  }

  private void readTensor(Wire t) {
    long[] d = new long[8];
    int nd = 0;
    int type = 0;
    String name = null;
    byte[] raw = null;
    ByteArrayOutputStream typed = new ByteArrayOutputStream();
    while (t.more()) {
      int k = t.varint32();
      int field = k >>> 3;
      int wire = k & 7;
      if (field == 1 && wire == 0) {
        d[nd++] = t.varint();
      } else if (field == 1 && wire == 2) {
        Wire p = t.sub();
        while (p.more()) {
          d[nd++] = p.varint();
        }
      } else if (field == 2) {
        type = t.varint32();
      } else if (field == 8) {
        Wire s = t.sub();
        name = new String(s.buf, s.pos, s.end - s.pos, java.nio.charset.StandardCharsets.UTF_8);
      } else if (field == 9) {
        Wire s = t.sub();
        raw = java.util.Arrays.copyOfRange(s.buf, s.pos, s.end);
      } else if (field == 4 && wire == 2) {
        Wire s = t.sub();
        typed.write(s.buf, s.pos, s.end - s.pos);
      } else if (field == 4 && wire == 5) {
        typed.write(t.buf, t.pos, 4);
        t.pos += 4;
      } else if (field == 5) {
        // int32_data: packed varints, one byte each for (u)int8 scalars.
        if (wire == 2) {
          Wire s = t.sub();
          while (s.more()) {
            typed.write((int) s.varint());
          }
        } else {
          typed.write((int) t.varint());
        }
      } else {
        t.skip(k);
      }
    }
    if (raw == null) {
      raw = typed.toByteArray();
    }
    tensors.put(name, new Tensor(java.util.Arrays.copyOf(d, nd), type, raw));
  }

  /**
   * A copy of the model whose initializers named in {@code replace} carry the given tensors
   * (written as raw data); every other byte of the model is kept.
   */
  byte[] withInitializers(Map<String, Tensor> replace) {
    return edit(Edit.initializers(replace));
  }

  /** A copy of the model with {@code edit} applied; every byte it does not touch is kept. */
  byte[] edit(Edit edit) {
    for (String name : edit.nodes().keySet()) {
      if (nodes.stream().noneMatch(n -> n.name().equals(name))) {
        throw new IllegalArgumentException("no node " + name);
      }
    }
    Set<String> added = new HashSet<>(edit.initializers().keySet());
    added.removeAll(tensors.keySet());
    ByteArrayOutputStream out = new ByteArrayOutputStream(model.length);
    Wire m = new Wire(model, 0, model.length);
    while (m.more()) {
      int start = m.pos;
      int key = m.varint32();
      if (key >>> 3 == 7 && (key & 7) == 2) {
        Wire g = m.sub();
        ByteArrayOutputStream graph = new ByteArrayOutputStream(g.end - g.pos);
        while (g.more()) {
          int gs = g.pos;
          int gk = g.varint32();
          if (gk >>> 3 == 5 && (gk & 7) == 2) {
            Wire t = g.sub();
            String name = nameOf(t);
            Tensor r = edit.initializers().get(name);
            if (edit.dropInitializers().contains(name)) {
              continue;
            } else if (r == null) {
              graph.write(model, gs, g.pos - gs);
            } else {
              writeField(graph, 5, encode(name, r));
            }
          } else if (gk >>> 3 == 1 && (gk & 7) == 2) {
            Wire n = g.sub();
            List<Node> replacement = edit.nodes().get(node(new Wire(n.buf, n.pos, n.end)).name());
            if (replacement == null) {
              graph.write(model, gs, g.pos - gs);
            } else {
              for (Node r : replacement) {
                writeField(graph, 1, encode(r));
              }
            }
          } else {
            g.skip(gk);
            graph.write(model, gs, g.pos - gs);
          }
        }
        for (String name : added) {
          writeField(graph, 5, encode(name, edit.initializers().get(name)));
        }
        for (String name : edit.outputs()) {
          writeField(graph, 12, valueInfo(name, FLOAT));
        }
        for (var input : edit.inputs().entrySet()) {
          writeField(graph, 11, valueInfo(input.getKey(), input.getValue()));
        }
        writeVarint(out, key);
        writeVarint(out, graph.size());
        out.write(graph.toByteArray(), 0, graph.size());
      } else {
        m.skip(key);
        out.write(model, start, m.pos - start);
      }
    }
    // Operators of another domain ("domain:Op") need that domain's operator set (version 1).
    edit.nodes().values().stream()
        .flatMap(List::stream)
        .map(Node::op)
        .filter(op -> op.indexOf(':') > 0)
        .map(op -> op.substring(0, op.indexOf(':')))
        .distinct()
        .forEach(
            domain -> {
              ByteArrayOutputStream opset = new ByteArrayOutputStream();
              writeString(opset, 1, domain);
              writeVarint(opset, 2 << 3);
              writeVarint(opset, 1);
              writeField(out, 8, opset.toByteArray());
            });
    return out.toByteArray();
  }

  private static void writeField(ByteArrayOutputStream o, int field, byte[] message) {
    writeVarint(o, (field << 3) | 2);
    writeVarint(o, message.length);
    o.writeBytes(message);
  }

  private static void writeString(ByteArrayOutputStream o, int field, String s) {
    writeField(o, field, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static byte[] encode(Node n) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    n.inputs().forEach(i -> writeString(o, 1, i));
    n.outputs().forEach(i -> writeString(o, 2, i));
    writeString(o, 3, n.name());
    int colon = n.op().indexOf(':');
    writeString(o, 4, n.op().substring(colon + 1));
    if (colon > 0) {
      writeString(o, 7, n.op().substring(0, colon));
    }
    n.attributes().forEach((name, value) -> writeField(o, 5, attribute(name, value)));
    return o.toByteArray();
  }

  /** An AttributeProto: name (1), i (3) or ints (8), type (20: INT 2, INTS 7). */
  private static byte[] attribute(String name, Object value) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    writeString(o, 1, name);
    if (value instanceof Long i) {
      writeVarint(o, 3 << 3);
      writeVarint(o, i);
      writeVarint(o, 20 << 3);
      writeVarint(o, 2);
    } else if (value instanceof long[] ints) {
      for (long i : ints) {
        writeVarint(o, 8 << 3);
        writeVarint(o, i);
      }
      writeVarint(o, 20 << 3);
      writeVarint(o, 7);
    } else {
      throw new IllegalArgumentException("unsupported attribute " + name + ": " + value);
    }
    return o.toByteArray();
  }

  /**
   * A ValueInfoProto: name (1) and type (2) = a tensor of {@code dataType} (TypeProto.tensor_type,
   * elem_type).
   */
  private static byte[] valueInfo(String name, int dataType) {
    ByteArrayOutputStream elem = new ByteArrayOutputStream();
    writeVarint(elem, 1 << 3);
    writeVarint(elem, dataType);
    ByteArrayOutputStream type = new ByteArrayOutputStream();
    writeField(type, 1, elem.toByteArray());
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    writeString(o, 1, name);
    writeField(o, 2, type.toByteArray());
    return o.toByteArray();
  }

  private static String nameOf(Wire tensor) {
    Wire t = new Wire(tensor.buf, tensor.pos, tensor.end);
    while (t.more()) {
      int k = t.varint32();
      if (k >>> 3 == 8) {
        Wire s = t.sub();
        return new String(s.buf, s.pos, s.end - s.pos, java.nio.charset.StandardCharsets.UTF_8);
      }
      t.skip(k);
    }
    return null;
  }

  private static byte[] encode(String name, Tensor t) {
    ByteArrayOutputStream o = new ByteArrayOutputStream(t.raw().length + 64);
    for (long d : t.dims()) {
      writeVarint(o, 1 << 3);
      writeVarint(o, d);
    }
    writeVarint(o, 2 << 3);
    writeVarint(o, t.dataType());
    byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    writeVarint(o, (8 << 3) | 2);
    writeVarint(o, n.length);
    o.writeBytes(n);
    writeVarint(o, (9 << 3) | 2);
    writeVarint(o, t.raw().length);
    o.writeBytes(t.raw());
    return o.toByteArray();
  }

  private static void writeVarint(ByteArrayOutputStream o, long v) {
    while ((v & ~0x7FL) != 0) {
      o.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    o.write((int) v);
  }

  /** A cursor over a slice of protobuf bytes. */
  private static final class Wire {
    final byte[] buf;
    int pos;
    final int end;

    Wire(byte[] buf, int pos, int end) {
      this.buf = buf;
      this.pos = pos;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint() {
      long r = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = buf[pos++];
        r |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return r;
        }
      }
    }

    int varint32() {
      return (int) varint();
    }

    Wire sub() {
      int len = varint32();
      Wire w = new Wire(buf, pos, pos + len);
      pos += len;
      return w;
    }

    void skip(int key) {
      switch (key & 7) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> {
          int len = varint32(); // read before adding: pos moves past the length
          pos += len;
        }
        case 5 -> pos += 4;
        default -> throw new IllegalStateException("unsupported wire type " + (key & 7));
      }
    }
  }
}
