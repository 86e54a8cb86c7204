package io.newsdesk.sink.files;

import java.time.Duration;

/**
 * When an open sink file is closed and published: after {@code maxRecords} records, {@code
 * maxBytes} bytes of JSON Lines, or when the {@code interval}-aligned window changes, by record
 * time or by wall clock (so a quiet stream still closes its files).
 */
public record RollPolicy(long maxRecords, long maxBytes, Duration interval) {

  public static final long DEFAULT_MAX_RECORDS = 10_000;
  public static final long DEFAULT_MAX_BYTES = 128L * 1024 * 1024;
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

  public RollPolicy {
    if (maxRecords < 1) {
      throw new IllegalArgumentException("sink.roll.records must be at least 1, was " + maxRecords);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("sink.roll.bytes must be at least 1, was " + maxBytes);
    }
    if (interval == null || interval.toMillis() < 1) {
      throw new IllegalArgumentException("sink.roll.interval must be at least 1 ms");
    }
  }

  /** 10,000 records, 128 MiB, 10 minutes: the Connect sinks' order of magnitude. */
  public static RollPolicy defaults() {
    return new RollPolicy(DEFAULT_MAX_RECORDS, DEFAULT_MAX_BYTES, DEFAULT_INTERVAL);
  }

  /** The interval-aligned window a time (epoch millis) falls in. */
  long window(long epochMillis) {
    return Math.floorDiv(epochMillis, interval.toMillis());
  }
}
