package io.newsdesk.enrich.sentiment;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over hashed features, optionally plus a {@link DenseNetwork}
 * over the dense inputs whose scores it adds (a wide and deep model); immutable once built.
 */
final class LinearModel {

  static final int LABELS = 3;
  private static final int MAGIC = 0x4E445331; // "NDS1"
  private static final int MAGIC_NET = 0x4E445332; // "NDS2": followed by a network

  final int bits;

  /** Weights interleaved by feature: {@code w[LABELS * index + label]}. */
  final float[] w;

  final float[] bias;

  /** The network part, or null for a purely linear model. */
  final DenseNetwork net;

  LinearModel(int bits, float[] w, float[] bias) {
    this(bits, w, bias, null);
  }

  LinearModel(int bits, float[] w, float[] bias, DenseNetwork net) {
    this.bits = bits;
    this.w = w;
    this.bias = bias;
    this.net = net;
  }

  /** Class probabilities (negative, neutral, positive) into {@code out}. */
  void probabilities(FeatureVector fv, double[] out) {
    double s0 = bias[0];
    double s1 = bias[1];
    double s2 = bias[2];
    for (int k = 0; k < fv.size; k++) {
      int o = LABELS * fv.index[k];
      float v = fv.value[k];
      s0 += w[o] * v;
      s1 += w[o + 1] * v;
      s2 += w[o + 2] * v;
    }
    if (net != null) {
      if (fv.hidden.length < net.hidden) {
        fv.hidden = new float[net.hidden];
      }
      double[] s = {s0, s1, s2};
      net.addScores(fv, TargetFeatures.vectors(), fv.hidden, s);
      s0 = s[0];
      s1 = s[1];
      s2 = s[2];
    }
    double max = Math.max(s0, Math.max(s1, s2));
    double e0 = Math.exp(s0 - max);
    double e1 = Math.exp(s1 - max);
    double e2 = Math.exp(s2 - max);
    double z = e0 + e1 + e2;
    out[0] = e0 / z;
    out[1] = e1 / z;
    out[2] = e2 / z;
  }

  /** Writes the non-zero weights, quantized to 16 bits and gzipped; same model, same bytes. */
  void write(OutputStream out) throws IOException {
    float max = 0f;
    for (float x : w) {
      max = Math.max(max, Math.abs(x));
    }
    float scale = max == 0f ? 1f : max / Short.MAX_VALUE;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(body);
    int dims = w.length / LABELS;
    int nonZero = 0;
    for (int i = 0; i < dims; i++) {
      if (quantize(i, scale)) {
        nonZero++;
      }
    }
    data.writeInt(net == null ? MAGIC : MAGIC_NET);
    data.writeByte(bits);
    for (float b : bias) {
      data.writeFloat(b);
    }
    data.writeFloat(scale);
    data.writeInt(nonZero);
    int prev = -1;
    for (int i = 0; i < dims; i++) {
      if (!quantize(i, scale)) {
        continue;
      }
      writeVarInt(data, i - prev);
      prev = i;
      for (int c = 0; c < LABELS; c++) {
        data.writeShort(Math.round(w[LABELS * i + c] / scale));
      }
    }
    if (net != null) {
      net.write(data);
    }
    data.flush();
    GZIPOutputStream gz = new GZIPOutputStream(out);
    body.writeTo(gz);
    gz.finish();
  }

  private boolean quantize(int i, float scale) {
    for (int c = 0; c < LABELS; c++) {
      if (Math.round(w[LABELS * i + c] / scale) != 0) {
        return true;
      }
    }
    return false;
  }

  static LinearModel read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
    int magic = data.readInt();
    if (magic != MAGIC && magic != MAGIC_NET) {
      throw new IOException("Not a Newsdesk sentiment model");
    }
    int bits = data.readByte();
    float[] bias = new float[LABELS];
    for (int c = 0; c < LABELS; c++) {
      bias[c] = data.readFloat();
    }
    float scale = data.readFloat();
    int nonZero = data.readInt();
    float[] w = new float[LABELS << bits];
    int index = -1;
    for (int k = 0; k < nonZero; k++) {
      index += readVarInt(data);
      for (int c = 0; c < LABELS; c++) {
        w[LABELS * index + c] = data.readShort() * scale;
      }
    }
    DenseNetwork net = magic == MAGIC_NET ? DenseNetwork.read(data) : null;
    return new LinearModel(bits, w, bias, net);
  }

  private static void writeVarInt(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarInt(DataInputStream in) throws IOException {
    int v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
  }
}
