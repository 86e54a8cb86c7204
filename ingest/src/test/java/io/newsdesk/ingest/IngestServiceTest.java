package io.newsdesk.ingest;

import static io.newsdesk.ingest.testing.LocalServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsdesk.ingest.state.SourceStates;
import io.newsdesk.ingest.testing.LocalServer;
import io.newsdesk.ingest.testing.RecordingSink;
import io.newsdesk.ingest.url.UrlCanonicalizer;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.SourceState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestServiceTest {
  private final LocalServer server = new LocalServer();
  private final RecordingSink sink = new RecordingSink();

  @AfterEach
  void stop() {
    server.close();
  }

  /** An RSS feed whose items are given by the test; honours its own ETag. */
  static final class FeedHandler implements HttpHandler {
    final AtomicReference<String> xml = new AtomicReference<>();
    final AtomicReference<String> etag = new AtomicReference<>("\"1\"");

    @Override
    public void handle(HttpExchange ex) throws IOException {
      String tag = etag.get();
      if (tag != null && tag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        respond(ex, 304, null, new byte[0]);
        return;
      }
      if (tag != null) {
        ex.getResponseHeaders().set("ETag", tag);
      }
      respond(ex, 200, "application/rss+xml", xml.get());
    }
  }

  static final class ArticleHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      respond(
          ex,
          200,
          "text/html; charset=utf-8",
          "<html><body>article " + ex.getRequestURI().getPath() + "</body></html>");
    }
  }

  static final class RobotsHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      respond(ex, 200, "text/plain", "User-agent: newsdesk\nDisallow: /private\n");
    }
  }

  static final class NotFound implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      respond(ex, 404, "text/html", "nope");
    }
  }

  static final class Garbage implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      respond(ex, 200, "application/rss+xml", "this is <<< not a feed");
    }
  }

  private String rss(String title, String... links) {
    StringBuilder sb =
        new StringBuilder("<rss version=\"2.0\"><channel><title>" + title + "</title>");
    for (String l : links) {
      sb.append("<item><title>Title of ")
          .append(l)
          .append("</title><link>")
          .append(l.contains("://") ? l : server.url(l))
          .append("</link><description>Summary</description>")
          .append("<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private IngestService service(List<String> feeds) {
    return IngestService.builder(TestConfigs.fast(), sink)
        .feeds(feeds)
        .initialState(sink.states())
        .build();
  }

  @Test
  void fetchesEachNewItemOnceWithItsFeedMetadata() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/a/1", "/a/2"));
    server.route("/feed.xml", feed).route("/a", new ArticleHandler());
    String feedUrl = server.url("/feed.xml");

    try (IngestService s = service(List.of(feedUrl))) {
      IngestSummary first = s.runOnce();
      assertThat(first.documents()).isEqualTo(2);
      RawDocument d = sink.documents().get(0);
      assertThat(d.getArrival()).isEqualTo(Arrival.FEED);
      assertThat(d.getSource()).isEqualTo(feedUrl);
      assertThat(d.getItem().getTitle()).startsWith("Title of /a/");
      assertThat(d.getItem().getPublished()).isEqualTo(1704103200000L);
      assertThat(d.getItem().getFeedUrl()).isEqualTo(feedUrl);
      assertThat(d.getId()).isEqualTo(Ids.forUrl(d.getCanonicalUrl()));
      assertThat(d.getId()).hasSize(32);
      assertThat(new String(d.getBody().array(), StandardCharsets.UTF_8)).contains("article /a/");

      IngestSummary second = s.runOnce();
      assertThat(second.documents()).isZero();
      assertThat(second.outcomes().get(0).status()).isEqualTo("not-modified");
      SourceMetrics m = s.metrics().get(feedUrl);
      assertThat(m.fetched()).isEqualTo(2);
      assertThat(m.notModified()).isEqualTo(1);
      assertThat(m.newItems()).isEqualTo(2);
      assertThat(m.lastSuccessAt()).isNotNull();
    }
    assertThat(server.hits("/a/1")).isEqualTo(1);
  }

  @Test
  void sameBytesUnderNewValidatorsCountAsNotModified() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/a/1"));
    server.route("/feed.xml", feed).route("/a", new ArticleHandler());
    try (IngestService s = service(List.of(server.url("/feed.xml")))) {
      s.runOnce();
      feed.etag.set("\"2\"");
      IngestSummary again = s.runOnce();
      assertThat(again.outcomes().get(0).status()).isEqualTo("not-modified");
    }
  }

  @Test
  void onlyNewItemsAreFetchedWhenTheFeedChanges() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/a/1"));
    server.route("/feed.xml", feed).route("/a", new ArticleHandler());
    try (IngestService s = service(List.of(server.url("/feed.xml")))) {
      s.runOnce();
      feed.xml.set(rss("News", "/a/2", "/a/1"));
      feed.etag.set("\"2\"");
      IngestSummary again = s.runOnce();
      assertThat(again.documents()).isEqualTo(1);
    }
    assertThat(sink.documents())
        .extracting(d -> d.getCanonicalUrl())
        .containsExactly(server.url("/a/1"), server.url("/a/2"));
  }

  @Test
  void theSameArticleFromTwoFeedsIsPublishedOnce() throws Exception {
    FeedHandler one = new FeedHandler();
    one.xml.set(rss("One", "/a/shared"));
    FeedHandler two = new FeedHandler();
    two.xml.set(rss("Two", server.url("/a/shared") + "?utm_source=two#frag"));
    server.route("/one.xml", one).route("/two.xml", two).route("/a", new ArticleHandler());
    try (IngestService s = service(List.of(server.url("/one.xml"), server.url("/two.xml")))) {
      IngestSummary r = s.runOnce();
      assertThat(r.documents()).isEqualTo(1);
      assertThat(r.outcomes()).extracting(PollOutcome::duplicates).containsExactlyInAnyOrder(0, 1);
    }
    assertThat(server.requests()).filteredOn(r -> r.contains("/a/shared")).hasSize(1);
  }

  @Test
  void aRestartWithPublishedStateRepeatsNothing() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.etag.set(null);
    feed.xml.set(rss("News", "/a/1", "/a/2"));
    server.route("/feed.xml", feed).route("/a", new ArticleHandler());
    try (IngestService s = service(List.of(server.url("/feed.xml")))) {
      s.runOnce();
    }
    feed.xml.set(rss("News changed", "/a/1", "/a/2"));
    try (IngestService restarted = service(List.of(server.url("/feed.xml")))) {
      assertThat(restarted.runOnce().documents()).isZero();
    }
    assertThat(sink.documents()).hasSize(2);
  }

  @Test
  void aFailedPublishLosesNothingAndTheNextPollRepublishes() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/a/1", "/a/2"));
    server.route("/feed.xml", feed).route("/a", new ArticleHandler());
    try (IngestService s = service(List.of(server.url("/feed.xml")))) {
      sink.failNext = true;
      IngestSummary failed = s.runOnce();
      assertThat(failed.outcomes().get(0).status()).isEqualTo("publish-failed");
      assertThat(sink.documents()).isEmpty();
      assertThat(s.runOnce().documents()).isEqualTo(2);
    }
  }

  @Test
  void robotsDisallowedItemsAreSkippedAndCounted() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/a/1", "/private/secret"));
    server
        .route("/feed.xml", feed)
        .route("/a", new ArticleHandler())
        .route("/private", new ArticleHandler())
        .route("/robots.txt", new RobotsHandler());
    try (IngestService s = service(List.of(server.url("/feed.xml")))) {
      IngestSummary r = s.runOnce();
      assertThat(r.documents()).isEqualTo(1);
      assertThat(s.metrics().get(server.url("/feed.xml")).disallowed()).isEqualTo(1);
    }
    assertThat(server.hits("/private/secret")).isZero();
    assertThat(sink.deadLetters()).isEmpty();
  }

  @Test
  void aMalformedFeedBecomesADeadLetterAndOthersGoOn() throws Exception {
    FeedHandler good = new FeedHandler();
    good.xml.set(rss("Good", "/a/1"));
    server
        .route("/bad.xml", new Garbage())
        .route("/good.xml", good)
        .route("/a", new ArticleHandler());
    try (IngestService s = service(List.of(server.url("/bad.xml"), server.url("/good.xml")))) {
      IngestSummary r = s.runOnce();
      assertThat(r.documents()).isEqualTo(1);
      assertThat(r.deadLetters()).isEqualTo(1);
    }
    try (IngestService again = service(List.of(server.url("/bad.xml")))) {
      again.runOnce();
      SourceState st = again.state(server.url("/bad.xml")).orElseThrow();
      assertThat(st.getConsecutiveFailures()).isEqualTo(2);
      assertThat(st.getLastError()).startsWith("malformed feed");
    }
    assertThat(sink.deadLetters()).hasSize(1);
    DeadLetter dl = sink.deadLetters().get(0);
    assertThat(dl.getStage()).isEqualTo("ingest.feed");
    assertThat(dl.getReason()).startsWith("malformed feed");
    assertThat(dl.getUrl()).isEqualTo(server.url("/bad.xml"));
    assertThat(new String(dl.getOriginalBytes().array(), StandardCharsets.UTF_8))
        .isEqualTo("this is <<< not a feed");
  }

  @Test
  void aFailingFeedIsBackedOffAndReported() throws Exception {
    server.route("/gone.xml", new NotFound());
    String url = server.url("/gone.xml");
    try (IngestService s = service(List.of(url))) {
      s.runOnce();
      SourceState first = s.state(url).orElseThrow();
      s.runOnce();
      SourceState second = s.state(url).orElseThrow();
      assertThat(second.getConsecutiveFailures()).isEqualTo(2);
      assertThat(second.getLastError()).contains("HTTP 404");
      assertThat(second.getNextPollAt() - System.currentTimeMillis())
          .isGreaterThan(first.getNextPollAt() - System.currentTimeMillis());
      assertThat(SourceStates.counter(second, SourceStates.FAILURES)).isEqualTo(2);
    }
    assertThat(sink.deadLetters()).hasSize(1);
    assertThat(sink.deadLetters().get(0).getStage()).isEqualTo("ingest.fetch");
  }

  @Test
  void pagesArePublishedWhenTheirBytesChange() throws Exception {
    server.route("/a", new ArticleHandler());
    try (IngestService s =
        IngestService.builder(TestConfigs.fast(), sink)
            .pages(List.of(server.url("/a/page")))
            .build()) {
      assertThat(s.runOnce().documents()).isEqualTo(1);
      assertThat(s.runOnce().documents()).isZero();
    }
    assertThat(sink.documents().get(0).getArrival()).isEqualTo(Arrival.PAGE);
    assertThat(sink.documents().get(0).getCanonicalUrl())
        .isEqualTo(UrlCanonicalizer.canonicalize(server.url("/a/page")));
  }

  @Test
  void continuousModePollsFeedsOnItsOwn() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/a/1"));
    server.route("/feed.xml", feed).route("/a", new ArticleHandler());
    try (IngestService s = service(List.of(server.url("/feed.xml")))) {
      s.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> sink.documents().size() == 1);
      feed.xml.set(rss("News", "/a/2", "/a/1"));
      feed.etag.set("\"2\"");
      await().atMost(Duration.ofSeconds(20)).until(() -> sink.documents().size() == 2);
    }
  }

  /** Serves a fixed XML body. */
  static final class Xml implements HttpHandler {
    private final java.util.function.Supplier<String> body;

    Xml(java.util.function.Supplier<String> body) {
      this.body = body;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
      respond(ex, 200, "application/xml", body.get());
    }
  }

  @Test
  void sitemapIndexesLeadToNewsPagesWithTheirTitles() throws Exception {
    server
        .route(
            "/sitemap-index.xml",
            new Xml(
                () ->
                    "<?xml version=\"1.0\"?><sitemapindex"
                        + " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
                        + server.url("/news-sitemap.xml")
                        + "</loc></sitemap></sitemapindex>"))
        .route(
            "/news-sitemap.xml",
            new Xml(
                () ->
                    "<?xml version=\"1.0\"?><urlset"
                        + " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                        + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"><url><loc>"
                        + server.url("/a/news1")
                        + "</loc><news:news><news:publication><news:name>X</news:name>"
                        + "<news:language>en</news:language></news:publication>"
                        + "<news:publication_date>2024-05-01T10:00:00Z</news:publication_date>"
                        + "<news:title>Headline</news:title></news:news></url></urlset>"))
        .route("/a", new ArticleHandler());
    try (IngestService s =
        IngestService.builder(TestConfigs.fast(), sink)
            .sitemaps(List.of(server.url("/sitemap-index.xml")))
            .build()) {
      assertThat(s.runOnce().documents()).isEqualTo(1);
      assertThat(s.runOnce().documents()).isZero();
    }
    RawDocument d = sink.documents().get(0);
    assertThat(d.getArrival()).isEqualTo(Arrival.SITEMAP);
    assertThat(d.getItem().getTitle()).isEqualTo("Headline");
    assertThat(d.getItem().getPublished()).isEqualTo(1714557600000L);
  }

  /** Redirects every request to /private/landing. */
  static final class ToPrivate implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      ex.getResponseHeaders().set("Location", "/private/landing");
      respond(ex, 302, null, new byte[0]);
    }
  }

  @Test
  void redirectsIntoDisallowedPathsAreNotFollowed() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/go/1"));
    server
        .route("/feed.xml", feed)
        .route("/go", new ToPrivate())
        .route("/private", new ArticleHandler())
        .route("/robots.txt", new RobotsHandler());
    try (IngestService s = service(List.of(server.url("/feed.xml")))) {
      assertThat(s.runOnce().documents()).isZero();
    }
    assertThat(server.hits("/private/landing")).isZero();
    assertThat(sink.deadLetters())
        .singleElement()
        .satisfies(d -> assertThat(d.getReason()).contains("disallowed by robots.txt"));
  }

  @Test
  void continuousModeCarriesHundredsOfFeedsOnAFewThreads() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("Shared", "/a/x"));
    server.route("/f", feed).route("/a", new ArticleHandler());
    List<String> feeds = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      feeds.add(server.url("/f/" + i + ".xml"));
    }
    IngestConfig config = TestConfigs.fast().toBuilder().perHostConnections(4).build();
    try (IngestService s = IngestService.builder(config, sink).feeds(feeds).build()) {
      s.start();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  s.metrics().values().stream().filter(m -> m.lastSuccessAt() != null).count()
                      == 300);
    }
    assertThat(sink.documents()).hasSize(1);
  }

  /** Says UTF-8 in the header but sends ISO-8859-1 bytes. */
  static final class WrongCharset implements HttpHandler {
    private final String link;

    WrongCharset(String link) {
      this.link = link;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
      String xml =
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title><item>"
              + "<title>Cr\u00e8me br\u00fbl\u00e9e</title><link>"
              + link
              + "</link></item></channel></rss>";
      respond(
          ex,
          200,
          "application/rss+xml; charset=utf-8",
          xml.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  /** A feed far larger than the configured limit. */
  static final class Huge implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      respond(ex, 200, "application/rss+xml", new byte[200_000]);
    }
  }

  @Test
  void aFeedInTheWrongDeclaredCharsetIsStillRead() throws Exception {
    server
        .route("/latin.xml", new WrongCharset(server.url("/a/cafe")))
        .route("/a", new ArticleHandler());
    try (IngestService s = service(List.of(server.url("/latin.xml")))) {
      assertThat(s.runOnce().documents()).isEqualTo(1);
    }
    assertThat(sink.documents().get(0).getItem().getTitle())
        .isEqualTo("Cr\u00e8me br\u00fbl\u00e9e");
    assertThat(sink.documents().get(0).getArrival()).isEqualTo(Arrival.FEED);
  }

  @Test
  void aHugeFeedIsCutOffAndDeadLettered() throws Exception {
    server.route("/huge.xml", new Huge());
    IngestConfig config = TestConfigs.fast().toBuilder().maxBodyBytes(50_000).build();
    try (IngestService s =
        IngestService.builder(config, sink).feeds(List.of(server.url("/huge.xml"))).build()) {
      IngestSummary r = s.runOnce();
      assertThat(r.failedSources()).isEqualTo(1);
    }
    assertThat(sink.deadLetters())
        .singleElement()
        .satisfies(d -> assertThat(d.getReason()).contains("body larger than 50000 bytes"));
  }

  @Test
  void theServiceStartsThePushReceiver() throws Exception {
    IngestConfig config =
        TestConfigs.fast().toBuilder().pushToken("service-token-0123456789").build();
    try (IngestService s = IngestService.builder(config, sink).listenPort(0).build()) {
      s.start();
      int port = s.pushPort().orElseThrow();
      var client = java.net.http.HttpClient.newHttpClient();
      var response =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + "/articles"))
                  .header("Content-Type", "text/html")
                  .header("Authorization", "Bearer service-token-0123456789")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<p>pushed</p>"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(202);
    }
    assertThat(sink.documents())
        .singleElement()
        .satisfies(d -> assertThat(d.getArrival()).isEqualTo(Arrival.PUSH));
  }

  /** 503 the first time, then the article. */
  static final class FlakyArticle implements HttpHandler {
    private final java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void handle(HttpExchange ex) throws IOException {
      if (calls.getAndIncrement() == 0) {
        respond(ex, 503, "text/plain", "busy");
      } else {
        respond(ex, 200, "text/html", "<p>finally</p>");
      }
    }
  }

  @Test
  void anItemThatFailedTransientlyIsRetriedOnTheNextPollOfAnUnchangedFeed() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/flaky/1"));
    server.route("/feed.xml", feed).route("/flaky", new FlakyArticle());
    IngestConfig config = TestConfigs.fast().toBuilder().maxRetries(0).build();
    try (IngestService s =
        IngestService.builder(config, sink).feeds(List.of(server.url("/feed.xml"))).build()) {
      assertThat(s.runOnce().documents()).isZero();
      assertThat(s.runOnce().documents()).isEqualTo(1);
    }
    assertThat(sink.deadLetters()).isEmpty();
  }

  @Test
  void aServerThatNeverAnswersIsTriedAgainThenDeadLetteredWithWhatCame() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/a/1", "/silent/1", "gopher://127.0.0.1/secret"));
    server
        .route("/feed.xml", feed)
        .route("/a", new ArticleHandler())
        .route(
            "/silent",
            ex -> {
              try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    IngestConfig config =
        TestConfigs.fast().toBuilder()
            .readTimeout(java.time.Duration.ofMillis(300))
            .maxRetries(0)
            .itemRetries(1)
            .build();
    try (IngestService s =
        IngestService.builder(config, sink).feeds(List.of(server.url("/feed.xml"))).build()) {
      // First poll: the good item arrives, the gopher link is refused, and the silent one is
      // reported at once (a dead letter that says it will be tried again).
      assertThat(s.runOnce().documents()).isEqualTo(1);
      assertThat(sink.deadLetters()).hasSize(2);
      assertThat(sink.deadLetters())
          .anySatisfy(
              d -> assertThat(d.getAttributes()).containsEntry("code", "unsupported_scheme"));
      assertThat(sink.deadLetters())
          .filteredOn(d -> d.getUrl().endsWith("/silent/1"))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.getUrl()).endsWith("/silent/1");
                assertThat(d.getAttributes())
                    .containsEntry("code", "timeout")
                    .containsEntry("attempts", "1")
                    .containsEntry("retries_left", "1");
              });
      // Second poll: the silent item's one retry times out too, and it is a final dead letter.
      assertThat(s.runOnce().documents()).isZero();
      assertThat(sink.deadLetters()).hasSize(3);
      assertThat(sink.deadLetters().get(2))
          .satisfies(
              d -> {
                assertThat(d.getUrl()).endsWith("/silent/1");
                assertThat(d.getReason()).startsWith("timeout");
                assertThat(d.getAttributes())
                    .containsEntry("code", "timeout")
                    .containsEntry("attempts", "2")
                    .doesNotContainKey("retries_left");
              });
      // Third poll: both are handled; neither is requested nor dead-lettered again.
      s.runOnce();
      assertThat(sink.deadLetters()).hasSize(3);
      assertThat(server.hits("/silent/1")).isEqualTo(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aTricklingBodyIsDeadLetteredAtOnceWithoutRetriesAndKeepsTheBytesThatCame() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/trickle/1"));
    server
        .route("/feed.xml", feed)
        .route(
            "/trickle",
            ex -> {
              ex.sendResponseHeaders(200, 0);
              try (java.io.OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                  out.write("<p>drip</p>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                  out.flush();
                  Thread.sleep(50);
                }
              } catch (IOException | InterruptedException cut) {
                // the fetcher hung up
              }
            });
    IngestConfig config =
        TestConfigs.fast().toBuilder()
            .readTimeout(java.time.Duration.ofMillis(400))
            .maxRetries(0)
            .itemRetries(0)
            .build();
    try (IngestService s =
        IngestService.builder(config, sink).feeds(List.of(server.url("/feed.xml"))).build()) {
      s.runOnce();
    }
    assertThat(sink.deadLetters())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getAttributes()).containsEntry("code", "fetch_deadline");
              String came =
                  java.nio.charset.StandardCharsets.US_ASCII
                      .decode(d.getOriginalBytes().duplicate())
                      .toString();
              assertThat(came).startsWith("<p>drip</p>");
              assertThat(d.getOriginalBytes().remaining()).isLessThan(64 * 1024 + 1);
            });
  }

  @Test
  void itemsOnStalledHostsWaitForTheirOwnDeadlineNotForEachOthers() throws Exception {
    // Six hosts (127.0.0.40 to .45) that accept the request and never answer, between three
    // good items on the feed's host: fetched one after another they would cost six deadlines.
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<com.sun.net.httpserver.HttpServer> silent = new java.util.ArrayList<>();
    List<String> links = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        com.sun.net.httpserver.HttpServer h =
            com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0." + (40 + i), 0), 16);
        h.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        h.createContext(
            "/",
            ex -> {
              try {
                release.await(20, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              ex.close();
            });
        h.start();
        silent.add(h);
        links.add("http://127.0.0." + (40 + i) + ":" + h.getAddress().getPort() + "/story");
      }
      links.add(0, "/a/good-0");
      links.add(3, "/a/good-1");
      links.add("/a/good-2");
      FeedHandler feed = new FeedHandler();
      feed.xml.set(rss("Stalled", links.toArray(String[]::new)));
      server.route("/feed.xml", feed).route("/a", new ArticleHandler());
      Duration deadline = Duration.ofMillis(1500);
      IngestConfig config =
          TestConfigs.fast().toBuilder()
              .allowNetworks(List.of("127.0.0.0/24"))
              .respectRobots(false)
              .readTimeout(deadline)
              .maxRetries(0)
              .itemRetries(1)
              .maxConcurrentFetches(8)
              .build();
      long t0 = System.nanoTime();
      try (IngestService s =
          IngestService.builder(config, sink).feeds(List.of(server.url("/feed.xml"))).build()) {
        s.runOnce();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      // About one deadline, not six.
      assertThat(took).isLessThan(deadline.multipliedBy(3));
      // Published in feed order, each once; every stalled host reported at its first deadline.
      assertThat(sink.documents())
          .extracting(d -> String.valueOf(d.getUrl()))
          .containsExactly(
              server.url("/a/good-0"), server.url("/a/good-1"), server.url("/a/good-2"));
      assertThat(sink.deadLetters())
          .hasSize(6)
          .allSatisfy(
              d ->
                  assertThat(d.getAttributes())
                      .containsEntry("code", "timeout")
                      .containsEntry("retries_left", "1"));
      // Not marked seen: the next poll tries them again (their one retry).
      SourceState st = sink.states().get(server.url("/feed.xml"));
      assertThat(SourceStates.seen(st)).noneMatch(k -> k.startsWith("http://127.0.0.4"));
      System.out.printf(
          "Six stalled hosts in one feed: poll took %d ms (fetch deadline %d ms)%n",
          took.toMillis(), deadline.toMillis());
    } finally {
      release.countDown();
      silent.forEach(h -> h.stop(0));
    }
  }

  @Test
  void aCrashBetweenTheCommitsOfAConcurrentPollRepeatsNothingAndLosesNothing() throws Exception {
    // Twenty items on ten hosts: fetched concurrently, committed eight at a time in feed order.
    List<com.sun.net.httpserver.HttpServer> hosts = new java.util.ArrayList<>();
    List<String> links = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        com.sun.net.httpserver.HttpServer h =
            com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0." + (50 + i), 0), 16);
        h.createContext(
            "/",
            ex -> {
              respond(ex, 200, "text/html", "<p>story " + ex.getRequestURI() + "</p>");
              ex.close();
            });
        h.start();
        hosts.add(h);
      }
      for (int j = 0; j < 20; j++) {
        com.sun.net.httpserver.HttpServer h = hosts.get(j % 10);
        links.add("http://127.0.0." + (50 + j % 10) + ":" + h.getAddress().getPort() + "/s" + j);
      }
      FeedHandler feed = new FeedHandler();
      feed.xml.set(rss("Many hosts", links.toArray(String[]::new)));
      server.route("/feed.xml", feed);
      IngestConfig config =
          TestConfigs.fast().toBuilder()
              .allowNetworks(List.of("127.0.0.0/24"))
              .respectRobots(false)
              .maxConcurrentFetches(6)
              .build();
      // The second commit fails: a crash after the first eight items were published.
      sink.failPublish = 2;
      try (IngestService s =
          IngestService.builder(config, sink).feeds(List.of(server.url("/feed.xml"))).build()) {
        assertThat(s.runOnce().outcomes().get(0).status()).isEqualTo("publish-failed");
      }
      assertThat(sink.documents())
          .extracting(d -> String.valueOf(d.getUrl()))
          .containsExactlyElementsOf(links.subList(0, IngestService.ITEMS_PER_COMMIT));
      // A new process from the committed state publishes the other twelve, each once, in order.
      try (IngestService restarted =
          IngestService.builder(config, sink)
              .feeds(List.of(server.url("/feed.xml")))
              .initialState(sink.states())
              .build()) {
        restarted.runOnce();
      }
      assertThat(sink.documents())
          .extracting(d -> String.valueOf(d.getUrl()))
          .containsExactlyElementsOf(links);
    } finally {
      hosts.forEach(h -> h.stop(0));
    }
  }

  @Test
  void noUrlCredentialReachesTheLogsTheDeadLettersOrTheState() throws Exception {
    List<String> secrets = List.of("hunter2", "tok-SECRET-42", "pw-ITEM", "ITEMTOKEN");
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      FeedHandler feed = new FeedHandler();
      String itemWithSecrets =
          "http://reader:pw-ITEM@127.0.0.1:"
              + server.port()
              + "/missing/1?access_token=ITEMTOKEN&id=7";
      feed.xml.set(rss("News", "/a/1", itemWithSecrets));
      server
          .route("/feed.xml", feed)
          .route("/a", new ArticleHandler())
          .route("/missing", new NotFound())
          .route("/gone.xml", new NotFound());
      String port = String.valueOf(server.port());
      String goodFeed =
          "http://reader:hunter2@127.0.0.1:" + port + "/feed.xml?access_token=tok-SECRET-42";
      String goneFeed =
          "http://reader:hunter2@127.0.0.1:" + port + "/gone.xml?access_token=tok-SECRET-42";
      try (IngestService s =
          IngestService.builder(TestConfigs.fast(), sink)
              .feeds(List.of(goodFeed, goneFeed))
              .build()) {
        s.runOnce();
      }
    } finally {
      root.detachAppender(logs);
    }
    // Something of each happened: the good item came, the 404s are dead letters.
    assertThat(sink.documents()).hasSize(1);
    assertThat(sink.deadLetters()).hasSize(2);
    List<String> written = new java.util.ArrayList<>();
    for (ch.qos.logback.classic.spi.ILoggingEvent e : logs.list) {
      written.add(e.getFormattedMessage());
      if (e.getThrowableProxy() != null) {
        written.add(e.getThrowableProxy().getMessage());
      }
    }
    for (DeadLetter d : sink.deadLetters()) {
      written.add(d.toString());
    }
    for (RawDocument d : sink.documents()) {
      written.add(d.getSource() + " " + d.getUrl() + " " + d.getCanonicalUrl() + " " + d.getItem());
    }
    sink.states()
        .forEach(
            (key, st) -> {
              written.add(key);
              written.add(st.toString());
            });
    assertThat(logs.list).isNotEmpty();
    for (String secret : secrets) {
      assertThat(written).noneSatisfy(w -> assertThat(w).contains(secret));
    }
  }

  @Test
  void aFeedWhoseItemAnotherPollHasInFlightIsNotRecordedAsRead() throws Exception {
    // Feeds A and B list the same story. A claims it and is still fetching it when B reads its
    // own feed: B must not record its feed as read (validators, content hash), since A may yet
    // fail to publish, and an unchanged feed is never looked at again. (Two polls of one source
    // at once, after a lost partition came back, lost a whole feed this way in ClusterFaultIT.)
    java.util.concurrent.CountDownLatch bDone = new java.util.concurrent.CountDownLatch(1);
    FeedHandler a = new FeedHandler();
    a.xml.set(rss("A", "/slow/shared"));
    FeedHandler b = new FeedHandler();
    b.xml.set(rss("B", "/slow/shared", "/a/only-in-b"));
    java.util.concurrent.CountDownLatch aFetching = new java.util.concurrent.CountDownLatch(1);
    server
        .route("/a.xml", a)
        .route(
            "/b.xml",
            ex -> {
              // B's feed arrives once A has claimed the story and is fetching it.
              try {
                aFetching.await(5, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              b.handle(ex);
            })
        .route("/a", new ArticleHandler())
        .route(
            "/slow",
            ex -> {
              aFetching.countDown();
              try {
                bDone.await(5, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              respond(ex, 200, "text/html", "<p>shared story</p>");
            });
    // B's poll needs no fetch of the shared story: it commits first. A's commit (the second
    // publish) fails.
    sink.failPublish = 2;
    // One host serves both feeds: it takes more than one request at a time here.
    IngestConfig config =
        TestConfigs.fast().toBuilder().respectRobots(false).perHostConnections(4).build();
    try (IngestService s =
        IngestService.builder(config, sink)
            .feeds(List.of(server.url("/a.xml"), server.url("/b.xml")))
            .build()) {
      Thread poll =
          new Thread(
              () -> {
                try {
                  s.runOnce();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      poll.start();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> sink.states().containsKey(server.url("/b.xml")));
      bDone.countDown();
      poll.join(10_000);
      SourceState bState = sink.states().get(server.url("/b.xml"));
      assertThat(bState.getContentHash()).as("B's feed not recorded as read").isNull();
      assertThat(bState.getEtag()).isNull();
      assertThat(sink.documents())
          .extracting(d -> String.valueOf(d.getUrl()))
          .containsExactly(server.url("/a/only-in-b"));
    }
  }

  @Test
  void twentyHostsAnswering429DoNotDelayAGoodPageOnAnotherHost() throws Exception {
    // Twenty hosts (127.0.0.10 to .29), each answering 429 with Retry-After: 60.
    List<com.sun.net.httpserver.HttpServer> busy = new java.util.ArrayList<>();
    List<String> busyLinks = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger busyHits =
        new java.util.concurrent.atomic.AtomicInteger();
    try {
      for (int i = 0; i < 20; i++) {
        com.sun.net.httpserver.HttpServer h =
            com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0." + (10 + i), 0), 16);
        h.createContext(
            "/",
            ex -> {
              busyHits.incrementAndGet();
              ex.getResponseHeaders().set("Retry-After", "60");
              respond(ex, 429, "text/plain", "slow down");
              ex.close();
            });
        h.start();
        busy.add(h);
        busyLinks.add("http://127.0.0." + (10 + i) + ":" + h.getAddress().getPort() + "/story");
      }
      FeedHandler crowded = new FeedHandler();
      List<String> links = new java.util.ArrayList<>(busyLinks);
      links.add("/a/behind-the-busy-ones");
      crowded.xml.set(rss("Crowded", links.toArray(String[]::new)));
      FeedHandler other = new FeedHandler();
      other.xml.set(rss("Other", "/a/other-feed"));
      server
          .route("/crowded.xml", crowded)
          .route("/other.xml", other)
          .route("/a", new ArticleHandler());
      IngestConfig config =
          TestConfigs.fast().toBuilder()
              .allowNetworks(List.of("127.0.0.0/24"))
              .respectRobots(false)
              .build();
      long t0 = System.nanoTime();
      IngestSummary summary;
      try (IngestService s =
          IngestService.builder(config, sink)
              .feeds(List.of(server.url("/crowded.xml"), server.url("/other.xml")))
              .build()) {
        summary = s.runOnce();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      // Nobody slept on a Retry-After: each busy host was asked once, and both good pages came.
      assertThat(took).isLessThan(Duration.ofSeconds(5));
      assertThat(busyHits).hasValue(20);
      assertThat(summary.documents()).isEqualTo(2);
      assertThat(sink.documents())
          .extracting(d -> String.valueOf(d.getUrl()))
          .anySatisfy(u -> assertThat(u).endsWith("/a/behind-the-busy-ones"))
          .anySatisfy(u -> assertThat(u).endsWith("/a/other-feed"));
      // They are retried at a later poll, not dead-lettered now.
      assertThat(sink.deadLetters()).isEmpty();
    } finally {
      busy.forEach(h -> h.stop(0));
    }
  }

  @Test
  void aRedirectIntoABlockedAddressIsBlockedNotARobotsMatter() throws Exception {
    FeedHandler feed = new FeedHandler();
    feed.xml.set(rss("News", "/hop/1", "/a/1"));
    server
        .route("/feed.xml", feed)
        .route("/robots.txt", new RobotsHandler())
        .route("/a", new ArticleHandler())
        .route(
            "/hop",
            ex -> {
              ex.getResponseHeaders()
                  .set("Location", "http://127.0.0.2:" + server.port() + "/internal");
              respond(ex, 302, null, new byte[0]);
            });
    IngestConfig config = TestConfigs.fast().toBuilder().respectRobots(true).build();
    try (IngestService s =
        IngestService.builder(config, sink).feeds(List.of(server.url("/feed.xml"))).build()) {
      assertThat(s.runOnce().documents()).isEqualTo(1);
    }
    assertThat(sink.deadLetters())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getAttributes()).containsEntry("code", "blocked_address");
              assertThat(d.getReason()).contains("redirect to http://127.0.0.2:");
            });
  }

  @Test
  void aStalledFirstItemCannotMakeAPollHoldMoreThanItsLookAhead() throws Exception {
    // The first item's host answers only after 2 s; behind it, thirty 100 KB pages on the
    // feed's host are fetched while it stalls and wait for it in memory (the poll applies items
    // in feed order), as many as the look-ahead allows and no more.
    byte[] page = ("<html><body><p>" + "word ".repeat(20_000) + "</p></body></html>").getBytes();
    java.util.concurrent.atomic.AtomicInteger served =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger whileStalled =
        new java.util.concurrent.atomic.AtomicInteger(-1);
    com.sun.net.httpserver.HttpServer slow =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress("127.0.0.60", 0), 16);
    slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    slow.createContext(
        "/",
        ex -> {
          try {
            Thread.sleep(2000); // the stall being simulated
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          whileStalled.set(served.get());
          respond(ex, 200, "text/html", "<html><body><p>slow but fine</p></body></html>");
        });
    slow.start();
    try {
      List<String> links = new java.util.ArrayList<>();
      links.add("http://127.0.0.60:" + slow.getAddress().getPort() + "/first");
      for (int i = 0; i < 30; i++) {
        links.add("/big/" + i);
      }
      FeedHandler feed = new FeedHandler();
      feed.xml.set(rss("Stalled first", links.toArray(String[]::new)));
      server
          .route("/feed.xml", feed)
          .route(
              "/big",
              ex -> {
                served.incrementAndGet();
                respond(ex, 200, "text/html", page);
              });
      IngestConfig base =
          TestConfigs.fast().toBuilder()
              .allowNetworks(List.of("127.0.0.0/24"))
              .respectRobots(false)
              .readTimeout(Duration.ofSeconds(10))
              .build();
      // Bounded by items: 4 results ahead at most; by bytes: fetches start while fewer than
      // 250 KB are held (so at most three 100 KB pages); the defaults hold the whole feed.
      int byDefault = heldWhileStalled(base, served, whileStalled);
      int byItems =
          heldWhileStalled(base.toBuilder().lookAhead(4, 1L << 30).build(), served, whileStalled);
      int byBytes =
          heldWhileStalled(base.toBuilder().lookAhead(64, 250_000).build(), served, whileStalled);
      System.out.printf(
          "Pages held behind a stalled first item: %d by default, %d with 4 items, %d with"
              + " 250,000 bytes of look-ahead%n",
          byDefault, byItems, byBytes);
      assertThat(byDefault).as("the test's feed outruns the bounds below").isGreaterThan(4);
      assertThat(byItems).isBetween(1, 4);
      assertThat(byBytes).isBetween(1, 3);
    } finally {
      slow.stop(0);
    }
  }

  /**
   * Runs one poll of the feed with {@code config}: how many pages were fetched while its first item
   * stalled; and every item still arrives, in feed order.
   */
  private int heldWhileStalled(
      IngestConfig config,
      java.util.concurrent.atomic.AtomicInteger served,
      java.util.concurrent.atomic.AtomicInteger whileStalled)
      throws Exception {
    served.set(0);
    whileStalled.set(-1);
    RecordingSink fresh = new RecordingSink();
    try (IngestService s =
        IngestService.builder(config, fresh).feeds(List.of(server.url("/feed.xml"))).build()) {
      s.runOnce();
    }
    assertThat(fresh.documents()).hasSize(31);
    assertThat(fresh.documents().get(0).getUrl().toString()).endsWith("/first");
    assertThat(fresh.documents().subList(1, 31))
        .extracting(d -> d.getUrl().toString().replaceAll(".*/big/", ""))
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 30).mapToObj(String::valueOf).toList());
    assertThat(fresh.deadLetters()).isEmpty();
    return whileStalled.get();
  }

  @Test
  void aPollThatHitsItemsWithoutAHostOrWithForeignSchemesLosesNoOtherItem() throws Exception {
    // The probe that once ended a whole poll: file:///etc/passwd has no host, and robots.txt is
    // respected here (the lookup of its robots URL threw), with good items before and after.
    FeedHandler feed = new FeedHandler();
    feed.xml.set(
        rss(
            "Mixed",
            "/a/before",
            "file:///etc/passwd",
            "gopher://127.0.0.1/secret",
            "http:///no-host",
            "/a/after"));
    server
        .route("/feed.xml", feed)
        .route("/a", new ArticleHandler())
        .route("/robots.txt", new RobotsHandler());
    IngestConfig config = TestConfigs.fast().toBuilder().respectRobots(true).build();
    try (IngestService s =
        IngestService.builder(config, sink).feeds(List.of(server.url("/feed.xml"))).build()) {
      IngestSummary first = s.runOnce();
      assertThat(first.documents()).isEqualTo(2);
      assertThat(sink.documents())
          .extracting(d -> String.valueOf(d.getUrl()))
          .containsExactly(server.url("/a/before"), server.url("/a/after"));
      // Each bad item is a dead letter of its own, with the URL it named.
      assertThat(sink.deadLetters())
          .extracting(d -> String.valueOf(d.getUrl()))
          .anySatisfy(u -> assertThat(u).startsWith("file:"))
          .anySatisfy(u -> assertThat(u).startsWith("gopher:"))
          .anySatisfy(u -> assertThat(u).contains("no-host"));
      int letters = sink.deadLetters().size();
      // The next poll repeats nothing: the good items are seen, the bad ones handled.
      feed.etag.set("\"2\"");
      assertThat(s.runOnce().documents()).isZero();
      assertThat(sink.deadLetters()).hasSize(letters);
    }
  }
}
