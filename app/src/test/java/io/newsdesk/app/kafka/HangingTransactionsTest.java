package io.newsdesk.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.app.kafka.HangingTransactions.Open;
import io.newsdesk.app.kafka.HangingTransactions.View;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which open transactions the janitor takes for hanging, from what the cluster reports. */
class HangingTransactionsTest {
  private static final TopicPartition OUT = new TopicPartition("newsdesk.enriched", 0);
  private static final TopicPartition OFFSETS = new TopicPartition("__consumer_offsets", 0);

  @Test
  void aTransactionTheCoordinatorHoldsOpenOnThePartitionIsLive() {
    TransactionListing l = new TransactionListing("newsdesk-sink-0", 7, TransactionState.ONGOING);
    Map<String, TransactionDescription> d =
        Map.of("newsdesk-sink-0", description(7, Set.of(OUT, OFFSETS)));
    assertThat(HangingTransactions.view(l, d, OUT, 0, 0)).isEqualTo(View.OPEN_HERE);
    assertThat(HangingTransactions.view(l, d, OFFSETS, 0, 0)).isEqualTo(View.OPEN_HERE);
  }

  @Test
  void anOpenTransactionOnAPartitionTheCoordinatorsTransactionLacksIsNotOpen() {
    TransactionListing l = new TransactionListing("newsdesk-sink-0", 7, TransactionState.ONGOING);
    Map<String, TransactionDescription> d =
        Map.of("newsdesk-sink-0", description(7, Set.of(OFFSETS)));
    assertThat(HangingTransactions.view(l, d, OUT, 0, 0)).isEqualTo(View.NOT_OPEN);
  }

  @Test
  void anOngoingTransactionThatCouldNotBeDescribedIsTakenAsLive() {
    TransactionListing l = new TransactionListing("newsdesk-sink-0", 7, TransactionState.ONGOING);
    assertThat(HangingTransactions.view(l, Map.of(), OUT, 0, 0)).isEqualTo(View.OPEN_HERE);
  }

  @ParameterizedTest
  @EnumSource(
      value = TransactionState.class,
      names = {"PREPARE_COMMIT", "PREPARE_ABORT", "PREPARE_EPOCH_FENCE", "UNKNOWN"})
  void aTransactionBeingEndedOrInAnUnknownStateIsLeftToKafka(TransactionState state) {
    TransactionListing l = new TransactionListing("newsdesk-enrich-x-1", 3, state);
    assertThat(HangingTransactions.view(l, Map.of(), OUT, 0, 0)).isEqualTo(View.COMPLETING);
  }

  @ParameterizedTest
  @EnumSource(
      value = TransactionState.class,
      names = {"COMPLETE_ABORT", "EMPTY"})
  void aTransactionTheCoordinatorHasEndedIsNotOpen(TransactionState state) {
    TransactionListing l = new TransactionListing("newsdesk-enrich-x-1", 3, state);
    assertThat(HangingTransactions.view(l, Map.of(), OFFSETS, 20, 20)).isEqualTo(View.NOT_OPEN);
  }

  @Test
  void aTransactionOpenAtTheEpochOfTheCoordinatorsLastCommitIsALaterOneItNeverRecorded() {
    TransactionListing l =
        new TransactionListing("newsdesk-enrich-x-1", 3, TransactionState.COMPLETE_COMMIT);
    Map<String, TransactionDescription> d =
        Map.of("newsdesk-enrich-x-1", ended(3, 21, TransactionState.COMPLETE_COMMIT));
    assertThat(HangingTransactions.view(l, d, OFFSETS, 21, 21)).isEqualTo(View.NOT_OPEN);
  }

