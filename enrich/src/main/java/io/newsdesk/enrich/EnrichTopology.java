package io.newsdesk.enrich;

import io.newsdesk.enrich.dedup.NearDuplicateTopology;
import io.newsdesk.enrich.dedup.Tally;
import io.newsdesk.enrich.stories.StoryAnswer;
import io.newsdesk.enrich.stories.StoryTopology;
import io.newsdesk.enrich.trends.TrendTopology;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology, built by a pure function: raw documents in, enriched articles and dead
 * letters out.
 *
 * <pre>
 * newsdesk.raw -> extract-and-tag -> (dead) -> newsdesk.dead-letters
 *                                 -> (ok) -> mark-url-duplicates -> key-by-text
 *   -> [by-text] -> mark-text-duplicates
 *        -> near-duplicate band probes ({@link NearDuplicateTopology}) ------> [near-answers] --\
 *        -> story probe ({@link StoryTopology}, 1 partition) -> newsdesk.stories                |
 *                                                            -> [story-answers] -------------- +
 *        -> key-by-article -> [by-article] -> collect-answers (the article waits once) <-------/
 *             -> index-articles (store articles)
 *             -> newsdesk.enriched (keyed by article id)
 *             -> trends ({@link TrendTopology}) -> newsdesk.entity-trends
 * </pre>
 *
 * <p>The whole article crosses Kafka as few times as possible: only small probes go to the band
 * partitions and to the single story partition, and their answers come back keyed by article id to
 * the partition of {@code by-article}, where the article waits for all of them at once ({@link
 * ArticleCollector}). Everything after the story assignment runs on {@link EnrichConfig#partitions}
 * partitions, that is on every stream thread.
 *
 * <p>Raw records are keyed by document id, a hash of the canonical URL, so records of one URL meet
 * in one partition without a repartition; records with the same text meet after the by-text
 * repartition.
 */
public final class EnrichTopology {

  public static final String URL_STORE = "seen-urls";
  public static final String TEXT_STORE = "seen-texts";

  /** Articles waiting for their answers, by article id (flag byte + Avro bytes). */
  public static final String PENDING_STORE = "pending-articles";

  /** Band answers received so far for a waiting article ({@link Tally}). */
  public static final String PENDING_TALLY_STORE = "pending-tallies";

  /** Story answers that came before their article. */
  public static final String PENDING_STORY_STORE = "pending-stories";

  /** Finished articles by id, for {@code /api/articles/{id}} and a story's articles. */
  public static final String ARTICLE_STORE = "articles";

  /** How long the article store keeps an article (by record time). */
  public static final Duration ARTICLE_RETENTION = Duration.ofDays(2);

  private EnrichTopology() {}

  /** Builds the topology; nothing is started. */
  public static Topology build(EnrichComponents components, EnrichConfig config) {
    ArticleEnricher enricher = new ArticleEnricher(components);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(URL_STORE), Serdes.String(), Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(TEXT_STORE), Serdes.String(), Serdes.String()));

    KStream<String, Outcome> outcomes =
        builder.stream(
                Topics.RAW.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-raw"))
            .processValues(() -> new EnrichProcessor(enricher), Named.as("extract-and-tag"));

    Map<String, KStream<String, Outcome>> branches =
        outcomes
            .split(Named.as("outcome-"))
            .branch((k, v) -> v.isDead(), Branched.as("dead"))
            .defaultBranch(Branched.as("ok"));

    branches
        .get("outcome-dead")
        .mapValues(Outcome::deadLetter, Named.as("dead-letter"))
        .to(
            Topics.DEAD_LETTERS.name(),
            Produced.with(Topics.DEAD_LETTERS.keySerde(), Topics.DEAD_LETTERS.valueSerde())
                .withName("write-dead-letters"));

    KStream<String, EnrichedArticle> textChecked =
        branches
            .get("outcome-ok")
            .mapValues(Outcome::article, Named.as("article"))
            .processValues(
                () ->
                    new DuplicateMarker(
                        URL_STORE, "url", (k, v) -> urlKey(v), config.duplicateRetention()),
                Named.as("mark-url-duplicates"),
                URL_STORE)
            .selectKey(
                (k, v) -> TextFingerprint.of(v.getArticle().getText()), Named.as("key-by-text"))
            .repartition(
                Repartitioned.with(Serdes.String(), Topics.ENRICHED.valueSerde())
                    .withName("by-text"))
            .processValues(
                () ->
                    // Keyed by the fingerprint since key-by-text: not hashed a second time.
                    new DuplicateMarker(
                        TEXT_STORE, "exact", (k, v) -> k, config.duplicateRetention()),
                Named.as("mark-text-duplicates"),
                TEXT_STORE);
    int partitions = config.partitions();
    NearDuplicateTopology.Probed near =
        NearDuplicateTopology.attach(builder, textChecked, config.nearDuplicates(), partitions);
    KStream<String, StoryAnswer> storyAnswers =
        StoryTopology.attach(builder, textChecked, config.stories(), partitions);
    KStream<String, ArticleCollector.Input> waiting =
        near.articles()
            .map(
                (k, v) ->
                    KeyValue.pair(
                        v.article().getArticle().getId(),
                        ArticleCollector.waiting(v.article(), v.checked())),
                Named.as("key-by-article"))
            // Bytes through the repartition and the pending store, decoded once, when it leaves.
            .repartition(
                Repartitioned.with(Serdes.String(), Serdes.ByteArray())
                    .withName("by-article")
                    .withNumberOfPartitions(partitions))
            .mapValues(b -> new ArticleCollector.Input(b, null, null), Named.as("article-input"));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(), Serdes.ByteArray()));
    // Cached: an article's band answers (one per band, 24 by default) mostly come in one commit
    // interval, so its tally reaches RocksDB and the changelog once per commit (or only as the
    // tombstone when the article leaves in the same interval) instead of once per answer. Reads
    // go through the cache, so the collector sees every answer at once all the same.
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PENDING_TALLY_STORE), Serdes.String(), Tally.SERDE)
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PENDING_STORY_STORE),
            Serdes.String(),
            StoryAnswer.SERDE));
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                ARTICLE_STORE, ARTICLE_RETENTION, Duration.ofMillis(1), false),
            Serdes.String(),
            Topics.ENRICHED.valueSerde()));
    KStream<String, EnrichedArticle> storied =
        waiting
            .merge(
                near.answers()
                    .mapValues(
                        a -> new ArticleCollector.Input(null, a, null), Named.as("band-input")),
                Named.as("merge-band-answers"))
            .merge(
                storyAnswers.mapValues(
                    a -> new ArticleCollector.Input(null, null, a), Named.as("story-input")),
                Named.as("merge-story-answers"))
            .process(
                () ->
                    new ArticleCollector(
                        PENDING_STORE,
                        PENDING_TALLY_STORE,
                        PENDING_STORY_STORE,
                        config.nearDuplicates().bands()),
                Named.as("collect-answers"),
                PENDING_STORE,
                PENDING_TALLY_STORE,
                PENDING_STORY_STORE)
            .processValues(
                () -> new ArticleIndexer(ARTICLE_STORE), Named.as("index-articles"), ARTICLE_STORE);
    TrendTopology.attach(storied);
    storied.to(
        Topics.ENRICHED.name(),
        Produced.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
            .withName("write-enriched"));
    return builder.build();
  }

  private static String urlKey(EnrichedArticle a) {
    String canonical = a.getArticle().getCanonicalUrl();
    return canonical != null ? canonical : a.getArticle().getUrl();
  }
}
