package io.newsdesk.enrich.trends;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.enrich.dedup.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Running totals of one entity in one window; also the per-article mention it sums up. Public so
 * that interactive queries can read the window stores ({@link TrendTopology#trend}).
 */
public record TrendAggregate(
    String canonical, String type, long articles, long mentions, double sentimentSum, long scored) {

  static final TrendAggregate EMPTY = new TrendAggregate("", "", 0, 0, 0, 0);

  /**
   * Internal (the trends-by-entity repartition and the window stores): a version byte and the
   * fields in binary. It was JSON (Jackson), which took a tenth of the stream threads' CPU in
   * {@code newsdesk bench}: every mention is read and written once per window it falls in, and
   * again when the record cache flushes. Values written as JSON by earlier versions (they start
   * with '{') are still read, so changelogs and repartition topics need no reset.
   */
  static final Serde<TrendAggregate> SERDE = serde();

  private static Serde<TrendAggregate> serde() {
    Serde<TrendAggregate> binary =
        Wire.serde(
            (t, out) -> {
              Wire.writeText(out, t.canonical);
              Wire.writeText(out, t.type);
              out.writeLong(t.articles);
              out.writeLong(t.mentions);
              out.writeDouble(t.sentimentSum);
              out.writeLong(t.scored);
            },
            in ->
                new TrendAggregate(
                    Wire.readText(in),
                    Wire.readText(in),
                    in.readLong(),
                    in.readLong(),
                    in.readDouble(),
                    in.readLong()));
    return Serdes.serdeFrom(
        binary.serializer(),
        (topic, b) -> {
          if (b != null && b.length > 0 && b[0] == '{') {
            try {
              return LEGACY_JSON.readValue(b, TrendAggregate.class);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return binary.deserializer().deserialize(topic, b);
        });
  }

  private static final ObjectMapper LEGACY_JSON = new ObjectMapper();

  TrendAggregate plus(TrendAggregate m) {
    return new TrendAggregate(
        m.canonical,
        m.type,
        articles + m.articles,
        mentions + m.mentions,
        sentimentSum + m.sentimentSum,
        scored + m.scored);
  }

  /** The counts of this and {@code other} together, under this one's name and type. */
  public TrendAggregate with(TrendAggregate other) {
    return new TrendAggregate(
        canonical,
        type,
        articles + other.articles,
        mentions + other.mentions,
        sentimentSum + other.sentimentSum,
        scored + other.scored);
  }

  /** The same counts under another canonical name. */
  public TrendAggregate named(String name) {
    return new TrendAggregate(name, type, articles, mentions, sentimentSum, scored);
  }

  Double meanSentiment() {
    return scored == 0 ? null : sentimentSum / scored;
  }
}
