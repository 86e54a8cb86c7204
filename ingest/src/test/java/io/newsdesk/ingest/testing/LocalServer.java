package io.newsdesk.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An HTTP server on 127.0.0.1 for tests, one handler per route, recording requests. */
public final class LocalServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  public LocalServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.start();
  }

  /** Serves {@code path} with a handler; requests are recorded as "METHOD path". */
  public LocalServer route(String path, HttpHandler handler) {
    server.createContext(
        path,
        ex -> {
          requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
          try {
            handler.handle(ex);
          } finally {
            ex.close();
          }
        });
    return this;
  }

  /** The absolute URL of a path. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Requests seen so far. */
  public List<String> requests() {
    return requests;
  }

  /** How many requests hit a path. */
  public long hits(String path) {
    return requests.stream().filter(r -> r.endsWith(" " + path)).count();
  }

  /** Sends a complete response. */
  public static void respond(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    if (status == 304 || status == 204) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }

  /** Sends a UTF-8 text response. */
  public static void respond(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    respond(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
