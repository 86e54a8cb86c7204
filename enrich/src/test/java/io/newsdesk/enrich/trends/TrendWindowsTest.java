package io.newsdesk.enrich.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsdesk.enrich.trends.TrendTopology.Window;
import io.newsdesk.schema.EntityTrend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The windows summed from buckets against the windows earlier versions aggregated one by one. */
class TrendWindowsTest {

  private static final long T0 = Instant.parse("2026-03-04T08:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;

  /** One entity mention as the trend aggregation receives it. */
  record Mention(String key, long at, TrendAggregate counts) {}

  /** Mentions in time order over two days, a few keys, names and sentiment varying. */
  static List<Mention> mentions(long seed) {
    Random r = new Random(seed);
    List<String> keys = List.of("PER:fuad hussein", "LOC:iraq", "ORG:opec");
    List<Mention> out = new ArrayList<>();
    long at = T0 + r.nextInt(60) * MINUTE;
    for (int i = 0; i < 400; i++) {
      // Bursts and gaps: most mentions a few minutes apart, some hours.
      at += r.nextInt(10) == 0 ? r.nextInt(300) * MINUTE : r.nextInt(7 * 60_000);
      String key = keys.get(r.nextInt(keys.size()));
      boolean scored = r.nextBoolean();
      out.add(
          new Mention(
              key,
              at,
              new TrendAggregate(
                  key + (r.nextBoolean() ? "" : " (variant)"),
                  key.substring(0, key.indexOf(':')),
                  1,
                  1 + r.nextInt(4),
                  scored ? r.nextDouble() * 2 - 1 : 0,
                  scored ? 1 : 0)));
    }
    return out;
  }

  /**
   * What the window stores of earlier versions held: each mention added to every window of kind
   * {@code w} that contains it (for the hour, the twelve windows advancing by five minutes).
   */
  static Map<String, NavigableMap<Long, TrendAggregate>> perWindow(List<Mention> ms, Window w) {
    long size = w.size().toMillis();
    long advance = w.advance().toMillis();
    Map<String, NavigableMap<Long, TrendAggregate>> out = new LinkedHashMap<>();
    for (Mention m : ms) {
      // Every window start (a multiple of the advance) from a window's size before on.
      long first = m.at() - size - (m.at() - size) % advance;
      for (long start = first; start <= m.at(); start += advance) {
        if (m.at() < start + size) {
          out.computeIfAbsent(m.key(), k -> new TreeMap<>())
              .merge(start, m.counts(), TrendAggregate::plus);
        }
      }
    }
    return out;
  }

  /** What the bucket store holds: each mention added to its one five-minute bucket. */
  static Map<String, NavigableMap<Long, TrendAggregate>> buckets(List<Mention> ms) {
    return perWindowFast(ms, TrendTopology.BUCKETS);
  }

  private static Map<String, NavigableMap<Long, TrendAggregate>> perWindowFast(
      List<Mention> ms, Window tumbling) {
    long size = tumbling.size().toMillis();
    Map<String, NavigableMap<Long, TrendAggregate>> out = new LinkedHashMap<>();
    for (Mention m : ms) {
      out.computeIfAbsent(m.key(), k -> new TreeMap<>())
          .merge(m.at() - m.at() % size, m.counts(), TrendAggregate::plus);
    }
    return out;
  }

  static Stream<Arguments> cases() {
    return Stream.of(1L, 2L, 3L, 4L, 5L)
        .flatMap(
            seed ->
                Stream.of(TrendTopology.HOUR, TrendTopology.DAY, TrendTopology.HOURLY)
                    .map(w -> Arguments.of(seed, w)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theWindowsSummedFromBucketsAreTheWindowsAggregatedOneByOne(long seed, Window w) {
    List<Mention> ms = mentions(seed);
    Map<String, NavigableMap<Long, TrendAggregate>> expected = perWindow(ms, w);

    Map<String, NavigableMap<Long, TrendAggregate>> buckets = buckets(ms);
    assertThat(buckets.keySet()).isEqualTo(expected.keySet());
    for (String key : expected.keySet()) {
      NavigableMap<Long, TrendAggregate> summed =
          TrendWindows.of(w, buckets.get(key), Long.MIN_VALUE);
      assertThat(summed.keySet()).as(key).isEqualTo(expected.get(key).keySet());
      summed.forEach(
          (start, t) -> {
            TrendAggregate e = expected.get(key).get(start);
            // Same counts and name (the latest mention's); the sentiment sum only differs in
            // the order its doubles were added.
            assertThat(List.of(t.canonical(), t.type(), t.articles(), t.mentions(), t.scored()))
                .as("%s %s", key, Instant.ofEpochMilli(start))
                .isEqualTo(
                    List.of(e.canonical(), e.type(), e.articles(), e.mentions(), e.scored()));
            assertThat(t.sentimentSum()).isCloseTo(e.sentimentSum(), within(1e-9));
          });
    }
  }

  @Test
  void theViewsListWhatTheWindowStoresKept() {
    // The latest bucket starts at 10:20 (the latest article came at 10:2x).
    long latest = T0 + 140 * MINUTE;
    // The hour store kept 70 minutes back from its latest window start (10:20): from 09:15 on.
    assertThat(TrendWindows.from(TrendTopology.HOUR, latest)).isEqualTo(T0 + 70 * MINUTE + 1);
    // The day store 25 hours back from today's start: yesterday and today.
    long today = Instant.parse("2026-03-04T00:00:00Z").toEpochMilli();
    assertThat(TrendWindows.from(TrendTopology.DAY, latest))
        .isEqualTo(today - Duration.ofHours(25).toMillis() + 1);
    // The hourly counts 48 hours back from the current hour (10:00): 47 earlier hours and this.
    assertThat(TrendWindows.from(TrendTopology.HOURLY, latest))
        .isEqualTo(T0 + 120 * MINUTE - Duration.ofHours(48).toMillis() + 1);

    NavigableMap<Long, TrendAggregate> buckets = new TreeMap<>();
    buckets.put(T0, new TrendAggregate("Iraq", "LOC", 1, 2, 0.5, 1));
    buckets.put(T0 + 125 * MINUTE, new TrendAggregate("Iraq", "LOC", 2, 3, -0.25, 1));
    NavigableMap<Long, TrendAggregate> hours =
        TrendWindows.of(TrendTopology.HOUR, buckets, TrendWindows.from(TrendTopology.HOUR, latest));
    // 08:00 fell out with its windows; 10:05 is in the twelve windows from 09:10 to 10:05, of
    // which those from 09:15 are listed.
    assertThat(hours.firstKey()).isEqualTo(T0 + 75 * MINUTE);
    assertThat(hours.lastKey()).isEqualTo(T0 + 125 * MINUTE);
    assertThat(hours).hasSize(11);
    assertThat(hours.values()).allMatch(t -> t.articles() == 2 && t.mentions() == 3);
  }

  @Test
  void theTopicsBucketRecordsAddUpToTheWindowsAndReplaceRecordsOfEarlierVersions() {
    List<EntityTrend> records = new ArrayList<>();
    records.add(bucket("LOC:iraq", T0, new TrendAggregate("Iraq", "LOC", 1, 2, 0.5, 1)));
    records.add(
        bucket("LOC:iraq", T0 + 10 * MINUTE, new TrendAggregate("Iraq", "LOC", 2, 2, -1.5, 2)));
    // An earlier version wrote the day window of another entity and of this one.
    records.add(
        TrendTopology.trend(
            "1d",
            "ORG:opec",
            day(T0),
            day(T0) + Duration.ofDays(1).toMillis(),
            new TrendAggregate("OPEC", "ORG", 4, 4, 0, 0)));
    records.add(
        TrendTopology.trend(
            "1d",
            "LOC:iraq",
            day(T0),
            day(T0) + Duration.ofDays(1).toMillis(),
            new TrendAggregate("Iraq", "LOC", 9, 9, 0, 0)));

    List<EntityTrend> days = TrendWindows.ofRecords(records, TrendTopology.DAY);

    assertThat(days).hasSize(2);
    EntityTrend iraq =
        days.stream().filter(t -> t.getKey().equals("LOC:iraq")).findFirst().orElseThrow();
    assertThat(iraq.getArticles()).isEqualTo(3);
    assertThat(iraq.getMentions()).isEqualTo(4);
    assertThat(iraq.getMeanSentiment()).isEqualTo(-1.0 / 3);
    assertThat(days).extracting(EntityTrend::getKey).contains("ORG:opec");
    // The hour windows: 12 for each bucket, 14 distinct, the two buckets together in 10.
    List<EntityTrend> hours = TrendWindows.ofRecords(records, TrendTopology.HOUR);
    assertThat(hours).hasSize(14);
    assertThat(hours).filteredOn(t -> t.getArticles() == 3).hasSize(10);
  }

  private static long day(long t) {
    return t - t % Duration.ofDays(1).toMillis();
  }

  private static EntityTrend bucket(String key, long start, TrendAggregate t) {
    return TrendTopology.trend("5m", key, start, start + 5 * MINUTE, t);
  }
}
