package io.newsdesk.enrich.dedup;

import io.newsdesk.enrich.StageTimers;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds near-duplicate probing to a stream of articles, as a pure build step.
 *
 * <pre>
 * articles -> near-signature -> (flagged already, or too short: no probes) -> out (unchecked)
 *                            -> near-band-probes -> [near-by-band] -> near-band-index
 *                                 -> [near-answers, by article id] -> answers
 *                            -> out (checked: waits for one answer per band)
 * </pre>
 *
 * <p>Each article sends one small probe per LSH band to the partition owning the band key; two
 * articles that share any band meet there. The answers come back keyed by article id, to meet the
 * waiting article (see {@code EnrichTopology}), which flags it as a near duplicate of the earliest
 * similar article any band found ({@link Tally}).
 */
public final class NearDuplicateTopology {

  public static final String BAND_STORE = "near-bands";

  /** The codec of the waiting articles: the same bytes as {@code Topics.ENRICHED}'s serde. */
  public static final AvroCodec<EnrichedArticle> ARTICLE_CODEC =
      AvroCodec.of(EnrichedArticle.class);

  /** An article, and whether it sent band probes (then it waits for one answer per band). */
  public record Signed(EnrichedArticle article, boolean checked) {}

  /** The articles (keyed as they came) and the band answers keyed by article id. */
  public record Probed(KStream<String, Signed> articles, KStream<String, BandAnswer> answers) {}

  private record Signing(EnrichedArticle article, Signature signature) {}

  private NearDuplicateTopology() {}

  /**
   * Wires the band probes of {@code articles}; the answers come back in {@code partitions}
   * partitions, keyed by article id.
   */
  public static Probed attach(
      StreamsBuilder builder,
      KStream<String, EnrichedArticle> articles,
      NearDuplicateConfig config,
      int partitions) {
    MinHasher hasher = new MinHasher(config);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(BAND_STORE), Serdes.String(), BandEntry.SERDE));
    KStream<String, Signing> signed =
        articles.mapValues(
            a -> new Signing(a, a.getDuplicateOf() != null ? null : signature(hasher, a)),
            Named.as("near-signature"));
    KStream<String, BandAnswer> answers =
        signed
            .filter((k, v) -> v.signature() != null, Named.as("near-check"))
            .flatMap(NearDuplicateTopology::probes, Named.as("near-band-probes"))
            .repartition(
                Repartitioned.with(Serdes.String(), BandProbe.SERDE).withName("near-by-band"))
            .process(
                () -> new BandIndexProcessor(BAND_STORE, config.threshold(), config.retention()),
                Named.as("near-band-index"),
                BAND_STORE)
            .repartition(
                Repartitioned.with(Serdes.String(), BandAnswer.SERDE)
                    .withName("near-answers")
                    .withNumberOfPartitions(partitions));
    KStream<String, Signed> out =
        signed.mapValues(
            v -> new Signed(v.article(), v.signature() != null), Named.as("near-signed"));
    return new Probed(out, answers);
  }

  private static Signature signature(MinHasher hasher, EnrichedArticle a) {
    long t0 = System.nanoTime();
    try {
      return hasher.signature(a.getArticle().getText());
    } finally {
      StageTimers.NEAR_DUPLICATES.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }
  }

  private static List<KeyValue<String, BandProbe>> probes(String key, Signing s) {
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
