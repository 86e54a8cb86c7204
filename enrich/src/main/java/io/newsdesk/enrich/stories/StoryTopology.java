package io.newsdesk.enrich.stories;

import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Story;
import io.newsdesk.schema.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds story assignment to a stream of articles, as a pure build step: each article sends a small
 * probe ({@link StoryProbe}) to the assigner and gets back a small answer ({@link StoryAnswer})
 * keyed by its id; the article itself never goes to the assigner.
 *
 * <pre>
 * articles -> story-probe -> [story-probes, 1 partition] -> assign-stories (open-stories)
 *     -> story-state (the story, and any it took in) -> newsdesk.stories
 *     -> story-answer -> [story-answers, by article id] -> out
 * </pre>
 *
 * <p>Stories need a view across all articles, so the assigner runs on one partition with a bounded
 * set of open stories (see docs/dedup-and-stories.md for why that is enough and what scales next);
 * only the probes are serialised through it, and what follows runs on every partition.
 */
public final class StoryTopology {

  public static final String STORE = "open-stories";

  /**
   * The answer for an article, its story's new state, and the stories it joined to that one (their
   * last records, {@code mergedInto} set).
   */
  record Update(StoryAnswer answer, Story story, List<Story> merged) {}

  private StoryTopology() {}

  /**
   * Wires story assignment; returns the answers keyed by article id, in {@code partitions}
   * partitions (those of the stream the articles wait in, so that answer and article meet).
   */
  public static KStream<String, StoryAnswer> attach(
      StreamsBuilder builder,
      KStream<String, EnrichedArticle> articles,
      StoryConfig config,
      int partitions) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), StoryState.SERDE));
    KStream<String, Update> updates =
        articles
            .map(
                (k, a) ->
                    KeyValue.pair(
                        a.getArticle().getId(), StoryProbe.of(a, config.salientEntities())),
                Named.as("story-probe"))
            .repartition(
                Repartitioned.with(Serdes.String(), StoryProbe.SERDE)
                    .withName("story-probes")
                    .withNumberOfPartitions(1))
            .process(() -> new StoryAssigner(STORE, config), Named.as("assign-stories"), STORE);
    updates
        .flatMap(
            (k, u) -> {
              List<KeyValue<String, Story>> out = new ArrayList<>();
              // The closed stories first: a reader of the topic meets the merge before the story
              // that took them in.
              u.merged().forEach(m -> out.add(KeyValue.pair(m.getId(), m)));
              out.add(KeyValue.pair(u.story().getId(), u.story()));
              return out;
            },
            Named.as("story-state"))
        .to(
            Topics.STORIES.name(),
            Produced.with(Topics.STORIES.keySerde(), Topics.STORIES.valueSerde())
                .withName("write-stories"));
    return updates
        .mapValues(Update::answer, Named.as("story-answer"))
        .repartition(
            Repartitioned.with(Serdes.String(), StoryAnswer.SERDE)
                .withName("story-answers")
                .withNumberOfPartitions(partitions));
  }
}
