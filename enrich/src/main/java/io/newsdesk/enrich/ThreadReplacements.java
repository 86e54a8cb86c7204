package io.newsdesk.enrich;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many failed stream threads may be replaced within a window before the failure counts as
 * permanent. A thread that died of a transient cluster error (a broker killed mid-transaction
 * leaves its producer with an out-of-order sequence, say) comes back with a new producer and the
 * open transaction aborted, so exactly-once holds; a bug that fails on the same record again and
 * again uses the budget up and stops the client instead of looping.
 */
final class ThreadReplacements {

  private final int max;
  private final Duration window;
  private final Clock clock;
  private final Deque<Long> recent = new ArrayDeque<>();

  ThreadReplacements(int max, Duration window, Clock clock) {
    if (max < 0) {
      throw new IllegalArgumentException("max must be >= 0, was " + max);
    }
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  /** Records a failure; true when the thread may be replaced, false when the budget is spent. */
  synchronized boolean allow() {
    long now = clock.millis();
    while (!recent.isEmpty() && recent.peekFirst() <= now - window.toMillis()) {
      recent.pollFirst();
    }
    if (recent.size() >= max) {
      return false;
    }
    recent.addLast(now);
    return true;
  }

  /** Replacements within the current window. */
  synchronized int used() {
    return recent.size();
  }
}
