package io.newsdesk.enrich.extract;

import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.FeedItem;
import io.newsdesk.schema.RawDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test fixtures the project wrote, and raw documents around them. */
final class Fixtures {

  static final long FETCHED_AT = Instant.parse("2024-06-12T08:00:00Z").toEpochMilli();

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static RawDocument html(byte[] body, String url) {
    return doc(body, url, "text/html", Arrival.PAGE, null);
  }

  static RawDocument pushed(String text) {
    return doc(text.getBytes(StandardCharsets.UTF_8), "push:1", "text/plain", Arrival.PUSH, null);
  }

  static RawDocument doc(byte[] body, String url, String type, Arrival arrival, FeedItem item) {
    return RawDocument.newBuilder()
        .setId("test")
        .setSource("test")
        .setUrl(url)
        .setFetchedAt(FETCHED_AT)
        .setArrival(arrival)
        .setContentType(type)
        .setBody(ByteBuffer.wrap(body))
        .setItem(item)
        .build();
  }
}
