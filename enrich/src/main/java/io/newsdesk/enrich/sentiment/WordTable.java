package io.newsdesk.enrich.sentiment;

import java.util.Map;

/**
 * An immutable map from words to non-negative ints, built for the hot path: open addressing over
 * plain arrays, each slot's hash compared before its word, so that a word not in the table usually
 * costs one array read and no string comparison.
 */
final class WordTable {

  private final String[] keys;
  private final int[] hashes;
  private final int[] values;
  private final int mask;

  /** A table of {@code entries}; values must not be negative. */
  WordTable(Map<String, Integer> entries) {
    int cap = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    keys = new String[cap];
    hashes = new int[cap];
    values = new int[cap];
    mask = cap - 1;
    for (Map.Entry<String, Integer> e : entries.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("Negative value for " + e.getKey());
      }
      int h = spread(e.getKey().hashCode());
      int slot = h & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = e.getKey();
      hashes[slot] = h;
      values[slot] = e.getValue();
    }
  }

  /** A set of words as a table (every value 0). */
  static WordTable of(String... words) {
    Map<String, Integer> m = new java.util.HashMap<>();
    for (String w : words) {
      m.put(w, 0);
    }
    return new WordTable(m);
  }

  boolean contains(String word) {
    return get(word) >= 0;
  }

  /** The value of {@code word}, or -1. */
  int get(String word) {
    int h = spread(word.hashCode());
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      String k = keys[slot];
      if (k == null) {
        return -1;
      }
      if (hashes[slot] == h && k.equals(word)) {
        return values[slot];
      }
    }
  }

  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
