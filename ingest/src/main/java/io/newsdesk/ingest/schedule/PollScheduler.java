package io.newsdesk.ingest.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs thousands of periodic polls on a small worker pool: one dispatcher thread hands due sources
 * to workers, skipping hosts that are busy or in their politeness delay.
 */
public final class PollScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

  /** Polls one source and answers when it is next due (epoch milliseconds). */
  @FunctionalInterface
  public interface Poller {
    long poll(String source) throws Exception;
  }

  /** A source due at {@code at}; {@code token} tells it from an earlier, removed registration. */
  private record Due(String source, long at, long token) {}

  private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> known = new ConcurrentHashMap<>();
  private long tokens;
  private final ScheduledExecutorService dispatcher;
  private final ExecutorService workers;
  private final int maxInFlight;
  private final Poller poller;
  private final Function<String, Duration> hostReadyIn;
  private final Clock clock;
  private final Duration tick;
  private final Map<String, Long> pendingAt = new java.util.HashMap<>();
  private ScheduledFuture<?> task;

  public PollScheduler(
      ScheduledExecutorService dispatcher,
      ExecutorService workers,
      int maxInFlight,
      Poller poller,
      Function<String, Duration> hostReadyIn,
      Clock clock,
      Duration tick) {
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.maxInFlight = maxInFlight;
    this.poller = poller;
    this.hostReadyIn = hostReadyIn;
    this.clock = clock;
    this.tick = tick;
  }

  /** Adds a source, due at {@code at} (epoch ms); a source already scheduled is left as it is. */
  public synchronized void add(String source, long at) {
    if (!known.containsKey(source)) {
      long token = ++tokens;
      known.put(source, token);
      queue.add(new Due(source, at, token));
    }
  }

  /**
   * Moves a scheduled source's next poll to {@code at} (epoch ms), or adds it; a poll in flight
   * finishes first and the source is then due at the earlier of {@code at} and what it answered.
   */
  public synchronized void reschedule(String source, long at) {
    long token = ++tokens;
    known.put(source, token);
    if (!inFlight.contains(source)) {
      queue.add(new Due(source, at, token));
    } else {
      pendingAt.put(source, at);
    }
  }

  /** Stops polling a source; a poll in flight finishes, and it is not scheduled again. */
  public synchronized void remove(String source) {
    known.remove(source);
    pendingAt.remove(source);
  }

  /** Whether the source is scheduled. */
  public boolean contains(String source) {
    return known.containsKey(source);
  }

  /**
   * Waits until none of {@code sources} is being polled (so that, once removed, nothing more of
   * them is published); false when some still are after {@code timeout}.
   */
  public boolean awaitIdle(java.util.Collection<String> sources, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (sources.stream().anyMatch(inFlight::contains)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    }
    return true;
  }

  /** Starts dispatching. */
  public synchronized void start() {
    if (task == null) {
      task =
          dispatcher.scheduleWithFixedDelay(
              this::dispatch, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** How many sources are scheduled. */
  public int size() {
    return known.size();
  }

  private void dispatch() {
    try {
      long now = clock.millis();
      while (true) {
        Due d;
        synchronized (this) {
          d = queue.peek();
          if (d == null || d.at > now || inFlight.size() >= maxInFlight) {
            return;
          }
          queue.poll();
          Long token = known.get(d.source);
          if (token == null || token != d.token) {
            continue; // removed, or rescheduled: a newer entry stands for it
          }
          if (inFlight.contains(d.source)) {
            // Removed and added again while its poll was still running (e.g. its partition was
            // lost and given back at once): one poll of a source at a time. The running poll
            // requeues it, due no later than now.
            pendingAt.merge(d.source, now, Math::min);
            continue;
          }
          Duration wait = hostReadyIn.apply(d.source);
          if (wait != null && !wait.isZero()) {
            queue.add(new Due(d.source, now + Math.max(1, wait.toMillis()), d.token));
            continue;
          }
          inFlight.add(d.source);
        }
        submit(d.source, d.token);
      }
    } catch (RuntimeException e) {
      LOG.error("Poll dispatcher failed; continuing", e);
    }
  }

  private void submit(String source, long token) {
    try {
      workers.execute(
          () -> {
            long next = clock.millis() + 60_000;
            try {
              next = poller.poll(source);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
              // Whatever happened, the source stays scheduled: a poll that died must not leave
              // it marked in flight, never to be polled again.
              LOG.error("Poll of {} failed unexpectedly", source, e);
            } finally {
              synchronized (this) {
                inFlight.remove(source);
                requeue(source, next);
                notifyAll();
              }
            }
            if (Thread.currentThread().isInterrupted()) {
              return;
            }
            // A freed slot is filled at once rather than at the next tick.
            try {
              dispatcher.execute(this::dispatch);
            } catch (RejectedExecutionException shuttingDown) {
              // closing: nothing more to dispatch
            }
          });
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        inFlight.remove(source);
        requeue(source, clock.millis() + tick.toMillis());
        notifyAll();
      }
    }
  }

  /** After a poll: due again at {@code next} unless removed meanwhile (caller holds the lock). */
  private void requeue(String source, long next) {
    Long token = known.get(source);
    if (token == null) {
      return;
    }
    Long asked = pendingAt.remove(source);
    queue.add(new Due(source, asked == null ? next : Math.min(asked, next), token));
  }

  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
