package io.newsdesk.enrich.trends;

import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  // Internal: repartition and window store values only, so JSON of a record is enough.
  static final Serde<TrendAggregate> SERDE =
      Serdes.serdeFrom(
          (topic, v) -> {
            try {
              return v == null ? null : JSON.writeValueAsBytes(v);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          (topic, b) -> {
            try {
              return b == null ? null : JSON.readValue(b, TrendAggregate.class);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });

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