  @Test
  void aTransactionTheCoordinatorCommittedIsNeverAbortedWhereItsMarkerIsMissing() {
    // Committed at epoch 20, which the commit bumped to 21: the partition's epoch-20 transaction
    // is the committed one; aborting it here would undo its offsets and keep its output.
    TransactionListing l =
        new TransactionListing("newsdesk-enrich-x-1", 3, TransactionState.COMPLETE_COMMIT);
    Map<String, TransactionDescription> d =
        Map.of("newsdesk-enrich-x-1", ended(3, 21, TransactionState.COMPLETE_COMMIT));
    // The output partition got the commit marker (it holds the producer at epoch 21).
    assertThat(HangingTransactions.view(l, d, OFFSETS, 20, 21)).isEqualTo(View.COMMITTED);
    Open o = new Open(OFFSETS, 3, 20, 0, 42);
    Set<Open> now = new HashSet<>();
    assertThat(HangingTransactions.hanging(Set.of(o), Map.of(o, View.COMMITTED), now)).isEmpty();
    assertThat(now).isEmpty();
  }

  @Test
  void aCommittedTransactionWhoseMarkersReachedNoPartitionIsAbortedEverywhere() {
    // Every partition still holds it open at epoch 20: no reader ever saw it committed, and
    // aborting it on all of them undoes it consistently (its input is read again, once).
    TransactionListing l =
        new TransactionListing("newsdesk-enrich-x-1", 3, TransactionState.COMPLETE_COMMIT);
    Map<String, TransactionDescription> d =
        Map.of("newsdesk-enrich-x-1", ended(3, 21, TransactionState.COMPLETE_COMMIT));
    assertThat(HangingTransactions.view(l, d, OFFSETS, 20, 20)).isEqualTo(View.NOT_OPEN);
    assertThat(HangingTransactions.view(l, d, OUT, 20, 20)).isEqualTo(View.NOT_OPEN);
  }

  @Test
  void aCommittedTransactionNotYetDescribedIsLookedAtAgain() {
    TransactionListing l =
        new TransactionListing("newsdesk-enrich-x-1", 3, TransactionState.COMPLETE_COMMIT);
    assertThat(HangingTransactions.view(l, Map.of(), OFFSETS, 20, 20)).isEqualTo(View.COMPLETING);
  }

  @Test
  void aProducerTheCoordinatorDoesNotKnowIsNotOpen() {
    assertThat(HangingTransactions.view(null, Map.of(), OUT, 0, 0)).isEqualTo(View.NOT_OPEN);
  }

  @Test
  void onlyASuspectSeenTwiceAtTheSameStartOffsetIsHanging() {
    Open first = new Open(OFFSETS, 0, 20, 0, 42);
    Set<Open> suspects = new HashSet<>();
    assertThat(HangingTransactions.hanging(Set.of(), Map.of(first, View.NOT_OPEN), suspects))
        .as("first sight")
        .isEmpty();
    assertThat(suspects).containsExactly(first);

    Set<Open> next = new HashSet<>();
    assertThat(HangingTransactions.hanging(suspects, Map.of(first, View.NOT_OPEN), next))
        .containsExactly(first);

    // The producer ended that one and began another: a new start offset, a new suspect only.
    Open later = new Open(OFFSETS, 0, 21, 0, 57);
    Set<Open> third = new HashSet<>();
    assertThat(HangingTransactions.hanging(suspects, Map.of(later, View.NOT_OPEN), third))
        .isEmpty();
    assertThat(third).containsExactly(later);
  }

  @Test
  void aSuspectTheCoordinatorNowHoldsOpenOrIsEndingIsCleared() {
    Open o = new Open(OUT, 5, 1, 0, 100);
    for (View v : List.of(View.OPEN_HERE, View.COMPLETING)) {
      Set<Open> now = new HashSet<>();
      assertThat(HangingTransactions.hanging(Set.of(o), Map.of(o, v), now)).isEmpty();
      assertThat(now).isEmpty();
    }
  }

  private static TransactionDescription ended(long pid, int epoch, TransactionState state) {
    return new TransactionDescription(1, state, pid, epoch, 60_000, OptionalLong.empty(), Set.of());
  }

  private static TransactionDescription description(long pid, Set<TopicPartition> partitions) {
    return new TransactionDescription(
        1, TransactionState.ONGOING, pid, 0, 60_000, OptionalLong.of(0), partitions);
  }
}
