package io.newsdesk.enrich.entities;

/**
 * Open-addressing map from non-zero long keys (feature hashes) to int values, -1 when absent. Keys
 * and values sit side by side in one array so that a lookup touches one cache line.
 */
final class LongIntMap {
  private long[] table; // key at 2i, value at 2i+1
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    table = new long[cap * 2];
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  int get(long key) {
    long[] t = table;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (true) {
      long k = t[i << 1];
      if (k == key) {
        return (int) t[(i << 1) + 1];
      }
      if (k == 0) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Value of {@code key}, inserting {@code size()} as its value when absent. */
  int getOrAdd(long key) {
    int v = get(key);
    if (v >= 0) {
      return v;
    }
    put(key, size);
    return size - 1;
  }

  void put(long key, int value) {
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (table[i << 1] != 0 && table[i << 1] != key) {
      i = (i + 1) & mask;
    }
    if (table[i << 1] == 0) {
      size++;
    }
    table[i << 1] = key;
    table[(i << 1) + 1] = value;
    if (size * 2 > mask + 1) {
      grow();
    }
  }

  /** Keys in no particular order. */
  long[] keys() {
    long[] out = new long[size];
    int j = 0;
    for (int i = 0; i <= mask; i++) {
      if (table[i << 1] != 0) {
        out[j++] = table[i << 1];
      }
    }
    return out;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    mask = (table.length >> 1) - 1;
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        put(old[i], (int) old[i + 1]);
      }
    }
  }
}
