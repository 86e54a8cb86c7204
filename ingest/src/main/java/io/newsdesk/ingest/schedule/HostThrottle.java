package io.newsdesk.ingest.schedule;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** One request at a time per host, and a minimum delay between the end of one and the next. */
public final class HostThrottle {

  /** Held while a request to a host is in flight; closing it starts the host's delay. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock(true);
    volatile long nextAllowedNanos = Long.MIN_VALUE;
    volatile long crawlDelayNanos;
  }

  private final long minDelayNanos;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  public HostThrottle(Duration minDelay) {
    this.minDelayNanos = minDelay.toNanos();
  }

  /** Waits until the host is free and its delay has passed. */
  public Permit acquire(String host) throws InterruptedException {
    Slot slot = slots.computeIfAbsent(key(host), h -> new Slot());
    slot.lock.lockInterruptibly();
    try {
      long wait;
      while ((wait = slot.nextAllowedNanos - System.nanoTime()) > 0
          && slot.nextAllowedNanos != Long.MIN_VALUE) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    } catch (InterruptedException e) {
      slot.lock.unlock();
      throw e;
    }
    return () -> {
      slot.nextAllowedNanos = System.nanoTime() + Math.max(minDelayNanos, slot.crawlDelayNanos);
      slot.lock.unlock();
    };
  }

  /** How long until the host would accept a request (zero when free now). */
  public Duration readyIn(String host) {
    Slot slot = slots.get(key(host));
    if (slot == null) {
      return Duration.ZERO;
    }
    if (slot.lock.isLocked()) {
      return Duration.ofNanos(Math.max(minDelayNanos, slot.crawlDelayNanos));
    }
    long wait = slot.nextAllowedNanos - System.nanoTime();
    return slot.nextAllowedNanos == Long.MIN_VALUE || wait <= 0
        ? Duration.ZERO
        : Duration.ofNanos(wait);
  }

  /** Applies a robots.txt Crawl-delay for a host (longer than the configured delay wins). */
  public void setCrawlDelay(String host, Duration delay) {
    slots.computeIfAbsent(key(host), h -> new Slot()).crawlDelayNanos =
        delay == null ? 0 : delay.toNanos();
  }

  private static String key(String host) {
    return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
  }
}
