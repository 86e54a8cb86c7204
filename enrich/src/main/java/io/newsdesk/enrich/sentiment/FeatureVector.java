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

  /**
   * Dense inputs of the network part; zeroed by {@link #clear}. Features fill only the values after
   * the word-vector blocks and list the words in {@link #wordRow}: a block is the weighted sum of
   * its words' vectors, which {@link #expandWords} writes out (for training) and the network adds
   * through its cached projections of the words instead (for scoring).
   */
  final float[] dense = new float[TargetFeatures.DENSE_INPUTS];

  /** Words of the dense blocks: row in the word vectors, block, weight; {@link #words} of them. */
  int words;

  int[] wordRow = new int[64];
  int[] wordBlock = new int[64];
  float[] wordWeight = new float[64];

  /** Scratch for the structure of the current target. */
  final TargetStructure structure = new TargetStructure();

  /**
   * Scratch for the units (words, or a whole mention) of the current target's window: hash, role,
   * token, valence, inside quotes; every unit in use is written before it is read.
   */
  long[] unitHash = new long[0];

  byte[] unitRole = new byte[0];
  int[] unitToken = new int[0];
  float[] unitValence = new float[0];
  boolean[] unitQuoted = new boolean[0];

  /** Makes the unit scratch hold at least {@code n} units. */
  void reserveUnits(int n) {
    if (unitHash.length < n) {
      int m = Math.max(n, 2 * unitHash.length);
      unitHash = new long[m];
      unitRole = new byte[m];
      unitToken = new int[m];
      unitValence = new float[m];
      unitQuoted = new boolean[m];
    }
  }

  /** Scratch for the network's hidden activations. */
  float[] hidden = new float[0];

  FeatureVector(int bits) {
    this.bits = bits;
  }

  void clear() {
    size = 0;
    words = 0;
    java.util.Arrays.fill(dense, 0f);
  }

  /** Adds {@code weight} times the vector of word {@code row} to dense block {@code block}. */
  void addWord(int row, int block, float weight) {
    if (words == wordRow.length) {
      wordRow = Arrays.copyOf(wordRow, words * 2);
      wordBlock = Arrays.copyOf(wordBlock, words * 2);
      wordWeight = Arrays.copyOf(wordWeight, words * 2);
    }
    wordRow[words] = row;
    wordBlock[words] = block;
    wordWeight[words] = weight;
    words++;
  }

  /** Multiplies the weights of the words in dense block {@code block} by {@code factor}. */
  void scaleBlock(int block, float factor) {
    for (int k = 0; k < words; k++) {
      if (wordBlock[k] == block) {
        wordWeight[k] *= factor;
      }
    }
  }

  /** Writes the listed words into the dense blocks, as a network's plain input. */
  float[] expandWords(WordVectors vectors) {
    float[] x = dense.clone();
    for (int k = 0; k < words; k++) {
      vectors.addTo(wordRow[k], wordWeight[k], x, wordBlock[k] * vectors.dims);
    }
    return x;
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
