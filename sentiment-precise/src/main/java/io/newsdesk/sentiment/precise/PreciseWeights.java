package io.newsdesk.sentiment.precise;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The fine-tuned weights as shipped: every encoder matrix ([in, out]) as int8 with one symmetric
 * scale per output column (the layout of the int8 MiniLM's MatMulInteger weights), vectors and the
 * head in float32. The frozen embedding tables are not stored: they come from the MiniLM artifact.
 */
final class PreciseWeights {

  private static final int MAGIC = 0x4e445031; // "NDP1"

  /** A matrix as int8 [in, out] with a scale per column, or float values when {@code q} is null. */
  record Entry(long[] dims, float[] values, byte[] q, float[] scales) {

    boolean quantized() {
      return q != null;
    }

    /** The values, dequantized if stored as int8. */
    float[] floats() {
      if (!quantized()) {
        return values;
      }
      int cols = (int) dims[1];
      float[] out = new float[q.length];
      for (int i = 0; i < q.length; i++) {
        out[i] = q[i] * scales[i % cols];
      }
      return out;
    }

    static Entry quantize(long[] dims, float[] w) {
      int cols = (int) dims[1];
      float[] scales = new float[cols];
      for (int i = 0; i < w.length; i++) {
        scales[i % cols] = Math.max(scales[i % cols], Math.abs(w[i]));
      }
      for (int c = 0; c < cols; c++) {
        scales[c] = scales[c] == 0 ? 1f : scales[c] / 127f;
      }
      byte[] q = new byte[w.length];
      for (int i = 0; i < w.length; i++) {
        q[i] = (byte) Math.max(-127, Math.min(127, Math.round(w[i] / scales[i % cols])));
      }
      return new Entry(dims, null, q, scales);
    }
  }

  private PreciseWeights() {}

  /** Encoder matrices quantized, everything else kept in float32. */
  static Map<String, Entry> of(Map<String, float[]> values, Map<String, long[]> shapes) {
    Map<String, Entry> out = new LinkedHashMap<>();
    values.forEach(
        (name, v) -> {
          long[] dims = shapes.get(name);
          boolean matrix = dims.length == 2 && !name.startsWith("head.");
          out.put(name, matrix ? Entry.quantize(dims, v) : new Entry(dims, v, null, null));
        });
    return out;
  }

  static void write(Map<String, Entry> weights, OutputStream os) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(os, 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(weights.size());
      for (var e : weights.entrySet()) {
        Entry w = e.getValue();
        out.writeUTF(e.getKey());
        out.writeByte(w.quantized() ? 1 : 0);
        out.writeByte(w.dims().length);
        for (long d : w.dims()) {
          out.writeInt((int) d);
        }
        if (w.quantized()) {
          for (float s : w.scales()) {
            out.writeFloat(s);
          }
          out.write(w.q());
        } else {
          for (float v : w.values()) {
            out.writeFloat(v);
          }
        }
      }
    }
  }

  static Map<String, Entry> read(InputStream is) throws IOException {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(is, 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a precise sentiment weights file");
      }
      int n = in.readInt();
      Map<String, Entry> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        boolean quantized = in.readByte() == 1;
        long[] dims = new long[in.readByte()];
        long size = 1;
        for (int d = 0; d < dims.length; d++) {
          dims[d] = in.readInt();
          size *= dims[d];
        }
        if (quantized) {
          float[] scales = new float[(int) dims[1]];
          for (int c = 0; c < scales.length; c++) {
            scales[c] = in.readFloat();
          }
          byte[] q = new byte[(int) size];
          in.readFully(q);
          out.put(name, new Entry(dims, null, q, scales));
        } else {
          float[] v = new float[(int) size];
          for (int k = 0; k < v.length; k++) {
            v[k] = in.readFloat();
          }
          out.put(name, new Entry(dims, v, null, null));
        }
      }
      return out;
    }
  }
}
