package io.newsdesk.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsdesk.ingest.publish.DocumentSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many feed polls per second one ingest process sustains against a local server. Not a test:
 * run its main. Arguments: feeds (2000), items per feed (5), concurrent fetches (32).
 */
public final class IngestBench {
  private static volatile int round;
  private static final AtomicLong served = new AtomicLong();

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    ExecutorService serverThreads = Executors.newFixedThreadPool(8);
    server.setExecutor(serverThreads);
    server.createContext("/f/", ex -> feed(ex, items));
    server.createContext("/a/", IngestBench::article);
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < feeds; i++) {
      urls.add(base + "/f/" + i + ".xml");
    }
    IngestConfig config =
        IngestConfig.builder()
            .perHostMinDelay(Duration.ZERO)
            .perHostConnections(concurrency)
            .maxConcurrentFetches(concurrency)
            .maxRetries(0)
            .allowNetworks(List.of("127.0.0.1/32"))
            .build();
    AtomicLong docs = new AtomicLong();
    DocumentSink counting = batch -> docs.addAndGet(batch.documents().size());
    System.out.printf(
        Locale.ROOT,
        "IngestBench: %d feeds x %d items on one 127.0.0.1 server (same JVM), %d concurrent"
            + " fetches; politeness delay OFF (perHostMinDelay=0, %d connections per host);"
            + " robots.txt on; sink counts only (no Kafka)%n",
        feeds,
        items,
        concurrency,
        concurrency);
    try (IngestService service = IngestService.builder(config, counting).feeds(urls).build()) {
      String[] names = {
        "cold: feed + every item page fetched",
        "steady, 304 Not Modified",
        "steady, feed changed, no new items (parse only)",
        "steady, feed changed, no new items (parse only)"
      };
      for (round = 0; round < names.length; round++) {
        long d0 = docs.get();
        long s0 = served.get();
        long t0 = System.nanoTime();
        IngestSummary s = service.runOnce();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "round %d (%s): %d polls in %.2f s = %.0f polls/s; %d documents; %d HTTP requests"
                + " (%.0f/s); %d failed sources%n",
            round + 1,
            names[round],
            feeds,
            secs,
            feeds / secs,
            docs.get() - d0,
            served.get() - s0,
            (served.get() - s0) / secs,
            s.failedSources());
      }
    } finally {
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  private static void feed(HttpExchange ex, int items) throws IOException {
    served.incrementAndGet();
    String path = ex.getRequestURI().getPath();
    String id = path.substring(3, path.length() - 4);
    boolean conditional = round == 1;
    if (conditional && "\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      ex.sendResponseHeaders(304, -1);
      ex.close();
      return;
    }
    StringBuilder sb =
        new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>")
            .append("<title>Feed ")
            .append(id)
            .append("</title><link>http://127.0.0.1/</link><lastBuildDate>round ")
            .append(round == 1 ? 0 : round)
            .append("</lastBuildDate>");
    for (int k = 0; k < items; k++) {
      sb.append("<item><title>Story ")
          .append(id)
          .append('-')
          .append(k)
          .append("</title><link>/a/")
          .append(id)
          .append('/')
          .append(k)
          .append("</link><guid>")
          .append(id)
          .append('-')
          .append(k)
          .append("</guid><description>Summary of a story with some words in it.</description>")
          .append("<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>");
    }
    byte[] body = sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    if (round <= 1) {
      ex.getResponseHeaders().set("ETag", "\"v1\"");
    }
    ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  private static void article(HttpExchange ex) throws IOException {
    served.incrementAndGet();
    byte[] body =
        ("<html><head><title>Story</title></head><body><p>"
                + "Lorem ipsum ".repeat(200)
                + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }
}
