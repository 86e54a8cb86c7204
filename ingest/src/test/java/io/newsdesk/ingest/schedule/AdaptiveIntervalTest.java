package io.newsdesk.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveIntervalTest {
  private final AdaptiveInterval intervals =
      new AdaptiveInterval(Duration.ofMinutes(2), Duration.ofHours(24));

  @Test
  void shortensWhileNewItemsKeepAppearing() {
    Duration d = Duration.ofMinutes(60);
    d = intervals.afterSuccess(d, 5, null);
    assertThat(d).isEqualTo(Duration.ofMinutes(30));
    for (int i = 0; i < 20; i++) {
      d = intervals.afterSuccess(d, 5, null);
    }
    assertThat(d).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void lengthensWhenNothingIsNewUpToTheMaximum() {
    Duration d = Duration.ofMinutes(60);
    assertThat(intervals.afterSuccess(d, 0, null)).isEqualTo(Duration.ofMinutes(90));
    for (int i = 0; i < 40; i++) {
      d = intervals.afterSuccess(d, 0, null);
    }
    assertThat(d).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void neverPollsMoreOftenThanThePublisherAsks() {
    Duration ttl = Duration.ofHours(1);
    assertThat(intervals.afterSuccess(Duration.ofMinutes(10), 10, ttl)).isEqualTo(ttl);
  }

  @Test
  void backsOffExponentiallyOnFailures() {
    Duration base = Duration.ofMinutes(15);
    assertThat(intervals.afterFailure(base, 1, null)).isEqualTo(Duration.ofMinutes(15));
    assertThat(intervals.afterFailure(base, 2, null)).isEqualTo(Duration.ofMinutes(30));
    assertThat(intervals.afterFailure(base, 4, null)).isEqualTo(Duration.ofMinutes(120));
    assertThat(intervals.afterFailure(base, 30, null)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void honoursRetryAfterWhenLongerThanBackoff() {
    assertThat(intervals.afterFailure(Duration.ofMinutes(15), 1, Duration.ofHours(2)))
        .isEqualTo(Duration.ofHours(2));
  }
}
