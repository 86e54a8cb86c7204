package io.newsdesk.enrich.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TrendAggregateTest {

  static Stream<TrendAggregate> aggregates() {
    return Stream.of(
        TrendAggregate.EMPTY,
        new TrendAggregate("Mohammed Shia al-Sudani", "PER", 3, 7, -0.25, 2),
        new TrendAggregate("Société Générale — Zürich", "ORG", 1, 1, 0.5, 1),
        new TrendAggregate(null, null, Long.MAX_VALUE, 0, Double.NaN, 0),
        new TrendAggregate("x".repeat(70_000), "MISC", 1, 2, 0, 0));
  }

  @ParameterizedTest
  @MethodSource("aggregates")
  void binaryRoundTripKeepsEveryField(TrendAggregate t) {
    byte[] b = TrendAggregate.SERDE.serializer().serialize("t", t);
    assertNotEquals('{', b[0]);
    assertEquals(t, TrendAggregate.SERDE.deserializer().deserialize("t", b));
  }

  /** What earlier versions wrote as JSON: named aggregates with finite sums. */
  static Stream<TrendAggregate> legacy() {
    return aggregates().filter(t -> t.canonical() != null && !Double.isNaN(t.sentimentSum()));
  }

  @ParameterizedTest
  @MethodSource("legacy")
  void valuesWrittenAsJsonByEarlierVersionsAreStillRead(TrendAggregate t) throws Exception {
    byte[] legacy = new ObjectMapper().writeValueAsBytes(t);
    assertEquals(t, TrendAggregate.SERDE.deserializer().deserialize("t", legacy));
  }
}
