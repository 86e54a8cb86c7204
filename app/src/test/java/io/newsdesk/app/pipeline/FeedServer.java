package io.newsdesk.app.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local news site for integration tests: an HTTP server on one address whose answers (feeds,
 * pages) a function of the request path and Host header gives; a path it does not know is a 404.
 * {@link Rss} writes the feeds.
 */
public final class FeedServer implements AutoCloseable {

  /** What the site answers to one request: 200 with this content type and body. */
  public record Reply(String contentType, String body) {}

  /** The site's content: null for a path it does not have (404). */
  @FunctionalInterface
  public interface Site {
    Reply answer(String path, String hostHeader) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor;

  private FeedServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a site on {@code address} (e.g. "127.0.0.3", "0.0.0.0"), any free port.
   *
   * @param threads handler threads; 0 answers on the server's own thread, one request at a time
   */
  public static FeedServer start(String address, int backlog, int threads, Site site)
      throws IOException {
    return start(InetAddress.getByName(address), backlog, threads, site);
  }

  /** As above, on an address already resolved. */
  public static FeedServer start(InetAddress address, int backlog, int threads, Site site)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), backlog);
    ExecutorService executor = threads > 0 ? Executors.newFixedThreadPool(threads) : null;
    server.setExecutor(executor);
    server.createContext("/", ex -> serve(ex, site));
    server.start();
    return new FeedServer(server, executor);
  }

  private static void serve(HttpExchange ex, Site site) throws IOException {
    try (ex) {
      Reply r = site.answer(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Host"));
      if (r == null) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", r.contentType());
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    }
  }

  /** The port the site listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** An RSS 2.0 document, written in order: channel title, optional link, then items. */
  public static final class Rss {
    private final StringBuilder xml;

    /** A channel with a title only. */
    public Rss(String title) {
      xml =
          new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
              .append(title)
              .append("</title>");
    }

    /** A channel with a title, a site link and a description. */
    public Rss(String title, String link, String description) {
      this(title);
      xml.append("<link>")
          .append(link)
          .append("</link><description>")
          .append(description)
          .append("</description>");
    }

    /** An item with a title and a link. */
    public Rss item(String title, String link) {
      xml.append("<item><title>")
          .append(title)
          .append("</title><link>")
          .append(link)
          .append("</link></item>");
      return this;
    }

    /** An item with a title, a link and a guid. */
    public Rss item(String title, String link, String guid) {
      xml.append("<item><title>")
          .append(title)
          .append("</title><link>")
          .append(link)
          .append("</link><guid>")
          .append(guid)
          .append("</guid></item>");
      return this;
    }

    /** The document. */
    public String xml() {
      return xml + "</channel></rss>";
    }
  }
}
