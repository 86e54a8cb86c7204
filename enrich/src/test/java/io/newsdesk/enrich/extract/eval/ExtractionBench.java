package io.newsdesk.enrich.extract.eval;

import de.l3s.boilerpipe.extractors.ArticleExtractor;
import io.newsdesk.enrich.extract.html.HtmlArticleParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import net.dankito.readability4j.Readability4J;

/**
 * Pages per second on one thread over the ScrapingHub pages: ours, Readability4J and boilerpipe,
 * with each one's F1. Run: {@code java -cp <test classpath> ...ExtractionBench [shared dir]}.
 */
public final class ExtractionBench {

  private ExtractionBench() {}

  public static void main(String[] args) throws Exception {
    // Readability4J logs every node it touches at debug level; that would be the benchmark.
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Path shared =
        Path.of(args.length > 0 ? args[0] : System.getProperty("newsdesk.shared.dir", "../shared"));
    Path dir = shared.resolve("data/extraction/scrapinghub");
    ScrapingHubBenchmark bench = ScrapingHubBenchmark.load(dir.resolve("ground-truth.json"));
    List<String[]> pages = new ArrayList<>();
    for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : bench.truth().entrySet()) {
      pages.add(
          new String[] {
            ScrapingHubBenchmark.readHtml(dir.resolve("html/" + e.getKey() + ".html.gz")),
            e.getValue().path("url").asText()
          });
    }
    HtmlArticleParser ours = new HtmlArticleParser();
    BenchmarkRunner runner = new BenchmarkRunner();
    Map<String, BiFunction<String, String, String>> tools = new java.util.LinkedHashMap<>();
    tools.put("newsdesk (parser)", (html, url) -> ours.parse(html, url).text());
    tools.put("newsdesk (full article)", runner::text);
    tools.put(
        "readability4j 1.0.8",
        (html, url) -> {
          String t = new Readability4J(url, html).parse().getTextContent();
          return t == null ? "" : t;
        });
    tools.put(
        "boilerpipe 1.2.2",
        (html, url) -> {
          try {
            return ArticleExtractor.INSTANCE.getText(html);
          } catch (Exception e) {
            return "";
          }
        });
    int rounds = Integer.getInteger("bench.rounds", 3);
    // Warm every tool up before timing any, so the JIT favours none by its turn in the list.
    for (BiFunction<String, String, String> f : tools.values()) {
      for (int r = 0; r < 2; r++) {
        for (String[] p : pages) {
          f.apply(p[0], p[1]);
        }
      }
    }
    Map<String, Long> nanos = new java.util.LinkedHashMap<>();
    // Interleave the rounds so load from other processes falls on every tool alike.
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, BiFunction<String, String, String>> tool : tools.entrySet()) {
        long start = System.nanoTime();
        for (String[] p : pages) {
          tool.getValue().apply(p[0], p[1]);
        }
        nanos.merge(tool.getKey(), System.nanoTime() - start, Long::sum);
      }
    }
    for (Map.Entry<String, BiFunction<String, String, String>> tool : tools.entrySet()) {
      double seconds = nanos.get(tool.getKey()) / 1e9;
      double f1 = bench.run(dir.resolve("html"), tool.getValue()).f1();
      System.out.printf(
          "%-26s %7.1f pages/s   F1 %.3f%n", tool.getKey(), rounds * pages.size() / seconds, f1);
    }
  }
}
