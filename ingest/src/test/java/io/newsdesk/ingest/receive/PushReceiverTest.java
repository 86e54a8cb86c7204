package io.newsdesk.ingest.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.ingest.Ids;
import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.publish.DocumentSink;
import io.newsdesk.ingest.testing.RecordingSink;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.RawDocument;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushReceiverTest {
  private static final String TOKEN = "test-token-0123456789abcdef";
  private final RecordingSink sink = new RecordingSink();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private PushReceiver receiver;

  private static IngestConfig.Builder config() {
    return IngestConfig.builder()
        .maxPushBytes(10_000)
        .pushToken(TOKEN)
        .maxPushArticles(5)
        .pushReadTimeout(Duration.ofSeconds(1))
        .pushThreads(4);
  }

  @BeforeEach
  void start() throws Exception {
    receiver = new PushReceiver(config().build(), 0, sink, Clock.systemUTC(), () -> true).start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private HttpResponse<String> post(String contentType, String body) throws Exception {
    return post(contentType, body, TOKEN);
  }

  private HttpResponse<String> post(String contentType, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/articles"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsAJsonArticleWith202AndItsId() throws Exception {
    HttpResponse<String> r =
        post(
            "application/json",
            "{\"url\":\"https://Example.com/x?utm_source=a\",\"title\":\"T\",\"html\":\"<p>Hi</p>\","
                + "\"published\":\"2024-01-01T00:00:00Z\",\"source\":\"wire\"}");
    assertThat(r.statusCode()).isEqualTo(202);
    JsonNode ids = json.readTree(r.body()).get("ids");
    assertThat(ids).hasSize(1);
    RawDocument d = sink.documents().get(0);
    assertThat(ids.get(0).asText()).isEqualTo(d.getId());
    assertThat(d.getId()).isEqualTo(Ids.forUrl("https://example.com/x"));
    assertThat(d.getArrival()).isEqualTo(Arrival.PUSH);
    assertThat(d.getContentType()).isEqualTo("text/html");
    assertThat(d.getSource()).isEqualTo("wire");
    assertThat(d.getItem().getTitle()).isEqualTo("T");
    assertThat(d.getItem().getPublished()).isEqualTo(1704067200000L);
    assertThat(new String(d.getBody().array(), StandardCharsets.UTF_8)).isEqualTo("<p>Hi</p>");
  }

  @Test
  void aPushWithoutTheRightTokenGets401AndPublishesNothing() throws Exception {
    HttpResponse<String> none = post("text/plain", "sneaky", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(post("text/plain", "sneaky", TOKEN + "x").statusCode()).isEqualTo(401);
    assertThat(post("text/plain", "sneaky", TOKEN.substring(1)).statusCode()).isEqualTo(401);
    assertThat(post("text/plain", "sneaky", "").statusCode()).isEqualTo(401);
    assertThat(sink.documents()).isEmpty();
    assertThat(receiver.unauthorized()).isEqualTo(4);
    assertThat(post("text/plain", "welcome").statusCode()).isEqualTo(202);
    assertThat(sink.documents()).hasSize(1);
  }

  @Test
  void acceptsAnArrayAndRawText() throws Exception {
    assertThat(post("application/json", "[{\"text\":\"one\"},{\"text\":\"two\"}]").statusCode())
        .isEqualTo(202);
    HttpResponse<String> raw = post("text/plain; charset=utf-8", "just some text");
    assertThat(raw.statusCode()).isEqualTo(202);
    assertThat(sink.documents()).hasSize(3);
    RawDocument text = sink.documents().get(2);
    assertThat(text.getContentType()).isEqualTo("text/plain");
    assertThat(text.getId())
        .isEqualTo(Ids.forBody("just some text".getBytes(StandardCharsets.UTF_8)));
    assertThat(text.getSource()).isEqualTo("push");
  }

  @Test
  void aRequestWithMoreArticlesThanTheCapIsRefusedWhole() throws Exception {
    StringBuilder arr = new StringBuilder("[");
    for (int i = 0; i < 6; i++) {
      arr.append(i == 0 ? "" : ",").append("{\"text\":\"article ").append(i).append("\"}");
    }
    HttpResponse<String> r = post("application/json", arr.append(']').toString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("at most 5");
    assertThat(sink.documents()).isEmpty();
  }

  @Test
  void rejectsInvalidArticlesWith400AndAReason() throws Exception {
    HttpResponse<String> noText = post("application/json", "{\"title\":\"only a title\"}");
    assertThat(noText.statusCode()).isEqualTo(400);
    assertThat(json.readTree(noText.body()).get("error").asText()).contains("'text' or 'html'");
    assertThat(post("application/json", "{broken").statusCode()).isEqualTo(400);
    assertThat(post("application/json", "{\"text\":\"x\",\"url\":\"not a url\"}").statusCode())
        .isEqualTo(400);
    assertThat(post("application/json", "{\"text\":\"x\",\"published\":\"someday\"}").statusCode())
        .isEqualTo(400);
    assertThat(sink.documents()).isEmpty();
  }

  @Test
  void refusesMissingOrUnknownContentTypesWith415() throws Exception {
    assertThat(post(null, "text").statusCode()).isEqualTo(415);
    assertThat(post("image/png", "xx").statusCode()).isEqualTo(415);
    assertThat(sink.documents()).isEmpty();
  }

  @Test
  void rejectsOversizedBodies() throws Exception {
    HttpResponse<String> r = post("text/plain", "x".repeat(20_000));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("larger than 10000 bytes");
  }

  @Test
  void slowClientsAreCutAtTheReadDeadlineAndDoNotHoldUpOthers() throws Exception {
    // Four threads, six clients that send headers and half a body, then nothing.
    Socket[] slow = new Socket[6];
    try {
      for (int i = 0; i < slow.length; i++) {
        slow[i] = new Socket("127.0.0.1", receiver.port());
        OutputStream out = slow[i].getOutputStream();
        out.write(
            ("POST /articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + TOKEN
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nhalf")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      long t0 = System.nanoTime();
      HttpResponse<String> r = post("text/plain", "an ordinary push");
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(r.statusCode()).isEqualTo(202);
      // At most one read deadline (1 s) plus slack for a loaded machine.
      assertThat(ms).isLessThan(5_000);
      for (Socket s : slow) {
        s.setSoTimeout(5_000);
        assertThat(s.getInputStream().read())
            .as("the slow client's connection is closed")
            .isEqualTo(-1);
      }
      assertThat(receiver.timedOut()).isGreaterThanOrEqualTo(4);
      assertThat(sink.documents()).hasSize(1);
    } finally {
      for (Socket s : slow) {
        if (s != null) {
          s.close();
        }
      }
    }
  }

  @Test
  void answers429WithRetryAfterWhenTooManyArticlesWaitForTheSink() throws Exception {
    receiver.close();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(2);
    DocumentSink stuck =
        batch -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          sink.publish(batch);
        };
    receiver = new PushReceiver(config().build(), 0, stuck, Clock.systemUTC(), () -> true).start();
    String five =
        "[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"},{\"text\":\"d\"},{\"text\":\"e\"}]";
    var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> postQuietly(five));
    var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> postQuietly(five));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> third = post("text/plain", "one more");
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(202);
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(202);
    assertThat(post("text/plain", "one more").statusCode()).isEqualTo(202);
    assertThat(sink.documents()).hasSize(11);
  }

  private int postQuietly(String body) {
    try {
      return post("application/json", body).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void refusesToBindANonLoopbackAddressWithoutAToken() {
    IngestConfig open = config().pushToken(null).pushBindAddress("0.0.0.0").build();
    assertThatThrownBy(() -> new PushReceiver(open, 0, sink, Clock.systemUTC(), () -> true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without a token");
  }

  @Test
  void aGeneratedTokenFileIsPrivateAndStable(@TempDir Path dir) throws Exception {
    PushTokens.Token t = PushTokens.readOrCreate(dir.resolve("push-token"));
    assertThat(t.created()).isTrue();
    assertThat(t.value()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(t.file())))
        .isEqualTo("rw-------");
    PushTokens.Token again = PushTokens.readOrCreate(dir.resolve("push-token"));
    assertThat(again.created()).isFalse();
    assertThat(again.value()).isEqualTo(t.value());
    assertThat(t.toString()).doesNotContain(t.value());
  }

  @Test
  void reportsHealth() throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"ready\"");
  }

  @Test
  void servesHttpsWithAKeystoreAndStillWantsTheToken(@TempDir Path dir) throws Exception {
    Path ks = dir.resolve("push.p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "push",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                ks.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    receiver.close();
    receiver =
        new PushReceiver(
                // The first TLS handshake of a JVM on a loaded machine can take longer than the
                // 1 s read deadline the other tests use; this test is about TLS, not deadlines.
                config().pushTls(ks, "changeit").pushReadTimeout(Duration.ofSeconds(15)).build(),
                0,
                sink,
                Clock.systemUTC(),
                () -> true)
            .start();
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(ks)) {
      trust.load(in, "changeit".toCharArray());
    }
    javax.net.ssl.TrustManagerFactory tmf =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    HttpClient https = HttpClient.newBuilder().sslContext(ctx).build();
    URI uri = URI.create("https://127.0.0.1:" + receiver.port() + "/articles");
    HttpResponse<String> without =
        https.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("no token"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(without.statusCode()).isEqualTo(401);
    HttpResponse<String> with =
        https.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("over TLS"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(with.statusCode()).isEqualTo(202);
    assertThat(sink.documents()).hasSize(1);
  }
}
