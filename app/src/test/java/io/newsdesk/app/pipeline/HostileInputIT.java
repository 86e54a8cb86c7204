package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsdesk.app.bench.HostileDocumentBench;
import io.newsdesk.app.demo.DemoRun;
import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.IngestSummary;
import io.newsdesk.ingest.receive.PushReceiver;
import io.newsdesk.ingest.receive.PushTokens;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes of issue 13 on a real broker, with local servers only: one feed holding blocked
 * addresses, foreign schemes, a redirect into loopback, a gzip bomb, an endless, a trickling and a
 * silent body, and two real articles; then pushes without and with the token, and a 5 MB text dense
 * with names followed by an ordinary article.
 */
class HostileInputIT {
  private static final Duration FETCH_DEADLINE = Duration.ofSeconds(3);

  @TempDir static Path dir;
  static KafkaEnvironment kafka;
  static HttpServer hostile;
  static String base;

  /** One server per probe, each on its own loopback address: five hosts. */
  static final List<HttpServer> probes = new ArrayList<>();

  static final Map<String, String> probeUrls = new java.util.LinkedHashMap<>();

  /** A feed on yet another host, polled while the hostile feed's probes stall. */
  static HttpServer good;

  static final java.util.concurrent.atomic.AtomicLong goodPageServedAt =
      new java.util.concurrent.atomic.AtomicLong();
  static byte[] gzipMember;

  /**
   * An internal server on another loopback address, never allowed: what blocked items, a gopher
   * link and a redirect point at. It counts every request it gets.
   */
  static HttpServer inner;

  static final java.util.concurrent.atomic.AtomicInteger innerRequests =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The 5 MB text page dense with names, made once. */
  static byte[] denseText;

  @BeforeAll
  static void start() throws IOException {
    kafka = DemoRun.embedded(dir);
    hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    hostile.setExecutor(Executors.newCachedThreadPool());
    base = "http://127.0.0.1:" + hostile.getAddress().getPort();
    int port = hostile.getAddress().getPort();
    hostile.createContext("/feed.xml", ex -> send(ex, 200, "application/rss+xml", feed(port)));
    hostile.createContext(
        "/a/", ex -> send(ex, 200, "text/html", page(ex.getRequestURI().getPath())));
    hostile.createContext(
        "/redirect",
        ex -> {
          ex.getResponseHeaders().set("Location", "http://127.0.0.2:" + port + "/secret");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    hostile.createContext("/secret", ex -> send(ex, 200, "text/html", "<p>internal secret</p>"));
    inner = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 16);
    inner.createContext(
        "/",
        ex -> {
          innerRequests.incrementAndGet();
          send(ex, 200, "text/html", "<p>internal secret</p>");
        });
    inner.start();
    String innerBase = "http://127.0.0.2:" + inner.getAddress().getPort();
    hostile.createContext("/run-feed.xml", ex -> send(ex, 200, "application/rss+xml", runFeed()));
    hostile.createContext(
        "/run-redirect",
        ex -> {
          ex.getResponseHeaders().set("Location", innerBase + "/redirected");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    denseText =
        HostileDocumentBench.nameDenseText(5_000_000, 5_000, 7).getBytes(StandardCharsets.UTF_8);
    hostile.createContext(
        "/dense",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
          ex.sendResponseHeaders(200, denseText.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(denseText);
          }
        });
    hostile.start();
    // 64 MiB of zeros gzipped once (~64 KB); the bomb repeats this member 160 times: 10 GiB.
    java.io.ByteArrayOutputStream member = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(member)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gz.write(zeros);
      }
    }
    gzipMember = member.toByteArray();
    probe("127.0.0.3", "/bomb", HostileInputIT::gzipBomb);
    probe("127.0.0.4", "/endless", ex -> drip(ex, 64 * 1024, 0));
    probe("127.0.0.5", "/trickle", ex -> drip(ex, 16, 500));
    probe(
        "127.0.0.6",
        "/silent",
        ex -> {
          sleep(60_000);
          ex.close();
        });
    good = HttpServer.create(new InetSocketAddress("127.0.0.7", 0), 16);
    good.setExecutor(Executors.newCachedThreadPool());
    String goodBase = "http://127.0.0.7:" + good.getAddress().getPort();
    good.createContext(
        "/good.xml",
        ex ->
            send(
                ex,
                200,
                "application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Good</title>"
                    + "<item><title>Good one</title><link>"
                    + goodBase
                    + "/g/other-host-real</link></item></channel></rss>"));
    good.createContext(
        "/g/",
        ex -> {
          goodPageServedAt.compareAndSet(0, System.nanoTime());
          send(ex, 200, "text/html", page(ex.getRequestURI().getPath()));
        });
    good.start();
  }

