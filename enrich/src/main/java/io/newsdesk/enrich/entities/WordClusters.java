package io.newsdesk.enrich.entities;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Word classes at several granularities, learned from unlabelled text; immutable. */
final class WordClusters {

  private final Map<String, int[]> ids;
  private final int granularities;

  WordClusters(Map<String, int[]> ids) {
    this.ids = Map.copyOf(ids);
    this.granularities = ids.isEmpty() ? 0 : ids.values().iterator().next().length;
  }

  int size() {
    return ids.size();
  }

  int granularities() {
    return granularities;
  }

  /** The class ids of a word (tried as is, then lower-cased), or null when unknown. */
  int[] classes(String word) {
    int[] c = ids.get(word);
    if (c == null) {
      String lower = word.toLowerCase(Locale.ROOT);
      c = ids.get(lower);
      if (c == null && word.length() > 1 && !lower.equals(word)) {
        // Headlines in capitals: "JAPAN" takes the classes of "Japan".
        c = ids.get(word.charAt(0) + lower.substring(1));
      }
    }
    return c;
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
