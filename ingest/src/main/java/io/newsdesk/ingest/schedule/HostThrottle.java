package io.newsdesk.ingest.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * At most N requests at a time per host (one by default), and a minimum delay between the end of
 * one request and the start of the next; a robots.txt Crawl-delay lengthens the delay.
 */
public final class HostThrottle {

  /** Held while a request to a host is in flight; closing it starts the host's delay. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private final class Slot {
    final Semaphore connections = new Semaphore(perHost, true);
    long nextStartNanos = Long.MIN_VALUE;
    volatile long crawlDelayNanos;

    long delayNanos() {
      return Math.max(minDelayNanos, crawlDelayNanos);
    }
  }

  private final long minDelayNanos;
  private final int perHost;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final LongSupplier nanos;

  /** One connection per host. */
  public HostThrottle(Duration minDelay) {
    this(minDelay, 1);
  }

  public HostThrottle(Duration minDelay, int connectionsPerHost) {
    this(minDelay, connectionsPerHost, System::nanoTime);
  }

  /** As above, reading time from {@code nanoClock} (tests pass a fake one). */
  public HostThrottle(Duration minDelay, int connectionsPerHost, LongSupplier nanoClock) {
    this.minDelayNanos = minDelay.toNanos();
    this.perHost = connectionsPerHost;
    this.nanos = nanoClock;
  }

  /** Waits until the host has a free connection and its delay has passed. */
  public Permit acquire(String host) throws InterruptedException {
    Slot slot = slots.computeIfAbsent(key(host), h -> new Slot());
    slot.connections.acquire();
    try {
      long wait;
      synchronized (slot) {
        long now = nanos.getAsLong();
        long start =
            slot.nextStartNanos == Long.MIN_VALUE ? now : Math.max(now, slot.nextStartNanos);
        wait = start - now;
        // Reserve the start so concurrent holders of other permits space out too.
        slot.nextStartNanos = start + (perHost > 1 ? slot.delayNanos() : 0);
      }
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    } catch (InterruptedException e) {
      slot.connections.release();
      throw e;
    }
    return () -> {
      synchronized (slot) {
        long after = nanos.getAsLong() + slot.delayNanos();
        if (slot.nextStartNanos == Long.MIN_VALUE || after > slot.nextStartNanos) {
          slot.nextStartNanos = after;
        }
      }
      slot.connections.release();
    };
  }

  /** How long until the host would likely accept a request (zero when free now). */
  public Duration readyIn(String host) {
    Slot slot = slots.get(key(host));
    if (slot == null) {
      return Duration.ZERO;
    }
    if (slot.connections.availablePermits() == 0) {
      // Busy without a delay: a worker waits on the connection briefly; with one, come back later.
      return Duration.ofNanos(slot.delayNanos());
    }
    long wait;
    synchronized (slot) {
      wait = slot.nextStartNanos == Long.MIN_VALUE ? 0 : slot.nextStartNanos - nanos.getAsLong();
    }
    return wait <= 0 ? Duration.ZERO : Duration.ofNanos(wait);
  }

  /** Applies a robots.txt Crawl-delay for a host (longer than the configured delay wins). */
  public void setCrawlDelay(String host, Duration delay) {
    slots.computeIfAbsent(key(host), h -> new Slot()).crawlDelayNanos =
        delay == null ? 0 : delay.toNanos();
  }

  private static String key(String host) {
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }
}
