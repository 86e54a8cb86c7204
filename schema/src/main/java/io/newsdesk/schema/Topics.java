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

  /** Developing stories, keyed by story id: the latest state of each (compacted). */
  public static final Topic<String, Story> STORIES =
      new Topic<>(
          "newsdesk.stories",
          Serdes.String(),
          AvroSerde.of(Story.class),
          true,
          "each developing story's latest state keyed by story id (compacted)");

  /** Windowed entity mention counts and mean sentiment, keyed by window, entity and start. */
  public static final Topic<String, EntityTrend> ENTITY_TRENDS =
      new Topic<>(
          "newsdesk.entity-trends",
          Serdes.String(),
          AvroSerde.of(EntityTrend.class),
          true,
          "entity mentions per window keyed by window|entity|start (compacted: latest count wins)");

  private Topics() {}

  /** Every topic Newsdesk creates up front. */
  public static List<Topic<?, ?>> all() {
    return List.of(RAW, ENRICHED, ARTICLES, DEAD_LETTERS, INGEST_STATE, STORIES, ENTITY_TRENDS);
  }
}
