package io.newsdesk.enrich;

import io.newsdesk.enrich.dedup.NearDuplicateTopology;
import io.newsdesk.enrich.stories.StoryTopology;
import io.newsdesk.enrich.trends.TrendTopology;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
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
 *                                    -> [repartition by-text] -> mark-text-duplicates
 *                                    -> near duplicates (MinHash LSH, {@link NearDuplicateTopology})
 *                                    -> stories ({@link StoryTopology}) -> newsdesk.stories
 *                                    -> index-articles (store articles)
 *                                    -> newsdesk.enriched (keyed by article id)
 *                                    -> trends ({@link TrendTopology}) -> newsdesk.entity-trends
 * </pre>
 *
 * <p>Raw records are keyed by document id, a hash of the canonical URL, so records of one URL meet
 * in one partition without a repartition; records with the same text meet after the by-text
 * repartition.
 */
public final class EnrichTopology {

  public static final String URL_STORE = "seen-urls";
  public static final String TEXT_STORE = "seen-texts";

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
    KStream<String, EnrichedArticle> checked =
        NearDuplicateTopology.attach(builder, textChecked, config.nearDuplicates());
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                ARTICLE_STORE, ARTICLE_RETENTION, Duration.ofMillis(1), false),
            Serdes.String(),
            Topics.ENRICHED.valueSerde()));
    KStream<String, EnrichedArticle> storied =
        StoryTopology.attach(builder, checked, config.stories())
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
