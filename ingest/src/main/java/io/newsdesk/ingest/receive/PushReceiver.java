package io.newsdesk.ingest.receive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.fetch.Charsets;
import io.newsdesk.ingest.publish.DocumentSink;
import io.newsdesk.ingest.publish.PublishException;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.RawDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts articles over HTTP: {@code POST /articles} with {@code Authorization: Bearer TOKEN}
 * answers 202 with the document ids, 401 without the token, 400/413/415 with a reason, 429 with
 * {@code Retry-After} when too many articles wait to be published; {@code GET /health} reports
 * readiness.
 *
 * <p>Hostile clients are bounded: every request must arrive whole (headers and body) within the
 * read deadline or its connection is closed; requests are served by a fixed pool of threads, so a
 * few slow clients leave the others free; a request holds at most {@code maxPushArticles} articles
 * and {@code maxPushBytes} bytes; at most {@link #pendingLimit()} articles wait for the sink at
 * once. Without a token the receiver binds loopback addresses only.
 */
public final class PushReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RETRY_AFTER_SECONDS = "1";

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final ScheduledExecutorService watchdog;
  private final DocumentSink sink;
  private final long maxBytes;
  private final int maxArticles;
  private final Duration readTimeout;
  private final byte[] tokenDigest;
  private final Semaphore pending;
  private final int pendingLimit;
  private final Clock clock;
  private final BooleanSupplier ready;
  private final boolean tls;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong unauthorized = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();
  private final ThreadLocal<Deadline> deadline = new ThreadLocal<>();

  /**
   * Binds (port 0 picks a free one) without starting, with the push settings of {@code config}:
   * bind address, token, body and article caps, read deadline, threads and TLS keystore.
   *
   * @param ready whether the pipeline behind the receiver is ready (reported by /health)
   * @throws IllegalStateException when asked to bind a non-loopback address without a token
   */
  public PushReceiver(
      IngestConfig config, int port, DocumentSink sink, Clock clock, BooleanSupplier ready)
      throws IOException {
    this.sink = sink;
    this.maxBytes = config.maxPushBytes();
    this.maxArticles = config.maxPushArticles();
    this.readTimeout = config.pushReadTimeout();
    this.clock = clock;
    this.ready = ready;
    this.pendingLimit = 2 * config.maxPushArticles();
    this.pending = new Semaphore(pendingLimit);
    String token = config.pushToken() == null ? null : config.pushToken().strip();
    InetAddress bind = InetAddress.getByName(config.pushBindAddress());
    if (token == null && !bind.isLoopbackAddress()) {
      throw new IllegalStateException(
          "refusing to accept pushes on "
              + config.pushBindAddress()
              + " without a token: set a push token (--push-token-file) or bind 127.0.0.1");
    }
    this.tokenDigest = token == null ? null : sha256(token);
    InetSocketAddress address = new InetSocketAddress(bind, port);
    if (config.pushTlsKeystore() != null) {
      HttpsServer https = HttpsServer.create(address, 64);
      https.setHttpsConfigurator(
          new HttpsConfigurator(sslContext(config.pushTlsKeystore(), config.pushTlsPassword())));
      this.server = https;
      this.tls = true;
    } else {
      this.server = HttpServer.create(address, 64);
      this.tls = false;
    }
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            config.pushThreads(),
            config.pushThreads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "newsdesk-push-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "newsdesk-push-deadline");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    this.watchdog = timer;
    server.setExecutor(withDeadline());
    server.createContext("/articles", this::articles);
    server.createContext("/health", this::health);
  }

  /**
   * Runs every exchange under the read deadline: if its request (headers and body) has not been
   * read whole when the deadline passes, the thread is interrupted, which closes the connection's
   * channel and frees the thread for the next client.
   */
  private Executor withDeadline() {
    return task ->
        executor.execute(
            () -> {
              Deadline d = new Deadline(Thread.currentThread());
              deadline.set(d);
              ScheduledFuture<?> f =
                  watchdog.schedule(d::expire, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
              try {
                task.run();
              } finally {
                f.cancel(false);
                d.requestRead();
                deadline.remove();
                Thread.interrupted(); // the pool thread serves the next exchange uninterrupted
                if (d.expired()) {
                  timedOut.incrementAndGet();
                }
              }
            });
  }

  /** The request deadline of one exchange; expiring it interrupts its thread until read. */
  private static final class Deadline {
    private final Thread thread;
    private boolean read;
    private boolean expired;

    Deadline(Thread thread) {
      this.thread = thread;
    }

    synchronized void expire() {
      if (!read) {
        expired = true;
        thread.interrupt();
      }
    }

    synchronized boolean requestRead() {
      read = true;
      return !expired;
    }

    synchronized boolean expired() {
      return expired;
    }
  }

  /** Starts serving. */
  public PushReceiver start() {
    server.start();
    LOG.info(
        "Push receiver listening on {}://{}{}",
        tls ? "https" : "http",
        server.getAddress(),
        tokenDigest == null ? " (no token: loopback only)" : " (bearer token required)");
    return this;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Articles accepted so far. */
  public long accepted() {
    return accepted.get();
  }

  /** Requests rejected so far (invalid, too large, unauthorized or over capacity). */
  public long rejected() {
    return rejected.get();
  }

  /** Requests refused for a missing or wrong token. */
  public long unauthorized() {
    return unauthorized.get();
  }

  /** Requests whose connection was closed because they did not arrive within the deadline. */
  public long timedOut() {
    return timedOut.get();
  }

  /** How many articles may wait for the sink at once before pushes get 429. */
  public int pendingLimit() {
    return pendingLimit;
  }

  private void health(HttpExchange ex) throws IOException {
    try (ex) {
      boolean ok = ready.getAsBoolean();
      ObjectNode n = JSON.createObjectNode();
      n.put("status", ok ? "ready" : "starting");
      n.put("accepted", accepted.get());
      n.put("rejected", rejected.get());
      send(ex, ok ? 200 : 503, n.toString());
    }
  }

  private void articles(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("POST")) {
        ex.getResponseHeaders().add("Allow", "POST");
        send(ex, 405, error("use POST"));
        return;
      }
      if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
        rejected.incrementAndGet();
        unauthorized.incrementAndGet();
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"newsdesk\"");
        ex.getResponseHeaders().set("Connection", "close");
        send(ex, 401, error("a bearer token is required: Authorization: Bearer TOKEN"));
        return;
      }
      if (!ready.getAsBoolean()) {
        ex.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        send(ex, 503, error("not ready"));
        return;
      }
      String contentType = ex.getRequestHeaders().getFirst("Content-Type");
      String mime = Charsets.mimeType(contentType);
      if (mime == null
          || !(mime.equals("application/json")
              || mime.endsWith("+json")
              || mime.equals("text/plain")
              || mime.equals("text/html"))) {
        rejected.incrementAndGet();
        ex.getResponseHeaders().set("Connection", "close");
        send(ex, 415, error("Content-Type required: application/json, text/plain or text/html"));
        return;
      }
      if (declaredLength(ex) > maxBytes) {
        rejected.incrementAndGet();
        ex.getResponseHeaders().set("Connection", "close");
        send(ex, 413, error("body larger than " + maxBytes + " bytes"));
        return;
      }
      byte[] body;
      try {
        body = readLimited(ex.getRequestBody());
      } catch (IOException e) {
        rejected.incrementAndGet();
        LOG.debug("Push request not read within {}: {}", readTimeout, e.toString());
        return; // the connection is gone: nothing to answer
      }
      if (!markRead()) {
        rejected.incrementAndGet();
        return;
      }
      if (body == null) {
        rejected.incrementAndGet();
        ex.getResponseHeaders().set("Connection", "close");
        send(ex, 413, error("body larger than " + maxBytes + " bytes"));
        return;
      }
      List<RawDocument> docs;
      try {
        docs =
            ArticleDocuments.parse(
                body,
                mime,
                Charsets.fromContentType(contentType),
                "push",
                null,
                Arrival.PUSH,
                clock.millis());
      } catch (InvalidArticleException e) {
        rejected.incrementAndGet();
        send(ex, 400, error(e.getMessage()));
        return;
      }
      if (docs.size() > maxArticles) {
        rejected.incrementAndGet();
        send(
            ex,
            413,
            error(
                docs.size()
                    + " articles in one request; at most "
                    + maxArticles
                    + ": split the array"));
        return;
      }
      if (!pending.tryAcquire(docs.size())) {
        rejected.incrementAndGet();
        ex.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        send(ex, 429, error("too many articles waiting to be published; retry later"));
        return;
      }
      try {
        sink.publish(DocumentSink.Batch.of(docs));
      } catch (PublishException e) {
        LOG.error("Could not publish {} pushed articles", docs.size(), e);
        ex.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        send(ex, 503, error("could not publish; retry later"));
        return;
      } finally {
        pending.release(docs.size());
      }
      accepted.addAndGet(docs.size());
      ObjectNode n = JSON.createObjectNode();
      var ids = n.putArray("ids");
      docs.forEach(d -> ids.add(d.getId()));
      send(ex, 202, n.toString());
    } catch (RuntimeException e) {
      LOG.error("Push request failed", e);
      throw e;
    }
  }

  /**
   * Marks the current request as read whole, so its deadline no longer applies (publishing may take
   * longer); false when the deadline had already passed.
   */
  private boolean markRead() {
    Deadline d = deadline.get();
    return d == null || d.requestRead();
  }

  private boolean authorized(String header) {
    if (tokenDigest == null) {
      return true;
    }
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      // Compare anyway so a missing header takes as long as a wrong one.
      MessageDigest.isEqual(tokenDigest, sha256(""));
      return false;
    }
    // Comparing fixed-length digests in constant time reveals neither the token nor its length.
    return MessageDigest.isEqual(tokenDigest, sha256(header.substring(7).strip()));
  }

  private static long declaredLength(HttpExchange ex) {
    String v = ex.getRequestHeaders().getFirst("Content-Length");
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private byte[] readLimited(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    int n;
    while ((n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
      if (out.size() > maxBytes) {
        return null;
      }
    }
    return out.toByteArray();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static SSLContext sslContext(java.nio.file.Path keystore, String password)
      throws IOException {
    char[] pass = password.toCharArray();
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(in, pass);
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pass);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use push TLS keystore " + keystore + ": " + e.getMessage(), e);
    }
  }

  private static String error(String reason) {
    ObjectNode n = JSON.createObjectNode();
    n.put("error", reason);
    return n.toString();
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    watchdog.shutdownNow();
  }
}
