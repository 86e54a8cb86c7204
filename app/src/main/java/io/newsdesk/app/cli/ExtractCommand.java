package io.newsdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.enrich.extract.ArticleExtractor;
import io.newsdesk.enrich.extract.ArticleExtractors;
import io.newsdesk.enrich.extract.ExtractionException;
import io.newsdesk.enrich.extract.eval.BenchmarkRunner;
import io.newsdesk.enrich.extract.eval.ScrapingHubBenchmark;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.RawDocument;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsdesk extract}: one page (file, URL or stdin) or a directory of pages to JSON. */
@Command(
    name = "extract",
    description = "Extract the article from an HTML page (FILE, URL or - for stdin) as JSON.",
    mixinStandardHelpOptions = true)
public final class ExtractCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "0..1", paramLabel = "FILE|URL|-", description = "The page")
  String input;

  @Option(names = "--batch", paramLabel = "DIR", description = "Every *.html and *.html.gz in DIR")
  Path batch;

  @Option(names = "--out", paramLabel = "FILE.jsonl", description = "Output of --batch")
  Path out;

  @Override
  public Integer call() throws Exception {
    ArticleExtractor extractor = ArticleExtractors.standard();
    if (batch != null) {
      if (out == null) {
        System.err.println("--batch needs --out FILE.jsonl");
        return 2;
      }
      return batch(extractor);
    }
    if (input == null) {
      System.err.println("Give FILE, URL or -, or --batch DIR --out FILE.jsonl");
      return 2;
    }
    RawDocument doc = read(input);
    try {
      Article a = extractor.extract(doc);
      System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(a, null)));
      return 0;
    } catch (ExtractionException e) {
      System.err.printf("%s: %s (%s)%n", input, e.reason(), e.getMessage());
      return 1;
    }
  }

  private int batch(ArticleExtractor extractor) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(batch)) {
      files =
          s.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".html.gz"))
              .sorted()
              .toList();
    }
    int failed = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String id = name.substring(0, name.indexOf(".html"));
        ObjectNode line;
        try {
          Article a =
              extractor.extract(page(ScrapingHubBenchmark.readBytes(f), f.toUri().toString()));
          line = json(a, id);
        } catch (ExtractionException e) {
          failed++;
          line = JSON.createObjectNode().put("id", id).put("error", e.reason().name());
          line.put("message", e.getMessage());
        }
        w.write(JSON.writeValueAsString(line));
        w.newLine();
      }
    }
    System.err.printf("%d pages, %d rejected -> %s%n", files.size(), failed, out);
    return 0;
  }

  private static ObjectNode json(Article a, String id) {
    ObjectNode n = JSON.createObjectNode();
    if (id != null) {
      n.put("id", id);
    }
    n.put("url", a.getUrl());
    n.put("title", a.getTitle());
    n.putPOJO("authors", a.getAuthors());
    n.put(
        "published",
        a.getPublished() == null ? null : Instant.ofEpochMilli(a.getPublished()).toString());
    n.put("publishedFrom", a.getPublishedFrom());
    n.put("language", a.getLanguage());
    n.put("canonicalUrl", a.getCanonicalUrl());
    n.put("image", a.getImage());
    n.put("siteName", a.getSiteName());
    n.put("text", a.getText());
    return n;
  }

  private static RawDocument read(String input) throws IOException, InterruptedException {
    if (input.equals("-")) {
      return page(System.in.readAllBytes(), "stdin:");
    }
    if (input.startsWith("http://") || input.startsWith("https://")) {
      HttpClient client =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(input))
              .timeout(Duration.ofSeconds(30))
              .header("User-Agent", "newsdesk-extract")
              .build();
      HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
      String type = res.headers().firstValue("content-type").orElse("text/html");
      String charset = null;
      int at = type.toLowerCase().indexOf("charset=");
      if (at >= 0) {
        charset = type.substring(at + 8).replace("\"", "").strip();
      }
      RawDocument doc = page(res.body(), res.uri().toString());
      doc.setContentType(type.split(";")[0].strip());
      doc.setCharset(charset);
      doc.setHttpStatus(res.statusCode());
      return doc;
    }
    Path file = Path.of(input);
    return page(ScrapingHubBenchmark.readBytes(file), file.toUri().toString());
  }

  private static RawDocument page(byte[] body, String url) {
    RawDocument doc = BenchmarkRunner.page(body, url, null);
    doc.setContentType(null);
    doc.setArrival(Arrival.FILE);
    doc.setSource("cli");
    doc.setBody(ByteBuffer.wrap(body));
    return doc;
  }
}
