package io.newsdesk.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostThrottleTest {

  @Test
  void spacesRequestsToOneHostByTheMinimumDelay() throws Exception {
    HostThrottle throttle = new HostThrottle(Duration.ofMillis(100));
    long t0 = System.nanoTime();
    throttle.acquire("a.example").close();
    assertThat(throttle.readyIn("a.example")).isPositive();
    assertThat(throttle.readyIn("b.example")).isZero();
    throttle.acquire("A.example").close();
    throttle.acquire("a.example").close();
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(elapsedMs).isGreaterThanOrEqualTo(200);
  }

  @Test
  void allowsOneRequestPerHostAtATime() throws Exception {
    HostThrottle throttle = new HostThrottle(Duration.ZERO);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch done = new CountDownLatch(40);
    for (int i = 0; i < 40; i++) {
      pool.execute(
          () -> {
            try {
              HostThrottle.Permit p = throttle.acquire("h");
              maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              inFlight.decrementAndGet();
              p.close();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              done.countDown();
            }
          });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();
    assertThat(maxSeen.get()).isEqualTo(1);
  }

  @Test
  void crawlDelayLengthensTheDelay() throws Exception {
    HostThrottle throttle = new HostThrottle(Duration.ZERO);
    throttle.setCrawlDelay("slow.example", Duration.ofMillis(150));
    throttle.acquire("slow.example").close();
    assertThat(throttle.readyIn("slow.example")).isGreaterThan(Duration.ofMillis(50));
  }
}
