package io.newsdesk.enrich.trends;

import io.newsdesk.enrich.trends.TrendTopology.Window;
import io.newsdesk.schema.EntityTrend;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The views of the trend buckets: a window's counts are the sum of the five-minute buckets it
 * holds, made when asked for instead of kept per window. Every window edge is a bucket edge (the
 * windows advance by multiples of five minutes from the epoch), so the sums are exact.
 */
public final class TrendWindows {

  private TrendWindows() {}

  /**
   * The windows of kind {@code w} holding at least one of one entity's {@code buckets} (bucket
   * start to counts), by window start, each the sum of its buckets in time order (so the name is
   * the latest bucket's); only windows starting at or after {@code from}.
   */
  public static NavigableMap<Long, TrendAggregate> of(
      Window w, NavigableMap<Long, TrendAggregate> buckets, long from) {
    long size = w.size().toMillis();
    long advance = w.advance().toMillis();
    NavigableMap<Long, TrendAggregate> out = new TreeMap<>();
    for (Map.Entry<Long, TrendAggregate> b : buckets.entrySet()) {
      long t = b.getKey();
      for (long start = t - Math.floorMod(t, advance); start > t - size; start -= advance) {
        if (start >= from) {
          out.merge(start, b.getValue(), TrendAggregate::plus);
        }
      }
    }
    return out;
  }

  /**
   * The earliest window start of kind {@code w} still listed when the latest bucket starts at
   * {@code latestBucket}: what the window stores of earlier versions kept (their retention counted
   * back from the latest window start they held, {@code latestBucket}'s window).
   */
  public static long from(Window w, long latestBucket) {
    long advance = w.advance().toMillis();
    return latestBucket - Math.floorMod(latestBucket, advance) - w.retention().toMillis() + 1;
  }

  /** The counts of a trend record, to be summed with others. */
  public static TrendAggregate counts(EntityTrend t) {
    return new TrendAggregate(
        t.getCanonical(),
        t.getType(),
        t.getArticles(),
        t.getMentions(),
        t.getSentimentSum(),
        t.getScored());
  }

  /**
   * The windows of kind {@code w} in the latest records of {@code newsdesk.entity-trends} (one per
   * record key): summed from the bucket records, every window ever held (the topic is compacted,
   * not expired). Records of kind {@code w} written by versions before buckets stay, unless a
   * window summed from buckets replaces them.
   */
  public static List<EntityTrend> ofRecords(Collection<EntityTrend> latest, Window w) {
    Map<String, NavigableMap<Long, TrendAggregate>> buckets = new LinkedHashMap<>();
    Map<String, EntityTrend> out = new LinkedHashMap<>();
    for (EntityTrend t : latest) {
      if (t.getWindow().equals(TrendTopology.BUCKETS.name())) {
        buckets
            .computeIfAbsent(t.getKey(), k -> new TreeMap<>())
            .put(t.getWindowStart(), counts(t));
      } else if (t.getWindow().equals(w.name())) {
        out.put(TrendTopology.recordKey(w, t.getKey(), t.getWindowStart()), t);
      }
    }
    buckets.forEach(
        (key, b) ->
            of(w, b, Long.MIN_VALUE)
                .forEach(
                    (start, sum) ->
                        out.put(
                            TrendTopology.recordKey(w, key, start),
                            TrendTopology.trend(
                                w.name(), key, start, start + w.size().toMillis(), sum))));
    return new ArrayList<>(out.values());
  }
}
