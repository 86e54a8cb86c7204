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
}
