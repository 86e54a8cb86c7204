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
  void aSourceWhoseFirstPollCouldNotPublishIsPolledAgainWithinItsBounds() throws Exception {
    // Watched every 100-200 ms; the default interval is far longer. The first publish fails
    // (the sources group rebalanced), so the source has no state yet: it must not wait for the
    // default interval to be polled again.
    routes();
    items.set(2);
    String url = server.url("/feed.xml");
    IngestConfig config =
        TestConfigs.fast().toBuilder()
            .defaultPollInterval(Duration.ofMinutes(10))
            .maxPollInterval(Duration.ofHours(1))
            .build();
    sink.failNext = true;
    try (IngestService s = IngestService.builder(config, sink).build()) {
      s.startCatalogOnly();
      s.watch(url, "feed", Duration.ofMillis(100), Duration.ofMillis(200));
      await().atMost(Duration.ofSeconds(10)).until(() -> sink.documents().size() == 2);
      // the failed poll and at least the next, well within the ten-minute default (a busy machine
      // may fit a third poll in before this line: it publishes nothing new)
      assertThat(server.hits("/feed.xml"))
          .as("polls: the failed one and the next")
          .isGreaterThanOrEqualTo(2);
      assertThat(sink.documents()).hasSize(2);
    }
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

  @Test
  void itemsOfAHostInItsCrawlDelayDoNotHoldUpAnotherHostsItems() throws Exception {
    // One fetch worker. Host 127.0.0.1 asks for 1 s between requests (robots.txt Crawl-delay)
    // and has 4 items; host "localhost" (the same server by another name) asks nothing and has
    // 5. A worker sleeping through 127.0.0.1's delays would keep localhost's items waiting.
    String slowFeed = server.url("/slow.xml");
    String fastFeed = server.url("/fast.xml").replace("127.0.0.1", "localhost");
    server
        .route(
            "/robots.txt",
            ex -> {
              boolean slow = ex.getRequestHeaders().getFirst("Host").startsWith("127.0.0.1");
              send(ex, "text/plain", slow ? "User-agent: *\nCrawl-delay: 1\n" : "");
            })
        .route("/slow.xml", ex -> send(ex, "application/rss+xml", rss(slowFeed, "/s/", 4)))
        .route("/fast.xml", ex -> send(ex, "application/rss+xml", rss(fastFeed, "/f/", 5)))
        .route("/s", ex -> send(ex, "text/html", "<html><body>slow host</body></html>"))
        .route("/f", ex -> send(ex, "text/html", "<html><body>fast host</body></html>"));
    IngestConfig config =
        TestConfigs.fast().toBuilder()
            .maxConcurrentFetches(1)
            .allowHosts(List.of("localhost"))
            .build();
    try (IngestService s = IngestService.builder(config, sink).build()) {
      s.startCatalogOnly();
      s.watch(slowFeed, "feed", Duration.ofSeconds(60), Duration.ofSeconds(60));
      s.watch(fastFeed, "feed", Duration.ofSeconds(60), Duration.ofSeconds(60));
      await().atMost(Duration.ofSeconds(20)).until(() -> count("/f/") == 5);
      assertThat(count("/s/"))
          .as("items of the slow host published before the fast host's last one")
          .isLessThanOrEqualTo(2);
      await().atMost(Duration.ofSeconds(20)).until(() -> count("/s/") == 4);
      assertThat(sink.documents().stream().map(RawDocument::getCanonicalUrl))
          .doesNotHaveDuplicates()
          .hasSize(9);
      List<Long> slowFetches =
          sink.documents().stream()
              .filter(d -> d.getCanonicalUrl().contains("/s/"))
              .map(RawDocument::getFetchedAt)
              .sorted()
              .toList();
      for (int i = 1; i < slowFetches.size(); i++) {
        assertThat(slowFetches.get(i) - slowFetches.get(i - 1))
            .as("the crawl delay is kept between the slow host's items")
            .isGreaterThanOrEqualTo(900);
      }
      assertThat(server.hits("/slow.xml")).as("the feed is read once, not per item").isEqualTo(1);
    }
  }

  private long count(String path) {
    return sink.documents().stream().filter(d -> d.getCanonicalUrl().contains(path)).count();
  }

  private static String rss(String feedUrl, String itemPath, int n) {
    String base = feedUrl.substring(0, feedUrl.indexOf('/', "http://".length()));
    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>T</title>");
    for (int i = n; i >= 1; i--) {
      sb.append("<item><title>Item ")
          .append(i)
          .append("</title><link>")
          .append(base + itemPath + i)
          .append("</link></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  @Test
  void aDiscoverySourceFetchesTheArticlesItLinksAndItsAdvertisedFeedsItemsOnce() throws Exception {
    java.util.concurrent.atomic.AtomicReference<String> extra =
        new java.util.concurrent.atomic.AtomicReference<>("");
    server
        .route(
            "/world/",
            ex ->
                send(
                    ex,
                    "text/html",
                    "<html><head><link rel='alternate' type='application/rss+xml' href='/world/rss'>"
                        + "</head><body><a href='/about'>About</a> <a href='/tag/floods'>Floods</a>"
                        + "<a href='/2024/01/11/council-passes-budget'>Council</a>"
                        + "<a href='/world/minister-visits-the-flooded-north'>Minister</a>"
                        + extra.get()
                        + "</body></html>"))
        .route(
            "/world/rss",
            ex ->
                send(
                    ex,
                    "application/rss+xml",
                    "<rss version='2.0'><channel><title>World</title><item><title>Brief</title>"
                        + "<link>"
                        + server.url("/briefs/1")
                        + "</link></item></channel></rss>"))
        .route("/2024", ex -> send(ex, "text/html", "<html><body>budget</body></html>"))
        .route("/world/minister", ex -> send(ex, "text/html", "<html><body>visit</body></html>"))
        .route("/world/later", ex -> send(ex, "text/html", "<html><body>later</body></html>"))
        .route("/briefs", ex -> send(ex, "text/html", "<html><body>brief</body></html>"));
    String home = server.url("/world/");
    try (IngestService s = IngestService.builder(TestConfigs.fast(), sink).build()) {
      s.startCatalogOnly();
      s.watch(home, "discovery", Duration.ofMillis(100), Duration.ofMillis(200));
      await().atMost(Duration.ofSeconds(10)).until(() -> sink.documents().size() == 3);
      extra.set("<a href='/world/later-story-about-the-floods'>Later</a>");
      await().atMost(Duration.ofSeconds(10)).until(() -> sink.documents().size() == 4);
      await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
    }
    assertThat(sink.documents().stream().map(RawDocument::getCanonicalUrl))
        .containsExactlyInAnyOrder(
            server.url("/2024/01/11/council-passes-budget"),
            server.url("/world/minister-visits-the-flooded-north"),
            server.url("/briefs/1"),
            server.url("/world/later-story-about-the-floods"));
    assertThat(server.hits("/2024/01/11/council-passes-budget")).isEqualTo(1);
    assertThat(server.hits("/about")).isZero();
    assertThat(server.hits("/tag/floods")).isZero();
    assertThat(sink.documents()).allMatch(d -> d.getArrival() == io.newsdesk.schema.Arrival.PAGE);
  }
}
