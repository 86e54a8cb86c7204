package io.newsdesk.schema;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The catalog of every Newsdesk topic with its serdes. Keep docs/architecture.md in step. */
public final class Topics {

  /** One topic: its name, serdes, whether it is compacted, and what it holds. */
  public record Topic<K, V>(
      String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted, String doc) {}

  /** Raw documents from ingest, keyed by document id. Raw values are kept for replay. */
  public static final Topic<String, RawDocument> RAW =
      new Topic<>(
          "newsdesk.raw",
          Serdes.String(),
          AvroSerde.of(RawDocument.class),
          false,
          "every fetched or received document, raw bytes included, keyed by document id");

  /** Enriched articles from the Streams app, keyed by article id. */
  public static final Topic<String, EnrichedArticle> ENRICHED =
      new Topic<>(
          "newsdesk.enriched",
          Serdes.String(),
          AvroSerde.of(EnrichedArticle.class),
          false,
          "articles with entities, tone, duplicate and story links, keyed by article id");

  /** The sink topic: what the sink committed, for downstream subscribers. */
  public static final Topic<String, EnrichedArticle> ARTICLES =
      new Topic<>(
          "newsdesk.articles",
          Serdes.String(),
          AvroSerde.of(EnrichedArticle.class),
          false,
          "the sink's output, written in the same transaction as its file commits");

  /** Everything any stage could not handle, with reason and original bytes. */
  public static final Topic<String, DeadLetter> DEAD_LETTERS =
      new Topic<>(
          "newsdesk.dead-letters",
          Serdes.String(),
          AvroSerde.of(DeadLetter.class),
          false,
          "input a stage could not handle, with its reason and original bytes");

  /** Per-source ingest state (validators, seen items, schedule), compacted by source. */
  public static final Topic<String, SourceState> INGEST_STATE =
      new Topic<>(
          "newsdesk.ingest-state",
          Serdes.String(),
          AvroSerde.of(SourceState.class),
          true,
          "per-source ingest state keyed by source URL (compacted)");

  /**
   * What ingest watches, keyed by source id (compacted; a tombstone removes a source). Records are
   * partitioned by the host of their URL ({@link #sourcePartition}), so one host's sources belong
   * to one member of the ingest consumer group.
   */
  public static final Topic<String, Source> SOURCES =
      new Topic<>(
          "newsdesk.sources",
          Serdes.String(),
          AvroSerde.of(Source.class),
          true,
          "the sources ingest watches keyed by source id, partitioned by host (compacted)");

  /** Developing stories, keyed by story id: the latest state of each (compacted). */
  public static final Topic<String, Story> STORIES =
      new Topic<>(
          "newsdesk.stories",
          Serdes.String(),
          AvroSerde.of(Story.class),
          true,
          "each developing story's latest state keyed by story id (compacted)");

  /**
   * Entity mention counts and sentiment per five-minute bucket, keyed by 5m|entity|start; the hour
   * and day windows are sums of buckets (earlier versions wrote those windows themselves).
   */
  public static final Topic<String, EntityTrend> ENTITY_TRENDS =
      new Topic<>(
          "newsdesk.entity-trends",
          Serdes.String(),
          AvroSerde.of(EntityTrend.class),
          true,
          "entity mentions per 5-minute bucket keyed by 5m|entity|start (compacted: latest count wins)");

  private Topics() {}

  /** Every topic Newsdesk creates up front. */
  public static List<Topic<?, ?>> all() {
    return List.of(
        RAW, ENRICHED, ARTICLES, DEAD_LETTERS, INGEST_STATE, SOURCES, STORIES, ENTITY_TRENDS);
  }

  /** Partitions of {@link #SOURCES}: enough for several ingest instances to share the hosts. */
  public static int sourcePartitions(int defaultPartitions) {
    return Math.max(defaultPartitions, 6);
  }

  /**
   * The partition of {@link #SOURCES} a source with this host goes to: the same for every source of
   * a host, so politeness stays with one ingest instance.
   */
  public static int sourcePartition(String host, int partitions) {
    byte[] b =
        (host == null ? "" : host.toLowerCase(java.util.Locale.ROOT))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return org.apache.kafka.common.utils.Utils.toPositive(
            org.apache.kafka.common.utils.Utils.murmur2(b))
        % partitions;
  }
}
