package io.newsdesk.enrich.sentiment;

import java.util.Arrays;

/** A growable sparse vector of hashed feature indices and values; one per thread at a time. */
final class FeatureVector {

  private static final long M1 = 0x9E3779B97F4A7C15L;
  private static final long M2 = 0xBF58476D1CE4E5B9L;
  private static final long M3 = 0x94D049BB133111EBL;

  final int bits;
  int size;
  int[] index = new int[256];
  float[] value = new float[256];

  /** Dense inputs of the network part (word vectors, polarities); zeroed by {@link #clear}. */
  final float[] dense = new float[TargetFeatures.DENSE_INPUTS];

  /** Scratch for the structure of the current target. */
  final TargetStructure structure = new TargetStructure();

  /** Scratch for the network's hidden activations. */
  float[] hidden = new float[0];

  FeatureVector(int bits) {
    this.bits = bits;
  }

  void clear() {
    size = 0;
    java.util.Arrays.fill(dense, 0f);
  }

  static long hash(String s) {
    return mix(s.hashCode() * M1 + s.length());
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * M2;
    z = (z ^ (z >>> 27)) * M3;
    return z ^ (z >>> 31);
  }

  void add(int template, float v) {
    put(mix(template * M1 + 1), v);
  }

  void add(int template, long a, float v) {
    put(mix(template * M1 + a), v);
  }

  void add(int template, long a, long b, float v) {
    put(mix(mix(template * M1 + a) + b * M3), v);
  }

  void add(int template, long a, long b, long c, float v) {
    put(mix(mix(mix(template * M1 + a) + b * M3) + c * M2), v);
  }

  private void put(long h, float v) {
    if (size == index.length) {
      index = Arrays.copyOf(index, size * 2);
      value = Arrays.copyOf(value, size * 2);
    }
    index[size] = (int) (h >>> (64 - bits));
    value[size] = v;
    size++;
  }
}
