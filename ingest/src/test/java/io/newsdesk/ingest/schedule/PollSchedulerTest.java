package io.newsdesk.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollSchedulerTest {
  private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    dispatcher.shutdownNow();
    workers.shutdownNow();
  }

  private PollScheduler scheduler(long everyMs, Map<String, Duration> hostBusy) {
    Clock clock = Clock.systemUTC();
    return new PollScheduler(
        dispatcher,
        workers,
        4,
        source -> {
          polls.computeIfAbsent(source, k -> new AtomicInteger()).incrementAndGet();
          return clock.millis() + everyMs;
        },
        source -> hostBusy.getOrDefault(source, Duration.ZERO),
        clock,
        Duration.ofMillis(10));
  }

  private int polls(String source) {
    return polls.getOrDefault(source, new AtomicInteger()).get();
  }

  @Test
  void aRemovedSourceIsNotPolledAgainAndOneAddedLaterIs() throws Exception {
    PollScheduler s = scheduler(20, Map.of());
    s.add("a", 0);
    s.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> polls("a") >= 3);
    s.remove("a");
    assertThat(s.awaitIdle(List.of("a"), Duration.ofSeconds(5))).isTrue();
    int after = polls("a");
    s.add("b", 0);
    await().atMost(Duration.ofSeconds(5)).until(() -> polls("b") >= 3);
    assertThat(polls("a")).isEqualTo(after);
    assertThat(s.contains("a")).isFalse();
  }

  @Test
  void aSourceAddedAgainAfterRemovalIsScheduledOnceNotTwice() throws Exception {
    PollScheduler s = scheduler(200, Map.of());
    s.add("a", System.currentTimeMillis() + 150);
    s.remove("a");
    s.add("a", System.currentTimeMillis() + 150);
    s.start();
    await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
    // Due at +150 ms, then every 200 ms: about 2-3 polls in 500 ms; twice scheduled would be 4-6.
    assertThat(polls("a")).isBetween(1, 3);
  }

  @Test
  void aSourceRemovedAndAddedBackWhileItsPollRunsIsNeverPolledTwiceAtOnce() throws Exception {
    // A partition lost and given back at once: the source is removed and added while its poll
    // is still running. Two polls of one source at once would race on its state (one of them
    // recording the feed as read while the other's items were still in flight).
    java.util.concurrent.CountDownLatch inPoll = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger count = new AtomicInteger();
    Clock clock = Clock.systemUTC();
    PollScheduler s =
        new PollScheduler(
            dispatcher,
            workers,
            4,
            source -> {
              mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                if (count.incrementAndGet() == 1) {
                  inPoll.countDown();
                  release.await();
                }
                return clock.millis() + 20;
              } finally {
                running.decrementAndGet();
              }
            },
            source -> Duration.ZERO,
            clock,
            Duration.ofMillis(10));
    s.add("a", 0);
    s.start();
    assertThat(inPoll.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    s.remove("a");
    s.add("a", 0);
    await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> true);
    assertThat(count).as("no second poll while the first runs").hasValue(1);
    release.countDown();
    // Once the first poll is done, the source goes on being polled (once at a time).
    await().atMost(Duration.ofSeconds(5)).until(() -> count.get() >= 4);
    assertThat(mostAtOnce).hasValue(1);
  }

  @Test
  void aPollThatDiesOfAnErrorLeavesItsSourceScheduled() throws Exception {
    AtomicInteger count = new AtomicInteger();
    Clock clock = Clock.systemUTC();
    PollScheduler s =
        new PollScheduler(
            dispatcher,
            workers,
            4,
            source -> {
              if (count.incrementAndGet() == 1) {
                throw new StackOverflowError("a bug deep in a parser");
              }
              return clock.millis() + 20;
            },
            source -> Duration.ZERO,
            clock,
            Duration.ofMillis(10));
    s.add("a", 0);
    s.start();
    // Requeued a minute after the failure; brought forward to show it is still scheduled.
    await().atMost(Duration.ofSeconds(5)).until(() -> count.get() >= 1);
    assertThat(s.awaitIdle(List.of("a"), Duration.ofSeconds(5))).isTrue();
    s.reschedule("a", 0);
    await().atMost(Duration.ofSeconds(5)).until(() -> count.get() >= 3);
  }

  @Test
  void rescheduleBringsALongIntervalForward() throws Exception {
    PollScheduler s = scheduler(60_000, Map.of());
    s.add("a", 0);
    s.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> polls("a") == 1);
    s.reschedule("a", System.currentTimeMillis());
    await().atMost(Duration.ofSeconds(5)).until(() -> polls("a") == 2);
  }

  @Test
  void aBusyHostDoesNotHoldBackAnotherHostThatIsDue() throws Exception {
    PollScheduler s = scheduler(60_000, Map.of("busy", Duration.ofSeconds(30)));
    s.add("busy", 0);
    s.add("free", 0);
    s.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> polls("free") == 1);
    assertThat(polls("busy")).isZero();
  }

  /** A clock the test moves by hand. */
  private static final class FakeClock extends Clock {
    final java.util.concurrent.atomic.AtomicLong millis =
        new java.util.concurrent.atomic.AtomicLong(1_000_000);

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.ofEpochMilli(millis.get());
    }
  }

  @Test
  void workForAHostInItsDelayWaitsInTheQueueWhileOneWorkerServesEveryOtherHost() throws Exception {
    // One worker; host "slow" asks 10 s between requests (a crawl delay) and has 4 items, five
    // other hosts have one item each. Each poll fetches one item of its host when the host is
    // ready and answers when its host is next allowed: the per-host delay queue.
    FakeClock clock = new FakeClock();
    HostThrottle throttle = new HostThrottle(Duration.ZERO, 1, () -> clock.millis() * 1_000_000L);
    throttle.setCrawlDelay("slow", Duration.ofSeconds(10));
    ExecutorService one = Executors.newSingleThreadExecutor();
    Map<String, AtomicInteger> left = new ConcurrentHashMap<>();
    left.put("slow", new AtomicInteger(4));
    List<String> fetched = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int h = 1; h <= 5; h++) {
      left.put("host" + h, new AtomicInteger(1));
    }
    PollScheduler s =
        new PollScheduler(
            dispatcher,
            one,
            4,
            host -> {
              if (throttle.readyIn(host).isZero() && left.get(host).get() > 0) {
                try (HostThrottle.Permit p = throttle.acquire(host)) {
                  fetched.add(host + "@" + clock.millis());
                  left.get(host).decrementAndGet();
                }
              }
              return left.get(host).get() > 0
                  ? clock.millis() + throttle.readyIn(host).toMillis()
                  : clock.millis() + 3_600_000;
            },
            host -> throttle.readyIn(host),
            clock,
            Duration.ofMillis(5));
    try {
      for (String host : left.keySet()) {
        s.add(host, clock.millis());
      }
      s.start();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> fetched.stream().filter(f -> f.startsWith("host")).count() == 5);
      // No time has passed on the clock: "slow" gave one item, the five other hosts theirs.
      assertThat(fetched.stream().filter(f -> f.startsWith("slow")).count()).isEqualTo(1);
      for (int k = 2; k <= 4; k++) {
        clock.millis.addAndGet(9_000); // not yet: 9 s of the 10 s delay
        await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> true);
        assertThat(fetched.stream().filter(f -> f.startsWith("slow")).count()).isEqualTo(k - 1);
        clock.millis.addAndGet(1_000);
        int expected = k;
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> fetched.stream().filter(f -> f.startsWith("slow")).count() == expected);
      }
      List<Long> slowTimes =
          fetched.stream()
              .filter(f -> f.startsWith("slow"))
              .map(f -> Long.parseLong(f.substring(f.indexOf('@') + 1)))
              .toList();
      for (int i = 1; i < slowTimes.size(); i++) {
        assertThat(slowTimes.get(i) - slowTimes.get(i - 1)).isGreaterThanOrEqualTo(10_000);
      }
    } finally {
      s.close();
      one.shutdownNow();
    }
  }
}
