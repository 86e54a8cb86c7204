package io.newsdesk.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.TestConfigs;
import io.newsdesk.ingest.testing.LocalServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https goes to the address the policy checked, never to a second DNS answer, while the TLS
 * handshake still names the URL's host (SNI) and the certificate must match it. The names used here
 * exist only in the policy's resolver table: any lookup through the system resolver would fail.
 */
class PinnedHttpsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;
  static HttpsServer tls;
  static HttpServer rebound;
  static SSLContext trusting;
  static int port;
  static final AtomicInteger reboundHits = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("news.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "news",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=news.test",
                "-ext",
                "SAN=dns:news.test",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(keytool.exitValue()).as(out).isZero();

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(kmf.getKeyManagers(), null, null);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    trusting = SSLContext.getInstance("TLS");
    trusting.init(null, tmf.getTrustManagers(), null);

    tls = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    tls.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    tls.createContext(
        "/page",
        ex ->
            LocalServer.respond(
                ex,
                200,
                "text/html; charset=utf-8",
                "<p>host " + ex.getRequestHeaders().getFirst("Host") + "</p>"));
    tls.start();
    port = tls.getAddress().getPort();
    // What a rebinding DNS would point at next: another loopback address, same port.
    rebound = HttpServer.create(new InetSocketAddress("127.0.0.2", port), 16);
    rebound.createContext(
        "/",
        ex -> {
          reboundHits.incrementAndGet();
          LocalServer.respond(ex, 200, "text/html", "<p>internal secret</p>");
        });
    rebound.start();
  }

  @AfterAll
  static void stop() {
    if (tls != null) {
      tls.stop(0);
    }
    if (rebound != null) {
      rebound.stop(0);
    }
  }

  private static HttpFetcher fetcher(AddressPolicy.Resolver resolver) {
    return fetcher(resolver, Duration.ofSeconds(5));
  }

  private static HttpFetcher fetcher(AddressPolicy.Resolver resolver, Duration deadline) {
    IngestConfig config =
        TestConfigs.fast().toBuilder().maxRetries(0).readTimeout(deadline).build();
    AddressPolicy policy = new AddressPolicy(List.of("127.0.0.1/32"), List.of(), resolver);
    return new HttpFetcher(config, null, policy, trusting.getSocketFactory());
  }

  private static InetAddress ip(String host, String literal) throws UnknownHostException {
    return InetAddress.getByAddress(host, InetAddress.getByName(literal).getAddress());
  }

  @Test
  void httpsReachesTheCheckedAddressWithTheHostNameInSniAndCertificate() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    HttpFetcher fetcher =
        fetcher(
            host -> {
              lookups.incrementAndGet();
              if (!host.equals("news.test")) {
                throw new UnknownHostException(host);
              }
              return new InetAddress[] {ip(host, "127.0.0.1")};
            });
    FetchResult r = fetcher.fetch(FetchRequest.of("https://news.test:" + port + "/page"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo("<p>host news.test:" + port + "</p>");
    assertThat(lookups).hasValue(1);
  }

  @Test
  void aRebindingResolverCannotSteerTheConnectionToAnotherAddress() throws Exception {
    // The first answer passes the check (127.0.0.1 is allowed here); every later answer is a
    // loopback address the policy refuses. The connection must use the first.
    AtomicInteger lookups = new AtomicInteger();
    HttpFetcher fetcher =
        fetcher(
            host ->
                new InetAddress[] {
                  ip(host, lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")
                });
    int before = reboundHits.get();
    FetchResult r = fetcher.fetch(FetchRequest.of("https://news.test:" + port + "/page"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("secret");
    assertThat(reboundHits.get()).isEqualTo(before);
    // The next fetch resolves again, gets the rebound address, and is refused before connecting.
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of("https://news.test:" + port + "/page")))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.code()).isEqualTo("blocked_address"));
    assertThat(reboundHits.get()).isEqualTo(before);
  }

  @Test
  void aCertificateForAnotherHostIsRefusedThoughTheAddressIsRight() throws Exception {
    HttpFetcher fetcher = fetcher(host -> new InetAddress[] {ip(host, "127.0.0.1")});
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of("https://other.test:" + port + "/page")))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.getCause()).isInstanceOf(javax.net.ssl.SSLException.class));
  }

  @Test
  void plainHttpIsPinnedToo() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    try (LocalServer server = new LocalServer()) {
      server.route("/p", ex -> LocalServer.respond(ex, 200, "text/plain", "plain"));
      int httpPort = server.port();
      HttpFetcher fetcher =
          fetcher(
              host ->
                  new InetAddress[] {
                    ip(host, lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")
                  });
      FetchResult r = fetcher.fetch(FetchRequest.of("http://news.test:" + httpPort + "/p"));
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("plain");
      assertThat(lookups).hasValue(1);
    }
  }

  @Test
  void aBrokenTlsPeerIsAnIoFailureNotAHang() throws IOException {
    // A plain http server on the https port: the handshake fails fast.
    try (LocalServer server = new LocalServer()) {
      server.route("/p", ex -> LocalServer.respond(ex, 200, "text/plain", "plain"));
      int httpPort = server.port();
      HttpFetcher fetcher =
          fetcher(host -> new InetAddress[] {ip(host, "127.0.0.1")}, Duration.ofSeconds(2));
      long t0 = System.nanoTime();
      assertThatThrownBy(
              () -> fetcher.fetch(FetchRequest.of("https://news.test:" + httpPort + "/p")))
          .isInstanceOf(FetchException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
    }
  }
}
