package io.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookAheadTest {

  @Test
  void theNextItemToApplyAlwaysMayBeFetched() {
    LookAhead ahead = new LookAhead(1, 1);
    ahead.held(0, 10_000_000);
    assertThat(ahead.enterOrPark(0, () -> {})).isTrue();
  }

  @Test
  void itemsFurtherAheadThanTheWindowWaitUntilThePollMovesOn() {
    LookAhead ahead = new LookAhead(3, Long.MAX_VALUE);
    List<Integer> resumed = new ArrayList<>();
    assertThat(ahead.enterOrPark(1, () -> resumed.add(1))).isTrue();
    assertThat(ahead.enterOrPark(2, () -> resumed.add(2))).isTrue();
    assertThat(ahead.enterOrPark(3, () -> resumed.add(3))).isFalse();
    assertThat(ahead.enterOrPark(5, () -> resumed.add(5))).isFalse();
    ahead.applied(0, 0, false);
    assertThat(resumed).containsExactly(3);
    ahead.applied(1, 0, false);
    ahead.applied(2, 0, false);
    assertThat(resumed).containsExactly(3, 5);
  }

  @Test
  void noFetchStartsAheadWhileTheHeldPagesReachTheByteLimit() {
    LookAhead ahead = new LookAhead(100, 250);
    List<Integer> resumed = new ArrayList<>();
    int fetched = 0;
    for (int i = 1; i < 20; i++) {
      if (!ahead.enterOrPark(i, () -> resumed.add(0))) {
        break;
      }
      ahead.held(i, 100);
      fetched++;
    }
    assertThat(fetched).isEqualTo(3);
    assertThat(ahead.maxHeldBytes()).isEqualTo(300); // the limit plus at most one page
    assertThat(ahead.maxHeldItems()).isEqualTo(3);
    // The head comes in and is applied, then the first page held: room again.
    ahead.held(0, 100);
    ahead.applied(0, 100, true);
    assertThat(resumed).isEmpty();
    ahead.applied(1, 100, true);
    assertThat(resumed).hasSize(1);
  }

  @Test
  void parkedChainsAreHandedBackWhenThePollStops() {
    LookAhead ahead = new LookAhead(1, 1);
    List<String> resumed = new ArrayList<>();
    assertThat(ahead.enterOrPark(7, () -> resumed.add("seven"))).isFalse();
    ahead.drainParked().forEach(Runnable::run);
    assertThat(resumed).containsExactly("seven");
    assertThat(ahead.drainParked()).isEmpty();
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new LookAhead(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LookAhead(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
