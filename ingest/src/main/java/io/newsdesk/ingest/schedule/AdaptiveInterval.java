package io.newsdesk.ingest.schedule;

import java.time.Duration;

/**
 * Poll intervals that follow a feed's rhythm: shorter while new items keep appearing, longer when
 * they do not, never more often than the publisher asks (ttl, sy:updatePeriod), always within
 * bounds; failures back off exponentially.
 */
public final class AdaptiveInterval {
  private final Duration min;
  private final Duration max;

  public AdaptiveInterval(Duration min, Duration max) {
    this.min = min;
    this.max = max;
  }

  /** The shortest interval. */
  public Duration min() {
    return min;
  }

  /** The longest interval. */
  public Duration max() {
    return max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AdaptiveInterval a && a.min.equals(min) && a.max.equals(max);
  }

  @Override
  public int hashCode() {
    return min.hashCode() * 31 + max.hashCode();
  }

  /**
   * The interval after a successful poll.
   *
   * @param current the interval used so far
   * @param newItems how many new items this poll found
   * @param publisherHint the feed's ttl or sy:updatePeriod/Frequency, or null
   */
  public Duration afterSuccess(Duration current, int newItems, Duration publisherHint) {
    Duration next;
    if (newItems > 1) {
      next = current.dividedBy(2);
    } else if (newItems == 1) {
      next = current.multipliedBy(3).dividedBy(4);
    } else {
      next = current.multipliedBy(3).dividedBy(2);
    }
    Duration floor = min;
    if (publisherHint != null && publisherHint.compareTo(floor) > 0) {
      floor = publisherHint.compareTo(max) > 0 ? max : publisherHint;
    }
    return clamp(next, floor);
  }

  /** The delay before retrying a source that failed {@code consecutiveFailures} times in a row. */
  public Duration afterFailure(Duration current, int consecutiveFailures, Duration retryAfter) {
    int shift = Math.min(Math.max(consecutiveFailures - 1, 0), 16);
    Duration next = current.multipliedBy(1L << shift);
    if (retryAfter != null && retryAfter.compareTo(next) > 0) {
      next = retryAfter;
    }
    return clamp(next, min);
  }

  private Duration clamp(Duration d, Duration floor) {
    if (d.compareTo(floor) < 0) {
      return floor;
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
