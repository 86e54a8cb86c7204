package io.newsdesk.ingest.fetch;

import static io.newsdesk.ingest.testing.LocalServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.TestConfigs;
import io.newsdesk.ingest.testing.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private final LocalServer server = new LocalServer();
  private final IngestConfig config = TestConfigs.fast();
  private final HttpFetcher fetcher = new HttpFetcher(config, null);

  @AfterEach
  void stop() {
    server.close();
  }

  /** 200 with validators; 304 when the client sends them back. */
  static final class ConditionalHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      ex.getResponseHeaders().set("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT");
      if ("\"v1\"".equals(inm) || "Mon, 01 Jan 2024 00:00:00 GMT".equals(ims)) {
        respond(ex, 304, null, new byte[0]);
      } else {
        respond(ex, 200, "text/html; charset=utf-8", "<p>hello</p>");
      }
    }
  }

  static final class UserAgentEcho implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      respond(ex, 200, "text/plain", ex.getRequestHeaders().getFirst("User-Agent"));
    }
  }

  static final class RedirectLoop implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      String next = ex.getRequestURI().getPath().endsWith("/a") ? "/loop/b" : "/loop/a";
      ex.getResponseHeaders().set("Location", next);
      respond(ex, 302, null, new byte[0]);
    }
  }

  static final class RedirectOnce implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      ex.getResponseHeaders().set("Location", "../ok");
      respond(ex, 301, null, new byte[0]);
    }
  }

  static final class Status implements HttpHandler {
    private final int status;

    Status(int status) {
      this.status = status;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
      respond(ex, status, "text/html", "<h1>" + status + "</h1>");
    }
  }

  /** Fails with {@code status} (and Retry-After) the first time, then answers 200. */
  static final class FailOnceThenOk implements HttpHandler {
    private final int status;
    private final String retryAfter;
    private final AtomicInteger calls = new AtomicInteger();

    FailOnceThenOk(int status, String retryAfter) {
      this.status = status;
      this.retryAfter = retryAfter;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
      if (calls.getAndIncrement() == 0) {
        if (retryAfter != null) {
          ex.getResponseHeaders().set("Retry-After", retryAfter);
        }
        respond(ex, status, "text/plain", "busy");
      } else {
        respond(ex, 200, "text/plain", "fine");
      }
    }
  }

  /** Sends headers and a first chunk, then stalls until released. */
  static final class SlowBody implements HttpHandler {
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void handle(HttpExchange ex) throws IOException {
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write("<p>start".getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Streams more bytes than allowed, without Content-Length. */
  static final class HugeBody implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      ex.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[64 * 1024];
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 64; i++) {
          out.write(chunk);
        }
      } catch (IOException clientGaveUp) {
        // expected: the fetcher stops reading
      }
    }
  }

  static final class Gzipped implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
        gz.write("<rss>compressed</rss>".getBytes(StandardCharsets.UTF_8));
      }
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      respond(ex, 200, "application/rss+xml", bytes.toByteArray());
    }
  }

  /** Declares no charset in the header; the page's meta tag names windows-1252. */
  static final class MetaCharset implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
      byte[] body =
          "<html><head><meta charset=\"windows-1252\"></head><body>caf\u00e9</body></html>"
              .getBytes("windows-1252");
      respond(ex, 200, "text/html", body);
    }
  }

  @Test
  void fetchesA200WithValidatorsAndTheUserAgent() throws Exception {
    server.route("/page", new ConditionalHandler()).route("/ua", new UserAgentEcho());
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/page")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");
    assertThat(r.etag()).isEqualTo("\"v1\"");
    assertThat(r.contentType()).isEqualTo("text/html");
    assertThat(r.charset()).isEqualTo("UTF-8");
    FetchResult ua = fetcher.fetch(FetchRequest.of(server.url("/ua")));
    assertThat(new String(ua.body(), StandardCharsets.UTF_8))
        .isEqualTo(IngestConfig.DEFAULT_USER_AGENT);
  }

  @Test
  void conditionalGetYieldsNotModified() throws Exception {
    server.route("/page", new ConditionalHandler());
    FetchResult r = fetcher.fetch(new FetchRequest(server.url("/page"), "\"v1\"", null));
    assertThat(r.notModified()).isTrue();
    assertThat(r.body()).isEmpty();
    FetchResult byDate =
        fetcher.fetch(new FetchRequest(server.url("/page"), null, "Mon, 01 Jan 2024 00:00:00 GMT"));
    assertThat(byDate.notModified()).isTrue();
  }

  @Test
  void followsRedirectsAndReportsTheFinalUrl() throws Exception {
    server.route("/moved/here", new RedirectOnce()).route("/ok", new Status(200));
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/moved/here")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.finalUrl()).isEqualTo(server.url("/ok"));
  }

  @Test
  void stopsARedirectLoop() {
    server.route("/loop", new RedirectLoop());
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/loop/a"))))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.isRetriable()).isFalse();
              assertThat(e.getMessage()).contains("redirect loop");
            });
  }

  @Test
  void notFoundAndGoneArePermanent() {
    server.route("/missing", new Status(404)).route("/gone", new Status(410));
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/missing"))))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.kind()).isEqualTo(FetchException.Kind.PERMANENT);
              assertThat(e.mimeType()).isEqualTo("text/html");
            });
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/gone"))))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.status()).isEqualTo(410));
    assertThat(server.hits("/missing")).isEqualTo(1);
  }

  @Test
  void retriesTooManyRequestsAfterRetryAfter() throws Exception {
    server.route("/busy", new FailOnceThenOk(429, "0"));
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/busy")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(server.hits("/busy")).isEqualTo(2);
  }

  @Test
  void givesUpAtOnceWhenRetryAfterIsLongerThanTheBackoffCap() {
    server.route("/later", new FailOnceThenOk(429, "3600"));
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/later"))))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.isRetriable()).isTrue();
              assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
            });
    assertThat(server.hits("/later")).isEqualTo(1);
  }

  @Test
  void retriesAServerErrorThenSucceeds() throws Exception {
    server.route("/flaky", new FailOnceThenOk(500, null));
    assertThat(fetcher.fetch(FetchRequest.of(server.url("/flaky"))).status()).isEqualTo(200);
  }

  @Test
  void persistentServerErrorIsRetriableAfterRetries() {
    server.route("/down", new Status(503));
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/down"))))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.isRetriable()).isTrue());
    assertThat(server.hits("/down")).isEqualTo(1 + config.maxRetries());
  }

  @Test
  void slowBodyTimesOut() {
    SlowBody slow = new SlowBody();
    server.route("/slow", slow);
    HttpFetcher impatient =
        new HttpFetcher(
            config.toBuilder().readTimeout(Duration.ofMillis(300)).maxRetries(0).build(), null);
    try {
      assertThatThrownBy(() -> impatient.fetch(FetchRequest.of(server.url("/slow"))))
          .isInstanceOfSatisfying(
              FetchException.class,
              e -> {
                assertThat(e.isRetriable()).isTrue();
                assertThat(e.timedOut()).isTrue();
                assertThat(e.code()).isEqualTo("fetch_deadline");
                assertThat(new String(e.received(), StandardCharsets.UTF_8)).isEqualTo("<p>start");
              });
    } finally {
      slow.release.countDown();
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutAtTheDeadline() {
    CountDownLatch release = new CountDownLatch(1);
    server.route(
        "/silent",
        ex -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.close();
        });
    HttpFetcher impatient =
        new HttpFetcher(
            config.toBuilder().readTimeout(Duration.ofMillis(300)).maxRetries(0).build(), null);
    long t0 = System.nanoTime();
    try {
      assertThatThrownBy(() -> impatient.fetch(FetchRequest.of(server.url("/silent"))))
          .isInstanceOfSatisfying(
              FetchException.class,
              e -> {
                assertThat(e.code()).isEqualTo("timeout");
                assertThat(e.isRetriable()).isTrue();
                assertThat(e.received()).isEmpty();
              });
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    } finally {
      release.countDown();
    }
  }

  @Test
  void aGzipBombIsCutAtTheDecompressedLimit() {
    server.route(
        "/bomb",
        ex -> {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[64 * 1024];
            for (int i = 0; i < 64; i++) {
              gz.write(zeros); // 4 MiB of zeros, a few KiB on the wire
            }
          }
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          respond(ex, 200, "text/html", bytes.toByteArray());
        });
    HttpFetcher small = new HttpFetcher(config.toBuilder().maxBodyBytes(100_000).build(), null);
    assertThatThrownBy(() -> small.fetch(FetchRequest.of(server.url("/bomb"))))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.code()).isEqualTo("decompression_limit");
              assertThat(e.isRetriable()).isFalse();
              // The compressed bytes that came, for the dead letter (gzip magic first).
              assertThat(e.received()).isNotEmpty().startsWith((byte) 0x1f, (byte) 0x8b);
            });
  }

  @Test
  void hugeBodyIsAbortedAtTheLimit() {
    server.route("/huge", new HugeBody());
    HttpFetcher small = new HttpFetcher(config.toBuilder().maxBodyBytes(100_000).build(), null);
    assertThatThrownBy(() -> small.fetch(FetchRequest.of(server.url("/huge"))))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.isRetriable()).isFalse();
              assertThat(e.code()).isEqualTo("too_large");
              assertThat(e.getMessage()).contains("body larger than 100000 bytes");
              assertThat(e.received()).hasSizeBetween(1, 64 * 1024);
            });
  }

  @Test
  void decompressesGzip() throws Exception {
    server.route("/gz", new Gzipped());
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/gz")));
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>compressed</rss>");
  }

  @Test
  void findsTheCharsetInAMetaTagWhenTheHeaderHasNone() throws Exception {
    server.route("/latin", new MetaCharset());
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/latin")));
    assertThat(r.charset()).isEqualTo("windows-1252");
    assertThat(new String(r.body(), r.charset())).contains("caf\u00e9");
  }

  @Test
  void parsesRetryAfterAsSecondsOrHttpDate() {
    assertThat(HttpFetcher.parseRetryAfter("120")).isEqualTo(Duration.ofSeconds(120));
    assertThat(HttpFetcher.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
        .isEqualTo(Duration.ZERO);
    assertThat(HttpFetcher.parseRetryAfter("soon")).isNull();
  }

  @Test
  void connectionRefusedIsRetriable() {
    HttpFetcher once = new HttpFetcher(config.toBuilder().maxRetries(0).build(), null);
    assertThatThrownBy(() -> once.fetch(FetchRequest.of("http://127.0.0.1:1/x")))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.isRetriable()).isTrue());
  }
}
