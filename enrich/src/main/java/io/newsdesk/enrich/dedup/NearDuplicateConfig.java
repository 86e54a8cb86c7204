package io.newsdesk.enrich.dedup;

import java.time.Duration;

/**
 * Near-duplicate settings: shingle width, LSH shape (bands x rows hashes), the similarity threshold
 * a candidate must reach, the retention of the band index, and the shortest text considered.
 */
public record NearDuplicateConfig(
    int shingleWords, int bands, int rows, double threshold, Duration retention, int minShingles) {

  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  public NearDuplicateConfig {
    if (shingleWords < 1 || shingleWords > 10) {
      throw new IllegalArgumentException(
          "enrich.near.shingle.words must be 1..10, was " + shingleWords);
    }
    if (bands < 1 || bands > 64) {
      throw new IllegalArgumentException("enrich.near.bands must be 1..64, was " + bands);
    }
    if (rows < 1 || rows > 16) {
      throw new IllegalArgumentException("enrich.near.rows must be 1..16, was " + rows);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "enrich.near.threshold must be in (0, 1], was " + threshold);
    }
    if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("enrich.near.retention must be at least 1 day");
    }
    if (retention.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("enrich.near.retention must be at most 365 days");
    }
    if (minShingles < 1) {
      throw new IllegalArgumentException(
          "enrich.near.min.shingles must be at least 1, was " + minShingles);
    }
  }

  /** The defaults the evaluation chose (see docs/dedup-and-stories.md). */
  public static NearDuplicateConfig defaults() {
    return new NearDuplicateConfig(3, 24, 3, 0.4, DEFAULT_RETENTION, 8);
  }

  /** The same settings with another retention (days). */
  public NearDuplicateConfig withRetention(Duration days) {
    return new NearDuplicateConfig(shingleWords, bands, rows, threshold, days, minShingles);
  }

  /** The same settings with another threshold. */
  public NearDuplicateConfig withThreshold(double t) {
    return new NearDuplicateConfig(shingleWords, bands, rows, t, retention, minShingles);
  }

  /** Number of hash functions in a signature. */
  public int hashes() {
    return bands * rows;
  }
}
