package io.newsdesk.enrich.entities;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Immutable weights of the averaged-perceptron tagger: a feature-hash index and a dense row of
 * per-label weights for each kept feature, plus the word clusters the features use. Stored gzipped
 * with weights quantised to 16 bits.
 */
final class NerModel {

  private static final int MAGIC = 0x4e444e52; // "NDNR"
  private static final int FORMAT = 2;

  final LongIntMap index;
  final float[] weights;

  /** The weights as read back, quantised: {@code weights[i] == quantised[i] * scale}. */
  private final short[] quantised;

  private final float scale;
  final int labels;
  final WordClusters clusters;
  final String version;

  NerModel(LongIntMap index, float[] weights, int labels, WordClusters clusters, String version) {
    this(index, weights, null, 0f, labels, clusters, version);
  }

  private NerModel(
      LongIntMap index,
      float[] weights,
      short[] quantised,
      float scale,
      int labels,
      WordClusters clusters,
      String version) {
    this.index = index;
    this.weights = weights;
    this.quantised = quantised;
    this.scale = scale;
    this.labels = labels;
    this.clusters = clusters;
    this.version = version;
  }

  short[] quantised() {
    return quantised;
  }

  float scale() {
    return scale;
  }

  int features() {
    return index.size();
  }

  /** Adds the weights of the given features to {@code scores}. */
  void score(long[] feats, int n, float[] scores) {
    if (quantised != null) {
      scoreQuantised(feats, n, scores);
      return;
    }
    Arrays.fill(scores, 0f);
    for (int f = 0; f < n; f++) {
      int row = index.get(feats[f]);
      if (row < 0) {
        continue;
      }
      int base = row * labels;
      for (int l = 0; l < labels; l++) {
        scores[l] += weights[base + l];
      }
    }
  }

  // Sums 16-bit weights (exactly, as small integers in floats): half the memory traffic.
  private void scoreQuantised(long[] feats, int n, float[] scores) {
    int labels = this.labels;
    float[] acc = scores;
    Arrays.fill(acc, 0f);
    short[] q = quantised;
    for (int f = 0; f < n; f++) {
      int row = index.get(feats[f]);
      if (row < 0) {
        continue;
      }
      int base = row * labels;
      for (int l = 0; l < labels; l++) {
        acc[l] += q[base + l];
      }
    }
    for (int l = 0; l < labels; l++) {
      acc[l] *= scale;
    }
  }

  /** Writes models (stages applied in order) into one gzipped stream. */
  static void writeAll(OutputStream os, float minWeight, NerModel... stages) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeInt(stages.length);
    for (NerModel m : stages) {
      m.write(out, minWeight);
    }
    out.flush();
    gz.finish();
    gz.flush();
  }

  /** Reads the stages written by {@link #writeAll}. */
  static NerModel[] readAll(InputStream is) throws IOException {
    // Inflate once, then decode from memory without the locking of the buffered streams.
    byte[] bytes = new GZIPInputStream(is, 1 << 16).readAllBytes();
    DataInputStream in = new DataInputStream(new ArrayInput(bytes));
    if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
      throw new IOException("not a Newsdesk NER model (format " + FORMAT + ")");
    }
    NerModel[] out = new NerModel[in.readInt()];
    for (int i = 0; i < out.length; i++) {
      out[i] = read(in);
    }
    return out;
  }

  /** Writes the model, keeping features with a weight of magnitude at least {@code minWeight}. */
  private void write(DataOutputStream out, float minWeight) throws IOException {
    long[] keys = index.keys();
    Arrays.sort(keys);
    float max = 0;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max / 32767f;
    int kept = 0;
    long[] keep = new long[keys.length];
    for (long key : keys) {
      int base = index.get(key) * labels;
      for (int l = 0; l < labels; l++) {
        if (Math.abs(weights[base + l]) >= minWeight
            && Math.round(weights[base + l] / scale) != 0) {
          keep[kept++] = key;
          break;
        }
      }
    }
    out.writeUTF(version);
    out.writeInt(labels);
    out.writeFloat(scale);
    out.writeBoolean(clusters != null);
    if (clusters != null) {
      clusters.write(out);
    }
    out.writeInt(kept);
    long prev = Long.MIN_VALUE;
    for (int r = 0; r < kept; r++) {
      writeVarLong(out, keep[r] - prev);
      prev = keep[r];
    }
    for (int r = 0; r < kept; r++) {
      int base = index.get(keep[r]) * labels;
      for (int l = 0; l < labels; l++) {
        float w = weights[base + l];
        int q = Math.abs(w) >= minWeight ? Math.round(w / scale) : 0;
        writeVarInt(out, (q << 1) ^ (q >> 31));
      }
    }
  }

  private static NerModel read(DataInputStream in) throws IOException {
    String version = in.readUTF();
    int labels = in.readInt();
    float scale = in.readFloat();
    WordClusters clusters = in.readBoolean() ? WordClusters.read(in) : null;
    int rows = in.readInt();
    LongIntMap index = new LongIntMap(rows);
    long prev = Long.MIN_VALUE;
    for (int r = 0; r < rows; r++) {
      prev += readVarLong(in);
      index.put(prev, r);
    }
    short[] quantised = new short[rows * labels];
    for (int i = 0; i < quantised.length; i++) {
      int z = readVarInt(in);
      quantised[i] = (short) ((z >>> 1) ^ -(z & 1));
    }
    return new NerModel(index, null, quantised, scale, labels, clusters, version);
  }

  /** An unsynchronised stream over a byte array. */
  private static final class ArrayInput extends InputStream {
    private final byte[] bytes;
    private int pos;

    ArrayInput(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= bytes.length) {
        return -1;
      }
      int n = Math.min(len, bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  private static void writeVarLong(DataOutputStream out, long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  private static long readVarLong(DataInputStream in) throws IOException {
    long v = 0;
    int shift = 0;
    while (true) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }

  private static void writeVarInt(DataOutputStream out, int v) throws IOException {
    writeVarLong(out, v & 0xFFFFFFFFL);
  }

  private static int readVarInt(DataInputStream in) throws IOException {
    return (int) readVarLong(in);
  }
}
