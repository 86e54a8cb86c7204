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
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Adds entity trends to a stream of articles, as a pure build step: per entity key, articles,
 * mentions and sentiment in five-minute buckets ({@link #BUCKETS}), one store update per mention,
 * each updated bucket written to {@code newsdesk.entity-trends} once per commit (the record cache,
 * {@code EnrichConfig.TREND_CACHE_BYTES}, folds the updates of one commit interval).
 *
 * <pre>
 * articles -> trend-mentions -> [trends-by-entity] -> trend-buckets (store trend-buckets)
 *                                                  -> trend-bucket-record -> entity-trends
 * </pre>
 *
 * <p>The views (a one-hour window advancing every five minutes, one-day windows, hourly counts) are
 * sums of buckets made when they are asked for ({@link TrendWindows}): by interactive queries
 * ({@code EnrichStores}) and by whoever reads the topic ({@code newsdesk trends}). They used to be
 * three window stores; the hour advancing by five minutes put every mention into twelve windows,
 * each a cached store update, a changelog record and an output record per commit, which was about
 * 40% of the stream threads' time in {@code newsdesk bench}. The bucket store keeps {@link
 * #HOURLY_RETENTION}, the longest any view looks back.
 */
public final class TrendTopology {

  /**
   * A view of the buckets: windows of {@code size} starting every {@code advance}, listed while
   * their start is no older than {@code retention} before the latest bucket (as the window stores
   * of earlier versions kept them).
   */
  public record Window(String name, Duration size, Duration advance, Duration retention) {}

  /** The buckets everything is summed from: every window edge of the views is a bucket edge. */
  public static final Duration BUCKET_SIZE = Duration.ofMinutes(5);

  /**
   * An article up to an hour late is still counted: the one-day window's grace of earlier versions
   * (the hour windows had ten minutes, so an article 10-60 minutes late now counts in them too).
   */
  public static final Duration BUCKET_GRACE = Duration.ofHours(1);

  /** How long buckets are kept: the hourly history's two days, which also covers the day view. */
  public static final Duration HOURLY_RETENTION = Duration.ofHours(48);

  /** The buckets themselves, as written to {@code newsdesk.entity-trends}. */
  public static final Window BUCKETS = new Window("5m", BUCKET_SIZE, BUCKET_SIZE, HOURLY_RETENTION);

  public static final Window HOUR =
      new Window("1h", Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(70));
  public static final Window DAY =
      new Window("1d", Duration.ofDays(1), Duration.ofDays(1), Duration.ofHours(25));

  /** Entity mentions per hour (tumbling), for one entity's history: queried, never written out. */
  public static final Window HOURLY =
      new Window("hourly", Duration.ofHours(1), Duration.ofHours(1), HOURLY_RETENTION);

  /** The one trend store: buckets keyed by entity key (windowed, queryable). */
  public static final String STORE = "trend-buckets";

  /** The store the views of kind {@code w} are summed from: {@link #STORE} for every kind. */
  public static String storeName(Window w) {
    return STORE;
  }

  private static final Set<String> TOPICAL = Set.of("PER", "ORG", "LOC", "MISC");

  private TrendTopology() {}

  /** Wires the trend buckets onto {@code articles}. */
  public static void attach(KStream<String, EnrichedArticle> articles) {
    articles
        .flatMap(TrendTopology::mentions, Named.as("trend-mentions"))
        .groupByKey(Grouped.with("trends-by-entity", Serdes.String(), TrendAggregate.SERDE))
        .windowedBy(TimeWindows.ofSizeAndGrace(BUCKET_SIZE, BUCKET_GRACE))
        .aggregate(
            () -> TrendAggregate.EMPTY,
            (key, mention, total) -> total.plus(mention),
            Named.as("trend-buckets"),
            Materialized.<String, TrendAggregate, WindowStore<Bytes, byte[]>>as(STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(TrendAggregate.SERDE)
                .withRetention(HOURLY_RETENTION))
        .toStream(Named.as("trend-bucket-changes"))
        .map(
            (wk, t) ->
                KeyValue.pair(
                    recordKey(BUCKETS, wk.key(), wk.window().start()),
                    trend(BUCKETS.name(), wk.key(), wk.window().start(), wk.window().end(), t)),
            Named.as("trend-bucket-record"))
        .to(
            Topics.ENTITY_TRENDS.name(),
            Produced.with(Topics.ENTITY_TRENDS.keySerde(), Topics.ENTITY_TRENDS.valueSerde())
                .withName("write-trend-buckets"));
  }

  /** The key of a trend record on {@code newsdesk.entity-trends}: window|entity key|start. */
  public static String recordKey(Window w, String key, long start) {
    return w.name() + "|" + key + "|" + start;
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
        .setSentimentSum(t.sentimentSum())
        .setScored(t.scored())
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
