package io.newsdesk.enrich.trends;

import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.EntityTrend;
import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Adds entity trends to a stream of articles, as a pure build step: per entity key, articles,
 * mentions and mean sentiment in a one-hour window advancing every five minutes and in one-day
 * windows, written to {@code newsdesk.entity-trends} once per commit (the record cache, {@code
 * EnrichConfig.TREND_CACHE_BYTES}, folds the updates of one commit interval).
 *
 * <pre>
 * articles -> trend-mentions -> [trends-by-entity] -> trend-1h (store trends-1h) -> trend-1h-out
 *                                                  -> trend-1d (store trends-1d) -> trend-1d-out
 *                                                  -> mentions-hourly (store mentions-hourly)
 * </pre>
 *
 * <p>The three window stores are queryable (interactive queries, see {@code EnrichStores}) and
 * bounded: each keeps its windows plus grace, the hourly one {@link #HOURLY_RETENTION}.
 */
public final class TrendTopology {

  /** The windows: name, size, advance. */
  public record Window(String name, Duration size, Duration advance, Duration grace) {}

  public static final Window HOUR =
      new Window("1h", Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(10));
  public static final Window DAY =
      new Window("1d", Duration.ofDays(1), Duration.ofDays(1), Duration.ofHours(1));

  /** Entity mentions per hour (tumbling), for one entity's history: queried, never written out. */
  public static final Window HOURLY =
      new Window("hourly", Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(10));

  /** How long the hourly mention counts are kept: two days of points per entity. */
  public static final Duration HOURLY_RETENTION = Duration.ofHours(48);

  /** The windowed store holding the aggregates of window kind {@code w}, keyed by entity key. */
  public static String storeName(Window w) {
    return w == HOURLY ? "mentions-hourly" : "trends-" + w.name();
  }

  private static final Set<String> TOPICAL = Set.of("PER", "ORG", "LOC", "MISC");

  private TrendTopology() {}

  /** Wires the trend aggregations onto {@code articles}. */
  public static void attach(KStream<String, EnrichedArticle> articles) {
    KGroupedStream<String, TrendAggregate> byEntity =
        articles
            .flatMap(TrendTopology::mentions, Named.as("trend-mentions"))
            .groupByKey(Grouped.with("trends-by-entity", Serdes.String(), TrendAggregate.SERDE));
    for (Window w : List.of(HOUR, DAY)) {
      byEntity
          .windowedBy(TimeWindows.ofSizeAndGrace(w.size(), w.grace()).advanceBy(w.advance()))
          .aggregate(
              () -> TrendAggregate.EMPTY,
              (key, mention, total) -> total.plus(mention),
              Named.as("trend-" + w.name()),
              Materialized.<String, TrendAggregate, WindowStore<Bytes, byte[]>>as(storeName(w))
                  .withKeySerde(Serdes.String())
                  .withValueSerde(TrendAggregate.SERDE)
                  .withRetention(w.size().plus(w.grace())))
          .toStream(Named.as("trend-" + w.name() + "-changes"))
          .map(
              (wk, t) -> {
                EntityTrend trend =
                    trend(w.name(), wk.key(), wk.window().start(), wk.window().end(), t);
                return KeyValue.pair(w.name() + "|" + wk.key() + "|" + wk.window().start(), trend);
              },
              Named.as("trend-" + w.name() + "-record"))
          .to(
              Topics.ENTITY_TRENDS.name(),
              Produced.with(Topics.ENTITY_TRENDS.keySerde(), Topics.ENTITY_TRENDS.valueSerde())
                  .withName("write-trends-" + w.name()));
    }
    byEntity
        .windowedBy(TimeWindows.ofSizeAndGrace(HOURLY.size(), HOURLY.grace()))
        .aggregate(
            () -> TrendAggregate.EMPTY,
            (key, mention, total) -> total.plus(mention),
            Named.as("mentions-hourly"),
            Materialized.<String, TrendAggregate, WindowStore<Bytes, byte[]>>as(storeName(HOURLY))
                .withKeySerde(Serdes.String())
                .withValueSerde(TrendAggregate.SERDE)
                .withRetention(HOURLY_RETENTION));
  }

  /** The trend record of one windowed aggregate. */
  public static EntityTrend trend(
      String window, String key, long start, long end, TrendAggregate t) {
    return EntityTrend.newBuilder()
        .setKey(key)
        .setCanonical(t.canonical())
        .setType(t.type())
        .setWindow(window)
        .setWindowStart(start)
        .setWindowEnd(end)
        .setArticles(t.articles())
        .setMentions(t.mentions())
        .setMeanSentiment(t.meanSentiment())
        .build();
  }

  private static List<KeyValue<String, TrendAggregate>> mentions(String key, EnrichedArticle a) {
    // A flagged copy is the same article again: reach, not news. Trends count distinct articles.
    if (a.getDuplicateOf() != null) {
      return List.of();
    }
    // One record per entity key and article, however the tagger split its mentions.
    Map<String, TrendAggregate> byKey = new LinkedHashMap<>();
    for (Entity e : a.getEntities()) {
      if (!TOPICAL.contains(e.getType())) {
        continue;
      }
      boolean scored = e.getSentiment() != null;
      TrendAggregate m =
          new TrendAggregate(
              e.getCanonical(),
              e.getType(),
              1,
              Math.max(1, e.getCount()),
              scored ? e.getSentiment().getScore() : 0,
              scored ? 1 : 0);
      byKey.merge(
          e.getKey(),
          m,
          (x, y) ->
              new TrendAggregate(
                  x.canonical(),
                  x.type(),
                  1,
                  x.mentions() + y.mentions(),
                  x.sentimentSum() + y.sentimentSum(),
                  x.scored() + y.scored()));
    }
    List<KeyValue<String, TrendAggregate>> out = new ArrayList<>(byKey.size());
    byKey.forEach((k, v) -> out.add(KeyValue.pair(k, v)));
    return out;
  }
}
