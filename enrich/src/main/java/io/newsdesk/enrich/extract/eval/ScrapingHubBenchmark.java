package io.newsdesk.enrich.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;

/** Runs the ScrapingHub article-body benchmark: ground truth, pages, and predictions to score. */
public final class ScrapingHubBenchmark {

  /** One page's result. */
  public record Page(String id, String url, ShingleScore score) {}

  /** The averaged figures. */
  public record Result(double precision, double recall, List<Page> pages) {
    public double f1() {
      double s = precision + recall;
      return s == 0 ? 0 : 2 * precision * recall / s;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, JsonNode> truth;

  private ScrapingHubBenchmark(Map<String, JsonNode> truth) {
    this.truth = truth;
  }

  /** Loads {@code ground-truth.json}. */
  public static ScrapingHubBenchmark load(Path truthFile) throws IOException {
    JsonNode root = JSON.readTree(truthFile.toFile());
    Map<String, JsonNode> truth = new LinkedHashMap<>();
    root.fields().forEachRemaining(e -> truth.put(e.getKey(), e.getValue()));
    return new ScrapingHubBenchmark(truth);
  }

  public Map<String, JsonNode> truth() {
    return truth;
  }

  /** Reads a predictions file, plain or wrapped as {@code {version, output}}. */
  public static Map<String, String> readPredictions(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    if (root.has("output") && root.get("output").isObject()) {
      root = root.get("output");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode body = e.getValue().get("articleBody");
      out.put(e.getKey(), body == null || body.isNull() ? "" : body.asText());
    }
    return out;
  }

  /** Scores predictions; pages without a prediction count as empty. */
  public Result score(Map<String, String> predictions) {
    List<Page> pages = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : truth.entrySet()) {
      String expected = e.getValue().path("articleBody").asText("");
      String predicted = predictions.getOrDefault(e.getKey(), "");
      pages.add(
          new Page(
              e.getKey(),
              e.getValue().path("url").asText(""),
              ShingleScore.of(expected, predicted)));
    }
    return summarise(pages);
  }

  /** Extracts every page with {@code extractor(html, url)} and scores the result. */
  public Result run(Path htmlDir, BiFunction<String, String, String> extractor) throws IOException {
    Map<String, String> predictions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : truth.entrySet()) {
      Path file = htmlDir.resolve(e.getKey() + ".html.gz");
      if (!Files.exists(file)) {
        file = htmlDir.resolve(e.getKey() + ".html");
      }
      if (!Files.exists(file)) {
        continue;
      }
      predictions.put(
          e.getKey(), extractor.apply(readHtml(file), e.getValue().path("url").asText("")));
    }
    return score(predictions);
  }

  /** Reads a page, gunzipping {@code .gz} files; the benchmark's pages are UTF-8. */
  public static String readHtml(Path file) throws IOException {
    return new String(readBytes(file), StandardCharsets.UTF_8);
  }

  /** Raw bytes of a page, gunzipped when the name ends in {@code .gz}. */
  public static byte[] readBytes(Path file) throws IOException {
    if (file.getFileName().toString().endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        return in.readAllBytes();
      }
    }
    return Files.readAllBytes(file);
  }

  static Result summarise(List<Page> pages) {
    double p = 0;
    double r = 0;
    int np = 0;
    int nr = 0;
    for (Page page : pages) {
      ShingleScore s = page.score();
      boolean bothEmpty = s.tp() == 0 && s.fp() == 0 && s.fn() == 0;
      // As the benchmark does: an empty prediction has no precision, an empty truth no recall.
      if (bothEmpty || s.tp() + s.fp() > 0) {
        p += s.precision();
        np++;
      }
      if (bothEmpty || s.tp() + s.fn() > 0) {
        r += s.recall();
        nr++;
      }
    }
    return new Result(np == 0 ? 0 : p / np, nr == 0 ? 0 : r / nr, pages);
  }
}
