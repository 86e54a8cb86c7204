package io.newsdesk.enrich.entities;

/** The BILOU label set over PER, ORG, LOC and MISC, and conversions to and from IOB2. */
final class Labels {
  static final String[] TYPES = {"PER", "ORG", "LOC", "MISC"};
  static final int COUNT = 1 + 4 * TYPES.length;
  static final int O = 0;
  static final int B = 0;
  static final int I = 1;
  static final int L = 2;
  static final int U = 3;
  private static final String[] NAMES = new String[COUNT];

  static {
    NAMES[0] = "O";
    String p = "BILU";
    for (int t = 0; t < TYPES.length; t++) {
      for (int k = 0; k < 4; k++) {
        NAMES[label(t, k)] = p.charAt(k) + "-" + TYPES[t];
      }
    }
  }

  private Labels() {}

  static int label(int type, int position) {
    return 1 + 4 * type + position;
  }

  /** Entity type index of a label, or -1 for O. */
  static int type(int label) {
    return label == O ? -1 : (label - 1) / 4;
  }

  /** Position (B, I, L, U) of a label; meaningless for O. */
  static int position(int label) {
    return (label - 1) % 4;
  }

  static String name(int label) {
    return NAMES[label];
  }

  static int typeIndex(String type) {
    for (int t = 0; t < TYPES.length; t++) {
      if (TYPES[t].equals(type)) {
        return t;
      }
    }
    return -1;
  }

  /** True when an entity is open after {@code prev} (so the next label must be I or L). */
  static boolean isOpen(int prev) {
    return prev != O && (position(prev) == B || position(prev) == I);
  }

  /** Whether {@code next} may follow {@code prev}; {@code last} marks the sentence's last token. */
  static boolean allowed(int prev, int next, boolean last) {
    if (isOpen(prev)) {
      return next != O
          && type(next) == type(prev)
          && (position(next) == L || (position(next) == I && !last));
    }
    return next == O || position(next) == U || (position(next) == B && !last);
  }

  /**
   * BILOU labels of a sentence from its spans ({@code types[i]} of span {@code [starts[i],
   * ends[i])}).
   */
  static int[] fromIob2(String[] tags) {
    int n = tags.length;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      String tag = tags[i];
      if (tag.equals("O")) {
        out[i] = O;
        continue;
      }
      int t = typeIndex(tag.substring(2));
      if (t < 0) {
        out[i] = O;
        continue;
      }
      boolean begins = tag.charAt(0) == 'B' || i == 0 || !tags[i - 1].endsWith(tag.substring(1));
      boolean continues = i + 1 < n && tags[i + 1].equals("I" + tag.substring(1));
      int pos = begins ? (continues ? B : U) : (continues ? I : L);
      out[i] = label(t, pos);
    }
    return out;
  }

  /** IOB2 tags from BILOU labels, closing any entity left open. */
  static String[] toIob2(int[] labels) {
    String[] out = new String[labels.length];
    int openType = -1;
    for (int i = 0; i < labels.length; i++) {
      int lab = labels[i];
      if (lab == O) {
        out[i] = "O";
        openType = -1;
        continue;
      }
      int t = type(lab);
      int pos = position(lab);
      boolean inside = (pos == I || pos == L) && openType == t;
      out[i] = (inside ? "I-" : "B-") + TYPES[t];
      openType = (pos == B || pos == I) ? t : -1;
    }
    return out;
  }
}
