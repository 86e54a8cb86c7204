package io.newsdesk.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local web site serving the demo's feeds, article pages and robots.txt on 127.0.0.1, so that the
 * demo runs the real fetch path without a network.
 */
public final class DemoSite implements AutoCloseable {

  /** Resource root of the demo sources. */
  public static final String ROOT = "/io/newsdesk/app/demo/";

  /** The feeds the demo polls, the malformed one last. */
  public static final List<String> FEEDS =
      List.of("feeds/world.rss", "feeds/politics.atom", "feeds/broken.xml");

  /** Pages the demo fetches directly (one is also in a feed: ingest must not publish it twice). */
  public static final List<String> PAGES = List.of("articles/fm-interview.html");

  /** Plain-text scrapes the demo pushes over HTTP. */
  public static final List<String> PUSHES =
      List.of("push/kurdistan-daily.txt", "push/baghdad-post.txt", "push/levant-times.txt");

  /** Files the demo drops into the watched folder. */
  public static final List<String> DROPS = List.of("drop/erbil-monitor.txt");

  private final HttpServer server;
  private final ExecutorService executor;

  private DemoSite(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on a free port of 127.0.0.1. */
  public static DemoSite start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      ExecutorService executor =
          Executors.newFixedThreadPool(
              4,
              r -> {
                Thread t = new Thread(r, "newsdesk-demo-site");
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(executor);
      DemoSite site = new DemoSite(server, executor);
      server.createContext("/", site::serve);
      server.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo site on 127.0.0.1", e);
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String url(String path) {
    return base() + "/" + path;
  }

  /** A demo resource as text. */
  public static String resource(String path) {
    try (InputStream in = DemoSite.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no demo resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath().replaceFirst("^/", "");
      if (path.contains("..") || path.isEmpty()) {
        send(ex, 404, "text/plain", "not found");
        return;
      }
      String body;
      try {
        body = resource("site/" + path);
      } catch (IllegalArgumentException e) {
        send(ex, 404, "text/plain", "not found");
        return;
      }
      String type =
          path.endsWith(".rss")
              ? "application/rss+xml"
              : path.endsWith(".atom")
                  ? "application/atom+xml"
                  : path.endsWith(".xml")
                      ? "application/xml"
                      : path.endsWith(".html") ? "text/html" : "text/plain";
      send(ex, 200, type + "; charset=utf-8", body.replace("{{base}}", base()));
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
