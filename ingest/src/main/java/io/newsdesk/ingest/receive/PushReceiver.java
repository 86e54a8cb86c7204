package io.newsdesk.ingest.receive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsdesk.ingest.fetch.Charsets;
import io.newsdesk.ingest.publish.DocumentSink;
import io.newsdesk.ingest.publish.PublishException;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.RawDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts articles over HTTP: {@code POST /articles} answers 202 with the document ids or 400 with
 * a reason; {@code GET /health} reports readiness.
 */
public final class PushReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final DocumentSink sink;
  private final long maxBytes;
  private final Clock clock;
  private final BooleanSupplier ready;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  /**
   * Binds (port 0 picks a free one) without starting.
   *
   * @param ready whether the pipeline behind the receiver is ready (reported by /health)
   */
  public PushReceiver(
      String bindAddress,
      int port,
      long maxBytes,
      DocumentSink sink,
      Clock clock,
      BooleanSupplier ready)
      throws IOException {
    this.sink = sink;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.ready = ready;
    this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "newsdesk-push");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/articles", this::articles);
    server.createContext("/health", this::health);
  }

  /** Starts serving. */
  public PushReceiver start() {
    server.start();
    LOG.info("Push receiver listening on {}", server.getAddress());
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

  /** Requests rejected so far. */
  public long rejected() {
    return rejected.get();
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
      if (!ready.getAsBoolean()) {
        send(ex, 503, error("not ready"));
        return;
      }
      String contentType = ex.getRequestHeaders().getFirst("Content-Type");
      String mime = Charsets.mimeType(contentType);
      if (mime == null) {
        rejected.incrementAndGet();
        send(ex, 400, error("Content-Type required: application/json, text/plain or text/html"));
        return;
      }
      byte[] body = readLimited(ex.getRequestBody());
      if (body == null) {
        rejected.incrementAndGet();
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
      try {
        sink.publish(DocumentSink.Batch.of(docs));
      } catch (PublishException e) {
        LOG.error("Could not publish {} pushed articles", docs.size(), e);
        send(ex, 503, error("could not publish: " + e.getMessage()));
        return;
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
  }
}
