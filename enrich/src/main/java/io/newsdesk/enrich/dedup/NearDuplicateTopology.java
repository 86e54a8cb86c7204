package io.newsdesk.enrich.dedup;

import io.newsdesk.enrich.StageTimers;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds near-duplicate marking to a stream of articles, as a pure build step.
 *
 * <pre>
 * articles -> near-signature -> (flagged already, or too short) ---------------------> out
 *                            -> near-band-probes -> [near-by-band] -> near-band-index
 *                                 -> [near-answers, by article id] --\
 *                            -> near-key-by-article -> [near-by-article] -> mark-near-duplicates -> out
 * </pre>
 *
 * <p>Each article sends one small probe per LSH band to the partition owning the band key; two
 * articles that share any band meet there. The answers and the article meet again by article id.
 * The output is keyed by article id.
 */
public final class NearDuplicateTopology {

  public static final String BAND_STORE = "near-bands";
  public static final String PENDING_STORE = "near-pending";
  public static final String TALLY_STORE = "near-tallies";

  /**
   * What the collector reads: an article waiting for answers (as the Avro bytes it is stored in
   * while it waits, so it is decoded once, when it leaves), or one answer.
   */
  record Input(byte[] article, BandAnswer answer) {}

  /** The codec of the waiting articles: the same bytes as {@code Topics.ENRICHED}'s serde. */
  static final AvroCodec<EnrichedArticle> ARTICLE_CODEC = AvroCodec.of(EnrichedArticle.class);

  private record Signed(EnrichedArticle article, Signature signature) {}

  private NearDuplicateTopology() {}

  /** Wires the near-duplicate stage onto {@code articles}; returns articles keyed by id. */
  public static KStream<String, EnrichedArticle> attach(
      StreamsBuilder builder,
      KStream<String, EnrichedArticle> articles,
      NearDuplicateConfig config) {
    MinHasher hasher = new MinHasher(config);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(BAND_STORE), Serdes.String(), BandEntry.SERDE));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(TALLY_STORE), Serdes.String(), Tally.SERDE));

    Map<String, KStream<String, Signed>> branches =
        articles
            .mapValues(
                a -> new Signed(a, a.getDuplicateOf() != null ? null : signature(hasher, a)),
                Named.as("near-signature"))
            .split(Named.as("near-"))
            .branch((k, v) -> v.signature() == null, Branched.as("skip"))
            .defaultBranch(Branched.as("check"));

    KStream<String, Signed> check = branches.get("near-check");
    KStream<String, Input> answers =
        check
            .flatMap(NearDuplicateTopology::probes, Named.as("near-band-probes"))
            .repartition(
                Repartitioned.with(Serdes.String(), BandProbe.SERDE).withName("near-by-band"))
            .process(
                () -> new BandIndexProcessor(BAND_STORE, config.threshold(), config.retention()),
                Named.as("near-band-index"),
                BAND_STORE)
            .repartition(
                Repartitioned.with(Serdes.String(), BandAnswer.SERDE).withName("near-answers"))
            .mapValues(a -> new Input(null, a), Named.as("near-answer-input"));
    KStream<String, Input> waiting =
        check
            .map(
                (k, v) ->
                    KeyValue.pair(
                        v.article().getArticle().getId(), ARTICLE_CODEC.encode(v.article())),
                Named.as("near-key-by-article"))
            // Bytes through the repartition and the pending store: the same bytes the article
            // serde writes, without decoding and encoding the article again on the way in.
            .repartition(
                Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName("near-by-article"))
            .mapValues(a -> new Input(a, null), Named.as("near-article-input"));
    KStream<String, EnrichedArticle> checked =
        answers
            .merge(waiting, Named.as("near-merge"))
            .process(
                () -> new NearDuplicateCollector(PENDING_STORE, TALLY_STORE, config.bands()),
                Named.as("mark-near-duplicates"),
                PENDING_STORE,
                TALLY_STORE);
    KStream<String, EnrichedArticle> skipped =
        branches
            .get("near-skip")
            .map(
                (k, v) -> KeyValue.pair(v.article().getArticle().getId(), v.article()),
                Named.as("near-skip-key-by-article"));
    return checked.merge(skipped, Named.as("near-out"));
  }

  private static Signature signature(MinHasher hasher, EnrichedArticle a) {
    long t0 = System.nanoTime();
    try {
      return hasher.signature(a.getArticle().getText());
    } finally {
      StageTimers.NEAR_DUPLICATES.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }
  }

  private static List<KeyValue<String, BandProbe>> probes(String key, Signed s) {
    Signature sig = s.signature();
    byte[] sketch = sig.sketch();
    String id = s.article().getArticle().getId();
    List<KeyValue<String, BandProbe>> out = new ArrayList<>(sig.bands());
    for (int b = 0; b < sig.bands(); b++) {
      out.add(KeyValue.pair(sig.bandKey(b), new BandProbe(id, sketch)));
    }
    return out;
  }
}
