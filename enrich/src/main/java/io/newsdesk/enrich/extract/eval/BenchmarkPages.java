package io.newsdesk.enrich.extract.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real article pages of the extraction benchmarks under a data directory, in a fixed order: the
 * ScrapingHub article benchmark, Readability's test pages, then the trafilatura evaluation pages
 * (many German, not all news), each set in path order. {@code newsdesk bench} and the extraction
 * harness read the same pages through this one list.
 *
 * @param pages every page as UTF-8 text, gunzipped when stored as {@code .html.gz}
 * @param parts per set that has pages, "N from DIR"
 */
public record BenchmarkPages(List<String> pages, List<String> parts) {

  /** The sets, relative to the data directory, in the order their pages come. */
  public static final List<String> SETS =
      List.of(
          "extraction/scrapinghub/html",
          "extraction/readability-test-pages/test-pages",
          "extraction/trafilatura-eval/tests");

  /** The pages under {@code data}; empty when the data is absent. */
  public static BenchmarkPages read(Path data) throws IOException {
    List<String> pages = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (String set : SETS) {
      Path dir = data.resolve(set);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> s = Files.walk(dir)) {
        files =
            s.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".html.gz"))
                .filter(p -> !p.getFileName().toString().startsWith("expected"))
                .sorted()
                .toList();
      }
      for (Path f : files) {
        pages.add(ScrapingHubBenchmark.readHtml(f));
      }
      if (!files.isEmpty()) {
        parts.add(files.size() + " from " + dir);
      }
    }
    return new BenchmarkPages(List.copyOf(pages), List.copyOf(parts));
  }
}
