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

  private record Due(String source, long at) {}

  private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();
  private final ScheduledExecutorService dispatcher;
  private final ExecutorService workers;
  private final int maxInFlight;
  private final Poller poller;
  private final Function<String, Duration> hostReadyIn;
  private final Clock clock;
  private final Duration tick;
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

  /** Adds a source, due at {@code at} (epoch ms). */
  public synchronized void add(String source, long at) {
    if (known.putIfAbsent(source, Boolean.TRUE) == null) {
      queue.add(new Due(source, at));
    }
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
          Duration wait = hostReadyIn.apply(d.source);
          if (wait != null && !wait.isZero()) {
            queue.add(new Due(d.source, now + Math.max(1, wait.toMillis())));
            continue;
          }
          inFlight.add(d.source);
        }
        submit(d.source);
      }
    } catch (RuntimeException e) {
      LOG.error("Poll dispatcher failed; continuing", e);
    }
  }

  private void submit(String source) {
    try {
      workers.execute(
          () -> {
            long next;
            try {
              next = poller.poll(source);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            } catch (Exception e) {
              LOG.error("Poll of {} failed unexpectedly", source, e);
              next = clock.millis() + 60_000;
            }
            synchronized (this) {
              inFlight.remove(source);
              queue.add(new Due(source, next));
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
        queue.add(new Due(source, clock.millis() + tick.toMillis()));
      }
    }
  }

  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
