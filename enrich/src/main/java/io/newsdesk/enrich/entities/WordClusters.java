package io.newsdesk.enrich.entities;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Hierarchical word clusters: each known word maps to a bit-string path; prefixes are coarser. */
final class WordClusters {

  /** Path prefix lengths used as features. */
  static final int[] PREFIXES = {4, 6, 10, 20};

  private final Map<String, String> paths;

  WordClusters(Map<String, String> paths) {
    this.paths = Map.copyOf(paths);
  }

  int size() {
    return paths.size();
  }

  /** The cluster path of a word (tried as is, then lower-cased), or null when unknown. */
  String path(String word) {
    String p = paths.get(word);
    if (p == null) {
      p = paths.get(word.toLowerCase(java.util.Locale.ROOT));
    }
    return p;
  }

  void write(DataOutput out) throws IOException {
    // Sorted so that the same clusters always serialise to the same bytes.
    TreeMap<String, String> sorted = new TreeMap<>(paths);
    out.writeInt(sorted.size());
    for (var e : sorted.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  static WordClusters read(DataInput in) throws IOException {
    int n = in.readInt();
    Map<String, String> m = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String w = in.readUTF();
      m.put(w, in.readUTF());
    }
    return new WordClusters(m);
  }
}
