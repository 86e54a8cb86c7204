package io.newsdesk.enrich.stories;

import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Story;
import io.newsdesk.schema.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds story assignment to a stream of articles keyed by id, as a pure build step.
 *
 * <pre>
 * articles -> [stories-assigner, 1 partition] -> assign-stories -> story-article -> out
 *                                                               -> story-state -> newsdesk.stories
 * </pre>
 *
 * <p>Stories need a view across all articles, so the assigner runs on one partition with a bounded
 * set of open stories (see docs/dedup-and-stories.md for why that is enough and what scales next).
 */
public final class StoryTopology {

  public static final String STORE = "open-stories";

  /** An article with its story id, and the story's new state. */
  record Update(EnrichedArticle article, Story story) {}

  private StoryTopology() {}

  /** Wires story assignment; returns the articles, keyed by id, with their story id set. */
  public static KStream<String, EnrichedArticle> attach(
      StreamsBuilder builder, KStream<String, EnrichedArticle> articles, StoryConfig config) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), StoryState.SERDE));
    KStream<String, Update> updates =
        articles
            .repartition(
                Repartitioned.with(Serdes.String(), Topics.ENRICHED.valueSerde())
                    .withName("stories-assigner")
                    .withNumberOfPartitions(1))
            .process(() -> new StoryAssigner(STORE, config), Named.as("assign-stories"), STORE);
    updates
        .map(
            (k, u) -> org.apache.kafka.streams.KeyValue.pair(u.story().getId(), u.story()),
            Named.as("story-state"))
        .to(
            Topics.STORIES.name(),
            Produced.with(Topics.STORIES.keySerde(), Topics.STORIES.valueSerde())
                .withName("write-stories"));
    return updates.mapValues(Update::article, Named.as("story-article"));
  }
}
