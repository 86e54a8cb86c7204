package io.newsdesk.enrich.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs trafilatura's extraction benchmark: text segments that must appear in the main text and
 * boilerplate segments that must not, pooled over all pages; plus title, author and date accuracy
 * where the ground truth has them.
 */
public final class TrafilaturaBenchmark {

  /** What an extractor returned for one page; any field may be null. */
  public record Prediction(String text, String title, List<String> authors, Long published) {}

  /** Extracts one page given its raw bytes and URL. */
  @FunctionalInterface
  public interface PageExtractor {
    Prediction extract(byte[] html, String url);
  }

  /** Pooled counts and metadata accuracy. */
  public record Result(
      int pages,
      int missing,
      int tp,
      int fn,
      int fp,
      int tn,
      Accuracy title,
      Accuracy author,
      Accuracy date) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double accuracy() {
      int all = tp + fn + fp + tn;
      return all == 0 ? 0 : (double) (tp + tn) / all;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Share of pages with a ground-truth value where the prediction matched. */
  public record Accuracy(int correct, int total) {
    public double value() {
      return total == 0 ? 0 : (double) correct / total;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path root;
  private final JsonNode truth;

  private TrafilaturaBenchmark(Path root, JsonNode truth) {
    this.root = root;
    this.truth = truth;
  }

  /** Loads {@code tests/evaldata.json} from the benchmark's directory. */
  public static TrafilaturaBenchmark load(Path root) throws IOException {
    Path file = root.resolve("tests/evaldata.json");
    return new TrafilaturaBenchmark(root, JSON.readTree(file.toFile()));
  }

  /** Runs the extractor over every page. */
  public Result run(PageExtractor extractor) throws IOException {
    int pages = 0;
    int missing = 0;
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int tn = 0;
    int[] title = new int[2];
    int[] author = new int[2];
    int[] date = new int[2];
    Iterator<Map.Entry<String, JsonNode>> it = truth.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode item = e.getValue();
      Path file = locate(item.path("file").asText());
      if (file == null) {
        missing++;
        continue;
      }
      pages++;
      Prediction p = extractor.extract(ScrapingHubBenchmark.readBytes(file), e.getKey());
      String text = normalise(p.text());
      for (JsonNode with : item.path("with")) {
        if (text.contains(normalise(with.asText()))) {
          tp++;
        } else {
          fn++;
        }
      }
      for (JsonNode without : item.path("without")) {
        if (text.contains(normalise(without.asText()))) {
          fp++;
        } else {
          tn++;
        }
      }
      String trueTitle = item.path("title").asText("");
      if (!trueTitle.isBlank()) {
        title[1]++;
        if (p.title() != null && loose(p.title()).equals(loose(trueTitle))) {
          title[0]++;
        }
      }
      List<String> trueAuthors = authors(item.get("author"));
      if (!trueAuthors.isEmpty()) {
        author[1]++;
        if (p.authors() != null && sameAuthors(p.authors(), trueAuthors)) {
          author[0]++;
        }
      }
      String trueDate = item.path("date").asText("");
      if (!trueDate.isBlank()) {
        date[1]++;
        if (p.published() != null
            && Instant.ofEpochMilli(p.published())
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString()
                .equals(trueDate.strip())) {
          date[0]++;
        }
      }
    }
    return new Result(
        pages,
        missing,
        tp,
        fn,
        fp,
        tn,
        new Accuracy(title[0], title[1]),
        new Accuracy(author[0], author[1]),
        new Accuracy(date[0], date[1]));
  }

  private Path locate(String name) {
    for (String dir : new String[] {"tests/eval/", "tests/cache/"}) {
      for (String suffix : new String[] {".gz", ""}) {
        Path p = root.resolve(dir + name + suffix);
        if (Files.exists(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static List<String> authors(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> addSplit(out, n.asText()));
    } else {
      addSplit(out, node.asText());
    }
    return out;
  }

  private static void addSplit(List<String> out, String value) {
    for (String part : value.split("\\s*;\\s*")) {
      if (!part.isBlank()) {
        out.add(loose(part));
      }
    }
  }

  private static boolean sameAuthors(List<String> predicted, List<String> truth) {
    List<String> p = new ArrayList<>();
    predicted.forEach(a -> addSplit(p, a));
    return !p.isEmpty() && p.get(0).equals(truth.get(0));
  }

  private static String normalise(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }

  private static String loose(String s) {
    return normalise(s).toLowerCase(Locale.ROOT);
  }
}
