package io.newsdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvroCodecTest {

  private final AvroCodec<RawDocument> codec = AvroCodec.of(RawDocument.class);

  @Test
  void roundTripsARawDocumentWithItsBytesAndFeedItem() {
    RawDocument doc =
        RawDocument.newBuilder()
            .setId("abc")
            .setSource("https://example.org/feed.xml")
            .setUrl("https://example.org/a")
            .setFetchedAt(1L)
            .setArrival(Arrival.FEED)
            .setHttpStatus(200)
            .setHeaders(Map.of("etag", "\"x\""))
            .setBody(ByteBuffer.wrap("<html>é</html>".getBytes(StandardCharsets.UTF_8)))
            .setItem(
                FeedItem.newBuilder().setTitle("Headline").setAuthors(List.of("A. Writer")).build())
            .build();

    RawDocument back = codec.decode(codec.encode(doc));

    assertThat(back).isEqualTo(doc);
  }

  @Test
  void encodesWithTheSingleObjectHeaderAndFingerprint() {
    byte[] bytes =
        codec.encode(
            RawDocument.newBuilder()
                .setId("a")
                .setSource("s")
                .setUrl("u")
                .setFetchedAt(0)
                .setArrival(Arrival.PUSH)
                .setBody(ByteBuffer.allocate(0))
                .build());
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
  }

  @Test
  void rejectsBytesThatAreNoRecordWithAClearMessage() {
    assertThatThrownBy(() -> codec.decode("hello".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("not a readable RawDocument");
  }

  @Test
  void rejectsARecordOfAnotherContract() {
    byte[] deadLetter =
        AvroCodec.of(DeadLetter.class)
            .encode(DeadLetters.of("test", "why", new byte[] {1}, 0L).build());
    assertThatThrownBy(() -> codec.decode(deadLetter)).isInstanceOf(CorruptRecordException.class);
  }

  @Test
  void rendersPlainJsonWithUnionsUnwrapped() {
    DeadLetter dl =
        DeadLetters.of("enrich.extract", "no article", new byte[] {1, 2}, 5L)
            .setUrl("https://x.test/")
            .build();
    String json = AvroJson.toJsonLine(dl);
    assertThat(json)
        .contains("\"stage\":\"enrich.extract\"")
        .contains("\"url\":\"https://x.test/\"")
        .contains("\"originalBytes\":\"AQI=\"")
        .contains("\"partition\":null");
  }
}
