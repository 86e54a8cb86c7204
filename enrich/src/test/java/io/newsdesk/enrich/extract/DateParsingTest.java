package io.newsdesk.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateParsingTest {

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void parsesIsoDatesWithAndWithoutOffsets() {
    assertThat(DateParsing.parse("2019-11-18T09:30:00-05:00")).contains(at("2019-11-18T14:30:00Z"));
    assertThat(DateParsing.parse("2024-03-02T06:56+0000")).contains(at("2024-03-02T06:56:00Z"));
    assertThat(DateParsing.parse("2020-01-27")).contains(at("2020-01-27T00:00:00Z"));
  }

  @Test
  void parsesWrittenAndRfcDates() {
    assertThat(DateParsing.parse("Tue, 19 Nov 2019 08:00:00 GMT"))
        .contains(at("2019-11-19T08:00:00Z"));
    assertThat(DateParsing.parse("November 18, 2019")).contains(at("2019-11-18T00:00:00Z"));
    assertThat(DateParsing.parse("18. März 2019")).contains(at("2019-03-18T00:00:00Z"));
    assertThat(DateParsing.parse("18.11.2019")).contains(at("2019-11-18T00:00:00Z"));
  }

  @Test
  void findsDatesInUrls() {
    assertThat(DateParsing.fromUrl("https://x.example/2019/11/18/story"))
        .contains(at("2019-11-18T00:00:00Z"));
    assertThat(DateParsing.fromUrl("https://x.example/20240302/story-1.html"))
        .contains(at("2024-03-02T00:00:00Z"));
    assertThat(DateParsing.fromUrl("https://x.example/story/12345")).isEmpty();
  }

  @Test
  void rejectsDatesBefore1990OrAfterTomorrow() {
    long now = at("2024-06-01T00:00:00Z");
    assertThat(DateParsing.plausible(at("1989-12-31T00:00:00Z"), now)).isFalse();
    assertThat(DateParsing.plausible(at("2024-06-03T00:00:00Z"), now)).isFalse();
    assertThat(DateParsing.plausible(at("2024-06-01T20:00:00Z"), now)).isTrue();
  }
}
