package io.newsdesk.enrich.entities;

/**
 * The summed weights of the features of single words ({@link NerFeatures#wordLocalFeatures} and
 * {@link NerFeatures#neighbourFeatures}), kept for the words met most recently: news text repeats
 * its words, and these are most of a token's features, each a hash-table look-up that mostly misses
 * the processor's cache. A direct-mapped table of immutable entries: a word whose slot another word
 * took is summed again, never wrong. Lock-free and thread-safe (an entry's final fields publish its
 * sums); bounded to {@link #SLOTS} entries.
 */
final class WordScoreCache {

  static final int SLOTS = 1 << 15;

  private record Entry(String word, int[] sums) {}

  private final Entry[] table = new Entry[SLOTS];

  /** The cached sums of {@code word}, or null. Not to be written. */
  int[] get(String word) {
    Entry e = table[slot(word)];
    return e != null && e.word.equals(word) ? e.sums : null;
  }

  /** Keeps {@code sums} (no longer to be written) as {@code word}'s. */
  void put(String word, int[] sums) {
    table[slot(word)] = new Entry(word, sums);
  }

  private static int slot(String word) {
    int h = word.hashCode();
    return (h ^ (h >>> 15)) & (SLOTS - 1);
  }
}
