package io.newsdesk.enrich.dedup;

import io.newsdesk.enrich.text.FoldedWords;
import java.util.Arrays;

/** Computes MinHash signatures over word shingles of the normalised text. */
public final class MinHasher {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final NearDuplicateConfig config;
  private final long[] seeds;

  public MinHasher(NearDuplicateConfig config) {
    this.config = config;
    this.seeds = new long[config.hashes()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = mix(GOLDEN * (i + 1));
    }
  }

  public NearDuplicateConfig config() {
    return config;
  }

  /** The signature of a text, or null when it has fewer shingles than the configured minimum. */
  public Signature signature(String text) {
    FoldedWords words = FoldedWords.of(text);
    int k = config.shingleWords();
    int shingles = words.count() - k + 1;
    if (words.count() == 0 || shingles < config.minShingles()) {
      return null;
    }
    long[] wordHash = new long[words.count()];
    for (int i = 0; i < wordHash.length; i++) {
      wordHash[i] = words.hash(i);
    }
    long[] min = new long[seeds.length];
    Arrays.fill(min, Long.MAX_VALUE);
    for (int s = 0; s < shingles; s++) {
      long h = 0;
      for (int j = 0; j < k; j++) {
        h = mix(h * 31 + wordHash[s + j]);
      }
      for (int i = 0; i < seeds.length; i++) {
        // Unsigned order is irrelevant: any fixed total order over the permuted values works.
        long v = mix(h ^ seeds[i]);
        if (v < min[i]) {
          min[i] = v;
        }
      }
    }
    return new Signature(min, config.bands(), config.rows());
  }

  /** SplitMix64's finaliser: a cheap, well-mixed 64-bit permutation. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
