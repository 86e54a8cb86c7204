package io.newsdesk.enrich.sentiment;

import java.util.Arrays;

/**
 * Which entity owns each token of a text, indexed once, and the role of each token (target, other
 * entity, word) in a bounded window around a target: per-target work does not grow with the number
 * of entities or the length of the sentence.
 */
final class MentionRoles {

  /** Words each side of the target that features look at; news sentences are shorter. */
  static final int WINDOW = 128;

  /** Longest mention marked, in tokens: a guard against runaway spans, not a real limit. */
  private static final int MAX_MENTION_TOKENS = 32;

  static final byte WORD = 0;
  static final byte TARGET = 1;
  static final byte OTHER = 2;

  final Tokens t;
  private final int[] owner;

  /** Role of each token in the last window filled; indexed like the tokens. */
  final byte[] role;

  /** Token range {@code [lo, hi)} of the last window filled, and the target's main token. */
  int lo;

  int hi;
  int main;

  MentionRoles(Tokens t) {
    this.t = t;
    this.owner = new int[t.size];
    this.role = new byte[t.size];
    Arrays.fill(owner, -1);
  }

  /** Marks the tokens of the span {@code [start, end)} as owned by {@code entity} if unowned. */
  void mark(int start, int end, int entity) {
    int i = firstEndingAfter(start);
    for (int k = 0; i < t.size && t.start[i] < end && k < MAX_MENTION_TOKENS; i++, k++) {
      if (owner[i] < 0) {
        owner[i] = entity;
      }
    }
  }

  /** First token that overlaps {@code [start, end)}, or -1. */
  int tokenAt(int start, int end) {
    int i = firstEndingAfter(start);
    return i < t.size && t.start[i] < end && end > start ? i : -1;
  }

  /** Index of the first token whose end lies after {@code offset} (binary search). */
  private int firstEndingAfter(int offset) {
    int lo = 0;
    int hi = t.size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t.end[mid] <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Fills {@link #role} in a window of sentence {@code [from, to)} around the target {@code
   * entity}, whose mentions in the sentence are {@code spans} (pairs start, end; main first) and
   * returns false when none of them falls on a token. Costs the window plus the spans.
   */
  boolean window(int from, int to, int entity, int[] spans) {
    main = -1;
    for (int k = 0; k + 1 < spans.length && main < 0; k += 2) {
      int i = tokenAt(spans[k], spans[k + 1]);
      if (i >= from && i < to) {
        main = i;
      }
    }
    if (main < 0) {
      return false;
    }
    lo = Math.max(from, main - WINDOW);
    hi = Math.min(to, main + WINDOW + 1);
    for (int i = lo; i < hi; i++) {
      int o = owner[i];
      role[i] = o < 0 ? WORD : o == entity ? TARGET : OTHER;
    }
    // The target's own mentions win where entities overlap.
    int winStart = t.start[lo];
    int winEnd = t.end[hi - 1];
    for (int k = 0; k + 1 < spans.length; k += 2) {
      if (spans[k] >= winEnd || spans[k + 1] <= winStart) {
        continue;
      }
      int i = Math.max(lo, firstEndingAfter(spans[k]));
      for (int n = 0; i < hi && t.start[i] < spans[k + 1] && n < MAX_MENTION_TOKENS; i++, n++) {
        role[i] = TARGET;
      }
    }
    return true;
  }
}
