package io.newsdesk.ingest;

import io.newsdesk.ingest.state.SourceStates;
import io.newsdesk.schema.SourceState;

/** Counters of one source, cumulative across restarts (kept in {@code SourceState.counters}). */
public record SourceMetrics(
    String source,
    String kind,
    long fetched,
    long notModified,
    long newItems,
    long failures,
    long disallowed,
    long duplicates,
    int consecutiveFailures,
    String lastError,
    Long lastSuccessAt,
    long intervalMs,
    long nextPollAt) {

  /** The metrics recorded in a state. */
  public static SourceMetrics of(SourceState s) {
    return new SourceMetrics(
        s.getSource(),
        s.getKind(),
        SourceStates.counter(s, SourceStates.FETCHED),
        SourceStates.counter(s, SourceStates.NOT_MODIFIED),
        SourceStates.counter(s, SourceStates.NEW_ITEMS),
        SourceStates.counter(s, SourceStates.FAILURES),
        SourceStates.counter(s, SourceStates.DISALLOWED),
        SourceStates.counter(s, SourceStates.DUPLICATES),
        s.getConsecutiveFailures(),
        s.getLastError(),
        s.getLastSuccessAt(),
        s.getIntervalMs(),
        s.getNextPollAt());
  }
}
