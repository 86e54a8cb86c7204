package io.newsdesk.enrich.entities;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Word classes at several granularities, learned from unlabelled text; immutable. Looked up through
 * an open-addressing table keyed on a 64-bit hash of the word's characters (lower-cased variants
 * hashed on the fly, without building strings).
 */
final class WordClusters {

  private final Map<String, int[]> ids;
  private final int granularities;
  private final LongIntMap byHash;
  private final int[][] rows;
  private final int[] flat; // row * granularities + g

  WordClusters(Map<String, int[]> ids) {
    this.ids = Map.copyOf(ids);
    this.granularities = ids.isEmpty() ? 0 : ids.values().iterator().next().length;
    this.byHash = new LongIntMap(ids.size());
    this.rows = new int[ids.size()][];
    this.flat = new int[ids.size() * granularities];
    int r = 0;
    for (var e : this.ids.entrySet()) {
      long h = hash(e.getKey(), 0);
      if (byHash.get(h) >= 0) {
        throw new IllegalStateException("word hash collision: " + e.getKey());
      }
      rows[r] = e.getValue();
      System.arraycopy(e.getValue(), 0, flat, r * granularities, granularities);
      byHash.put(h, r++);
    }
  }

  int size() {
    return ids.size();
  }

  private static final int AS_IS = 0;
  private static final int LOWER = 1;
  private static final int CAPITALISED = 2;

  // FNV-1a over the characters of the word as is, lower-cased or capitalised (first character as
  // is, the rest lower-cased), then a 64-bit finaliser; never 0. Only for ASCII when lowering.
  private static long hash(String w, int variant) {
    long h = 0xcbf29ce484222325L;
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (variant == LOWER || variant == CAPITALISED && k > 0) {
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + 32);
        }
      }
      h = (h ^ c) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  /**
   * The row of a word's classes as {@link #classes} finds them (-1 when unknown), for {@link
   * #classOf}: no arrays handed out.
   */
  int row(String word) {
    boolean ascii = true;
    boolean hasUpper = false;
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      if (c > 127) {
        ascii = false;
        break;
      }
      hasUpper |= c >= 'A' && c <= 'Z';
    }
    if (!ascii) {
      int r = byHash.get(hash(word, AS_IS));
      if (r < 0) {
        String lower = word.toLowerCase(Locale.ROOT);
        r = byHash.get(hash(lower, AS_IS));
        if (r < 0 && word.length() > 1 && !lower.equals(word)) {
          // Headlines in capitals: "JAPAN" takes the classes of "Japan".
          r = byHash.get(hash(word.charAt(0) + lower.substring(1), AS_IS));
        }
      }
      return r;
    }
    int r = byHash.get(hash(word, AS_IS));
    if (r < 0 && hasUpper) {
      r = byHash.get(hash(word, LOWER));
      if (r < 0 && word.length() > 1) {
        r = byHash.get(hash(word, CAPITALISED));
      }
    }
    return r;
  }

  /** Class {@code g} of the word at {@code row}. */
  int classOf(int row, int g) {
    return flat[row * granularities + g];
  }

  int granularities() {
    return granularities;
  }

  /** The class ids of a word (tried as is, then lower-cased), or null when unknown. */
  int[] classes(String word) {
    int r = row(word);
    return r < 0 ? null : rows[r];
  }

  /**
   * These classes with, for each word, the classes of {@code extra} appended (words missing from it
   * get class 0 there); every array of {@code extra} has the same length.
   */
  WordClusters extended(Map<String, int[]> extra) {
    int more = extra.isEmpty() ? 0 : extra.values().iterator().next().length;
    Map<String, int[]> joined = new HashMap<>(ids.size() * 2);
    for (var e : ids.entrySet()) {
      int[] c = java.util.Arrays.copyOf(e.getValue(), granularities + more);
      int[] x = extra.get(e.getKey());
      if (x != null) {
        System.arraycopy(x, 0, c, granularities, more);
      }
      joined.put(e.getKey(), c);
    }
    return new WordClusters(joined);
  }

  void write(DataOutput out) throws IOException {
    // Sorted so that the same clusters always serialise to the same bytes.
    TreeMap<String, int[]> sorted = new TreeMap<>(ids);
    out.writeInt(sorted.size());
    out.writeInt(granularities);
    for (var e : sorted.entrySet()) {
      out.writeUTF(e.getKey());
      for (int c : e.getValue()) {
        out.writeShort(c);
      }
    }
  }

  static WordClusters read(DataInput in) throws IOException {
    int n = in.readInt();
    int g = in.readInt();
    Map<String, int[]> m = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String w = in.readUTF();
      int[] c = new int[g];
      for (int k = 0; k < g; k++) {
        c[k] = in.readUnsignedShort();
      }
      m.put(w, c);
    }
    return new WordClusters(m);
  }
}
