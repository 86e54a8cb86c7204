package io.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import io.newsdesk.ingest.testing.LocalServer;
import io.newsdesk.ingest.testing.RecordingSink;
import io.newsdesk.schema.RawDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sources that come and go while ingest runs, and long polls committed as they go. */
class IngestServiceSourcesTest {
  private final LocalServer server = new LocalServer();
  private final RecordingSink sink = new RecordingSink();
  private final AtomicInteger items = new AtomicInteger(20);

  @AfterEach
  void stop() {
    server.close();
  }

  private void feed(HttpExchange ex) throws IOException {
    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>T</title>");
    for (int i = items.get(); i >= 1; i--) {
      sb.append("<item><title>Item ")
          .append(i)
          .append("</title><link>")
          .append(server.url("/a/" + i))
          .append("</link></item>");
    }
    send(ex, "application/rss+xml", sb.append("</channel></rss>").toString());
  }

  private static void send(HttpExchange ex, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(200, b.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(b);
    }
  }

  private void routes() {
    server
        .route("/feed.xml", this::feed)
        .route("/a", ex -> send(ex, "text/html", "<html><body>article</body></html>"));
  }

  @Test
  void aCrashMidPollKeepsTheItemsCommittedSoFarAndRepeatsNoneOfThem() throws Exception {
    routes();
    String url = server.url("/feed.xml");
    sink.failPublish = 2; // the second group of items never commits: the process "dies" there
    try (IngestService s =
        IngestService.builder(TestConfigs.fast(), sink).feeds(List.of(url)).build()) {
      assertThat(s.runOnce().outcomes().get(0).status()).isEqualTo("publish-failed");
    }
    assertThat(sink.documents()).hasSize(IngestService.ITEMS_PER_COMMIT);
    try (IngestService restarted =
        IngestService.builder(TestConfigs.fast(), sink)
            .feeds(List.of(url))
            .initialState(sink.states())
            .build()) {
      restarted.runOnce();
    }
    List<String> urls = sink.documents().stream().map(RawDocument::getCanonicalUrl).toList();
    assertThat(urls).hasSize(20).doesNotHaveDuplicates();
    assertThat(server.hits("/a/20")).as("fetches of the first item").isEqualTo(1);
  }

  @Test
  void aWatchedSourceIsPolledAndAnUnwatchedOneIsNotPolledAgain() throws Exception {
    routes();
    items.set(2);
    String url = server.url("/feed.xml");
    try (IngestService s = IngestService.builder(TestConfigs.fast(), sink).build()) {
      s.startCatalogOnly();
      s.watch(url, "feed", Duration.ofMillis(100), Duration.ofMillis(200));
      await().atMost(Duration.ofSeconds(10)).until(() -> sink.documents().size() == 2);
      items.set(3);
      await().atMost(Duration.ofSeconds(10)).until(() -> sink.documents().size() == 3);
      s.unwatch(url);
      assertThat(s.awaitIdle(List.of(url), Duration.ofSeconds(5))).isTrue();
      long polls = server.hits("/feed.xml");
      items.set(4);
      await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
      assertThat(server.hits("/feed.xml")).isEqualTo(polls);
      assertThat(sink.documents()).hasSize(3);
      assertThat(s.watched()).isEmpty();
    }
  }
}
