package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThreadReplacementsTest {

  private static final class StepClock extends Clock {
    long millis;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  @Test
  void aFewFailuresAreReplacedThenTheBudgetIsSpent() {
    StepClock clock = new StepClock();
    ThreadReplacements r = new ThreadReplacements(3, Duration.ofMinutes(10), clock);
    assertThat(r.allow()).isTrue();
    assertThat(r.allow()).isTrue();
    assertThat(r.allow()).isTrue();
    assertThat(r.allow()).as("a fourth failure within the window").isFalse();
    assertThat(r.used()).isEqualTo(3);
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    StepClock clock = new StepClock();
    ThreadReplacements r = new ThreadReplacements(2, Duration.ofMinutes(10), clock);
    assertThat(r.allow()).isTrue();
    clock.millis += Duration.ofMinutes(6).toMillis();
    assertThat(r.allow()).isTrue();
    assertThat(r.allow()).isFalse();
    clock.millis += Duration.ofMinutes(5).toMillis();
    // The first failure left the window: one more replacement is allowed.
    assertThat(r.allow()).isTrue();
    assertThat(r.allow()).isFalse();
  }

  @Test
  void aZeroBudgetNeverReplaces() {
    ThreadReplacements r = new ThreadReplacements(0, Duration.ofMinutes(1), new StepClock());
    assertThat(r.allow()).isFalse();
  }
}