  private static void probe(String address, String path, com.sun.net.httpserver.HttpHandler h)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(path, h);
    server.start();
    probes.add(server);
    probeUrls.put(path, "http://" + address + ":" + server.getAddress().getPort() + path);
  }

  @AfterAll
  static void stop() {
    for (HttpServer s : probes) {
      s.stop(0);
    }
    if (good != null) {
      good.stop(0);
    }
    if (inner != null) {
      inner.stop(0);
    }
    if (hostile != null) {
      hostile.stop(0);
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  /** The links of the feed {@code run --once} reads, with the code each probe must get. */
  private static Map<String, String> runProbes() {
    String innerBase = "http://127.0.0.2:" + inner.getAddress().getPort();
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(innerBase + "/secret", "blocked_address");
    m.put("http://169.254.169.254/latest/meta-data/iam/", "blocked_address");
    // (Not the links of the other test's feed: a URL one source handled is a duplicate here.)
    m.put("http://10.1.2.3/admin", "blocked_address");
    m.put("file:///etc/shadow", "unsupported_scheme");
    m.put("gopher://127.0.0.2:" + inner.getAddress().getPort() + "/secret", "unsupported_scheme");
    m.put(base + "/run-redirect", "blocked_address");
    m.put(probeUrls.get("/bomb") + "/run", "decompression_limit|too_large|fetch_deadline");
    m.put(probeUrls.get("/endless") + "/run", "too_large|fetch_deadline");
    m.put(probeUrls.get("/trickle") + "/run", "fetch_deadline");
    m.put(probeUrls.get("/silent") + "/run", "timeout");
    return m;
  }

  private static String runFeed() {
    List<String> links = new ArrayList<>();
    links.add(base + "/a/run-first");
    links.addAll(runProbes().keySet());
    links.add(base + "/dense/names");
    links.add(base + "/a/run-second");
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Run</title>");
    for (int i = 0; i < links.size(); i++) {
      sb.append("<item><title>Run item ")
          .append(i)
          .append("</title><link>")
          .append(links.get(i).replace("&", "&amp;"))
          .append("</link></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private static String feed(int port) {
    String[] links = {
      base + "/a/first-real",
      "http://127.0.0.2:" + port + "/secret",
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/admin",
      "file:///etc/passwd",
      "gopher://127.0.0.1:" + port + "/secret",
      base + "/redirect",
      probeUrls.get("/bomb"),
      probeUrls.get("/endless"),
      probeUrls.get("/trickle"),
      probeUrls.get("/silent"),
      // Behind all the probes, on the feed's own host: the probes' hosts stall, not this one.
      base + "/a/second-real"
    };
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hostile</title>");
    for (int i = 0; i < links.length; i++) {
      sb.append("<item><title>Item ")
          .append(i)
          .append("</title><link>")
          .append(links[i].replace("&", "&amp;"))
          .append("</link></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private static String page(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return "<html><head><title>Real "
        + name
        + "</title></head><body><article><h1>Real "
        + name
        + "</h1>"
        + "<p>The harbour council in Lindham voted on Tuesday to repair the old pier "
        + "before the winter storms, after engineers warned that the timber had rotted.</p>"
        + "<p>Work on the pier will start in October and last about six weeks, the council said,"
        + " and ferries to Port Calder will use the north quay while it is closed.</p>"
        + "<p>Fishermen welcomed the decision but asked for compensation for the lost weeks, and"
        + " the mayor promised to meet their association before the end of the month.</p>"
        + "<p>The repairs are expected to cost about two million pounds, most of it from a"
        + " regional fund for coastal towns that was set up after the floods three years ago.</p>"
        + "</article></body></html>";
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  /** 10 GiB of zeros as 160 gzip members of 64 MiB each: about 10 MB on the wire. */
  private static void gzipBomb(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/html");
    ex.getResponseHeaders().set("Content-Encoding", "gzip");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      for (int i = 0; i < 160; i++) {
        out.write(gzipMember);
      }
    } catch (IOException closedByClient) {
      // the fetcher hung up: that is the point
    }
  }

  private static void drip(HttpExchange ex, int chunk, long pauseMs) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/html");
    ex.sendResponseHeaders(200, 0);
    byte[] b = "<p>more</p>".repeat(Math.max(1, chunk / 11)).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = ex.getResponseBody()) {
      for (int i = 0; i < 1_000_000; i++) {
        out.write(b);
        out.flush();
        if (pauseMs > 0) {
          sleep(pauseMs);
        }
      }
    } catch (IOException closedByClient) {
      // cut by the fetcher
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aHostileFeedAndHostilePushesCannotStopTheRealArticles() throws Exception {
    IngestConfig config =
        IngestConfig.defaults().toBuilder()
            .perHostMinDelay(Duration.ZERO)
            .perHostConnections(4)
            .maxRetries(0)
            .readTimeout(FETCH_DEADLINE)
            .connectTimeout(Duration.ofSeconds(2))
            .respectRobots(false)
            // The feed's host, the five probe hosts and the good host; 127.0.0.2 stays blocked.
            .allowNetworks(List.of("127.0.0.1/32", "127.0.0.3/32", "127.0.0.4/31", "127.0.0.6/31"))
            // The default --item-retries: a bad body is still a dead letter at its first
            // deadline (one that says it will be tried again at later polls).
            .build();
    RunReport.Marks marks = RunReport.mark(kafka.bootstrapServers());
    try (Pipeline pipeline =
        Pipeline.start(
            kafka, EnrichComponents.standard(), dir.resolve("data"), dir.resolve("out"), false)) {
      IngestWiring.Sources sources =
          new IngestWiring.Sources(
              List.of(
                  base + "/feed.xml",
                  "http://127.0.0.7:" + good.getAddress().getPort() + "/good.xml"),
              List.of(),
              null,
              null);
      IngestSummary summary;
      long t0 = System.nanoTime();
      int unauthorized;
      int authorized;
      long ordinaryPushAt;
      long pollMs;
      try (IngestWiring ingest = IngestWiring.open(kafka, config, sources, "hostile")) {
        summary = ingest.service().runOnce();
        pollMs = (System.nanoTime() - t0) / 1_000_000;
        // The hostile feed costs at most one deadline per stalling probe (the bomb and the
        // endless body are cut at the size limit sooner), not a retry loop.
        assertThat(pollMs).isLessThan(4 * FETCH_DEADLINE.toMillis() + 20_000);
        // Meanwhile the other host's feed was read and its article fetched at once.
        long goodMs = (goodPageServedAt.get() - t0) / 1_000_000;
        assertThat(goodPageServedAt.get()).isNotZero();
        assertThat(goodMs).isLessThan(FETCH_DEADLINE.toMillis() + 2_000);

        String token = PushTokens.generate();
        try (PushReceiver receiver =
            new PushReceiver(
                    config.toBuilder().pushToken(token).build(),
                    0,
                    ingest.sink(),
                    Clock.systemUTC(),
                    () -> true)
                .start()) {
          HttpClient http = HttpClient.newHttpClient();
          URI uri = URI.create("http://127.0.0.1:" + receiver.port() + "/articles");
          unauthorized =
              http.send(
                      HttpRequest.newBuilder(uri)
                          .header("Content-Type", "text/plain")
                          .POST(HttpRequest.BodyPublishers.ofString("Forged article text."))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode();
          String dense = HostileDocumentBench.nameDenseText(5_000_000, 5_000, 42);
          authorized =
              http.send(
                      HttpRequest.newBuilder(uri)
                          .header("Content-Type", "text/plain; charset=utf-8")
                          .header("Authorization", "Bearer " + token)
                          .POST(HttpRequest.BodyPublishers.ofString(dense))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode();
          ordinaryPushAt = System.nanoTime();
          int ordinary =
              http.send(
                      HttpRequest.newBuilder(uri)
                          .header("Content-Type", "text/plain; charset=utf-8")
                          .header("Authorization", "Bearer " + token)
                          .POST(
                              HttpRequest.BodyPublishers.ofString(
                                  ("Ordinary news: the ferry to Port Calder resumed service on"
                                          + " Friday after the storm, the operator said. Passengers"
                                          + " waited for two days in the harbour hall, where the"
                                          + " town served soup and blankets. The next crossing is"
                                          + " planned for Saturday morning if the wind drops.\n\n")
                                      .repeat(2)))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode();
          assertThat(ordinary).isEqualTo(202);
        }
      }
      assertThat(pipeline.awaitDrained(Duration.ofMinutes(3))).isTrue();
      long drainedMs = (System.nanoTime() - ordinaryPushAt) / 1_000_000;
      assertThat(pipeline.enrichFailure()).isNull();
      assertThat(unauthorized).isEqualTo(401);
      assertThat(authorized).isEqualTo(202);

      List<EnrichedArticle> articles = read(Topics.ARTICLES.name(), EnrichedArticle.class, marks);
      List<DeadLetter> letters = read(Topics.DEAD_LETTERS.name(), DeadLetter.class, marks);
      List<String> titles =
          articles.stream().map(a -> String.valueOf(a.getArticle().getTitle())).toList();
      assertThat(titles).anySatisfy(t -> assertThat(t).contains("first-real"));
      assertThat(titles).anySatisfy(t -> assertThat(t).contains("second-real"));
      assertThat(articles)
          .noneSatisfy(a -> assertThat(a.getArticle().getText()).contains("internal secret"));
      assertThat(articles)
          .noneSatisfy(a -> assertThat(a.getArticle().getText()).contains("Forged"));
      EnrichedArticle dense =
          articles.stream()
              .filter(a -> a.getLimits() != null && a.getLimits().getTextChars() > 1_000_000)
              .findFirst()
              .orElseThrow();
      assertThat(dense.getLimits()).isNotNull();
      assertThat(dense.getLimits().getAnalysedChars()).isLessThan(dense.getLimits().getTextChars());
      // The text itself is cut once, early, at the text cap; the removal records what was left.
      assertThat(dense.getArticle().getText().length()).isLessThanOrEqualTo(200_000);
      assertThat(dense.getArticle().getRemoved())
          .anySatisfy(r -> assertThat(r.getReason()).isEqualTo("text_limit"));
      assertThat(articles)
          .anySatisfy(a -> assertThat(a.getArticle().getText()).contains("ferry to Port Calder"));
      // The ordinary push behind the 5 MB one is not stalled by it (everything here drains, the
      // feed's own 5 MB page included); OversizedPushIT measures the delay one big push causes
      // against the 10 s.
      assertThat(drainedMs).isLessThan(60_000);

      List<String> reasons = letters.stream().map(d -> d.getReason() + " " + d.getUrl()).toList();
      long blocked = reasons.stream().filter(r -> r.contains("blocked_address")).count();
      assertThat(blocked)
          .as(reasons.toString())
          .isGreaterThanOrEqualTo(4); // 127.0.0.2, metadata, 10/8, redirect
      assertThat(reasons).anySatisfy(r -> assertThat(r).contains("file:"));
      assertThat(reasons).anySatisfy(r -> assertThat(r).contains("gopher:"));
      assertThat(titles).anySatisfy(t -> assertThat(t).contains("other-host-real"));
      // The bomb, the endless, trickling and silent bodies are cut at the body limit or the fetch
      // deadline: never published, each a dead letter with its reason and what came (capped).
      for (String bad : List.of("/bomb", "/endless", "/trickle", "/silent", "/secret")) {
        assertThat(articles).noneSatisfy(a -> assertThat(a.getArticle().getUrl()).endsWith(bad));
      }
      Map<String, DeadLetter> byProbe = new java.util.HashMap<>();
      for (DeadLetter d : letters) {
        for (String probe : probeUrls.keySet()) {
          if (String.valueOf(d.getUrl()).endsWith(probe)) {
            byProbe.put(probe, d);
          }
        }
      }
      assertThat(byProbe).as(reasons.toString()).containsOnlyKeys(probeUrls.keySet());
      // Cut at the decompressed-size limit, or, when the probes are fetched at once on a busy
      // machine, at the fetch deadline first; either way within the deadline and capped.
      assertThat(byProbe.get("/bomb").getAttributes().get("code"))
          .isIn("decompression_limit", "too_large", "fetch_deadline");
      assertThat(byProbe.get("/endless").getAttributes().get("code"))
          .isIn("too_large", "fetch_deadline");
      assertThat(byProbe.get("/trickle").getAttributes()).containsEntry("code", "fetch_deadline");
      assertThat(byProbe.get("/silent").getAttributes()).containsEntry("code", "timeout");
      for (String withBytes : List.of("/bomb", "/endless", "/trickle")) {
        assertThat(byProbe.get(withBytes).getOriginalBytes().remaining())
            .as(withBytes)
            .isBetween(1, 64 * 1024);
      }
      assertThat(byProbe.get("/silent").getOriginalBytes().remaining()).isZero();
      System.out.printf(
          "HostileInputIT: poll of the hostile feed %d ms (fetch deadline %d ms), %d documents,"
              + " %d dead letters %s; ordinary push drained %d ms after the 5 MB one; cut %s%n",
          pollMs,
          FETCH_DEADLINE.toMillis(),
          summary.documents(),
          summary.deadLetters(),
          byProbe.values().stream().map(d -> d.getAttributes().get("code")).toList(),
          drainedMs,
          dense.getLimits());
    }
  }

  /**
   * The "run --once over a feed holding all of the above": the real command line (its
   * flags, an in-process call of the CLI entry point) on this class's broker, with the probes'
   * hosts opened by --allow-network and --allow-host, and 127.0.0.2 left blocked.
   */
  @Test
  void runOnceOverAFeedHoldingEveryProbeEndsSoonWithItsRealArticlesDelivered() throws Exception {
    java.nio.file.Path feeds = dir.resolve("run-feeds.txt");
    java.nio.file.Files.writeString(feeds, base + "/run-feed.xml\n");
    java.nio.file.Path out = dir.resolve("run-out");
    URI silent = URI.create(probeUrls.get("/silent"));
    RunReport.Marks marks = RunReport.mark(kafka.bootstrapServers());
    long t0 = System.nanoTime();
    int exit =
        io.newsdesk.app.Newsdesk.commandLine()
            .execute(
                "run",
                "--once",
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--data-dir",
                dir.resolve("run-data").toString(),
                "--out",
                out.toString(),
                "--feeds",
                feeds.toString(),
                "--http",
                "none",
                "--fetch-deadline",
                "3",
                "--allow-network",
                "127.0.0.1/32",
                "--allow-network",
                "127.0.0.3/32",
                "--allow-network",
                "127.0.0.4/31",
                "--allow-host",
                silent.getHost() + ":" + silent.getPort());
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(exit).isZero();
    assertThat(took).isLessThan(Duration.ofMinutes(5));

    // The sink files: both real articles exactly once, the dense page once with its cut
    // recorded, nothing of a probe and nothing of the internal server.
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(out)) {
      for (java.nio.file.Path f :
          files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : java.nio.file.Files.readAllLines(f, StandardCharsets.UTF_8)) {
          lines.add(json.readTree(line));
        }
      }
    }
    List<String> urls = lines.stream().map(n -> n.path("article").path("url").asText()).toList();
    // (The sink's group may write the other test's articles into these files too.)
    assertThat(urls)
        .as("article URLs in the sink files")
        .containsOnlyOnce(base + "/a/run-first", base + "/a/run-second", base + "/dense/names")
        .noneMatch(u -> runProbes().containsKey(u) || u.contains("127.0.0.2"));
    com.fasterxml.jackson.databind.JsonNode dense = lines.get(urls.indexOf(base + "/dense/names"));
    assertThat(dense.path("limits").isNull() || dense.path("limits").isMissingNode())
        .as("the 5 MB page's cut is recorded: %s", dense.path("limits"))
        .isFalse();
    assertThat(lines).noneSatisfy(n -> assertThat(n.toString()).contains("internal secret"));

    // Each probe a dead letter with its reason, once; the blocked ones never requested.
    List<DeadLetter> letters = read(Topics.DEAD_LETTERS.name(), DeadLetter.class, marks);
    Map<String, String> expected = runProbes();
    Map<String, List<String>> codes = new java.util.LinkedHashMap<>();
    for (DeadLetter d : letters) {
      if (expected.containsKey(String.valueOf(d.getUrl()))) {
        codes
            .computeIfAbsent(String.valueOf(d.getUrl()), k -> new ArrayList<>())
            .add(d.getAttributes().get("code"));
      }
    }
    List<String> all = letters.stream().map(d -> d.getUrl() + " " + d.getReason()).toList();
    assertThat(codes).as(all.toString()).containsOnlyKeys(expected.keySet());
    expected.forEach(
        (url, code) -> assertThat(codes.get(url)).as(url).singleElement().asString().matches(code));
    assertThat(innerRequests).as("requests to the blocked internal server").hasValue(0);
    System.out.printf(
        "HostileInputIT: run --once over one feed of %d probes and 3 pages took %.1f s (fetch"
            + " deadline 3 s); %d articles in the files; dead letters %s; dense page cut %s%n",
        expected.size(), took.toMillis() / 1e3, lines.size(), codes, dense.path("limits"));
  }

  private <T extends org.apache.avro.specific.SpecificRecordBase> List<T> read(
      String topic, Class<T> type, RunReport.Marks marks) {
    AvroCodec<T> codec = AvroCodec.of(type);
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("isolation.level", "read_committed");
    List<T> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> tps =
          c.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      c.assign(tps);
      Map<TopicPartition, Long> ends = c.endOffsets(tps);
      for (TopicPartition tp : tps) {
        c.seek(tp, marks.offsets().getOrDefault(tp, 0L));
      }
      long until = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < until
          && tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          out.add(codec.decode(r.value()));
        }
      }
    }
    return out;
  }
}
