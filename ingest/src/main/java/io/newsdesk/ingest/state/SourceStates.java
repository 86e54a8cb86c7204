package io.newsdesk.ingest.state;

import io.newsdesk.schema.SourceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Helpers for the Avro {@link SourceState}: creation, bounded seen lists, counters. */
public final class SourceStates {
  /** Counter names kept in {@code SourceState.counters}. */
  public static final String FETCHED = "fetched";

  public static final String NOT_MODIFIED = "notModified";
  public static final String NEW_ITEMS = "newItems";
  public static final String FAILURES = "failures";
  public static final String DISALLOWED = "disallowed";
  public static final String DUPLICATES = "duplicates";

  private SourceStates() {}

  /** A fresh state for a source. */
  public static SourceState initial(String source, String kind, long intervalMs) {
    return SourceState.newBuilder()
        .setSource(source)
        .setKind(kind)
        .setIntervalMs(intervalMs)
        .setNextPollAt(0)
        .setSeen(new ArrayList<>())
        .setCounters(new HashMap<>())
        .build();
  }

  /** A deep copy, safe to modify. */
  public static SourceState copy(SourceState s) {
    SourceState c = SourceState.newBuilder(s).build();
    c.setSeen(new ArrayList<>(s.getSeen()));
    c.setCounters(new HashMap<>(s.getCounters()));
    return c;
  }

  /** The seen list as strings. */
  public static LinkedHashSet<String> seen(SourceState s) {
    return new LinkedHashSet<>(s.getSeen());
  }

  /** Appends keys to the seen list (newest last), keeping at most {@code max}. */
  public static void addSeen(SourceState s, List<String> keys, int max) {
    LinkedHashSet<String> all = seen(s);
    for (String k : keys) {
      all.remove(k);
      all.add(k);
    }
    List<String> list = new ArrayList<>(all);
    if (list.size() > max) {
      list = new ArrayList<>(list.subList(list.size() - max, list.size()));
    }
    s.setSeen(list);
  }

  /** Adds to a counter. */
  public static void increment(SourceState s, String counter, long by) {
    Map<String, Long> counters = new HashMap<>(s.getCounters());
    counters.merge(counter, by, Long::sum);
    s.setCounters(counters);
  }

  /** A counter's value, 0 when absent. */
  public static long counter(SourceState s, String counter) {
    return s.getCounters().getOrDefault(counter, 0L);
  }
}
