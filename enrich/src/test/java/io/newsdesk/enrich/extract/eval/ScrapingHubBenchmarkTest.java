package io.newsdesk.enrich.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reproduces the published figures and holds our own; skipped without ../shared/data. */
class ScrapingHubBenchmarkTest {

  private static Path dir;

  @BeforeAll
  static void locateData() {
    String shared = System.getProperty("newsdesk.shared.dir");
    dir = shared == null ? null : Path.of(shared, "data/extraction/scrapinghub");
    assumeTrue(
        dir != null && Files.exists(dir.resolve("ground-truth.json")),
        "ScrapingHub benchmark not found under newsdesk.shared.dir=" + shared + "; skipping");
  }

  private static double f1Of(String tool) throws Exception {
    ScrapingHubBenchmark b = ScrapingHubBenchmark.load(dir.resolve("ground-truth.json"));
    return b.score(ScrapingHubBenchmark.readPredictions(dir.resolve("output/" + tool + ".json")))
        .f1();
  }

  @Test
  void reproducesThePublishedFiguresOfFiveTools() throws Exception {
    assertThat(f1Of("trafilatura")).isCloseTo(0.958, within(0.0005));
    assertThat(f1Of("news_please")).isCloseTo(0.948, within(0.0005));
    assertThat(f1Of("readability_js")).isCloseTo(0.947, within(0.0005));
    assertThat(f1Of("goose3")).isCloseTo(0.896, within(0.0005));
    assertThat(f1Of("boilerpipe")).isCloseTo(0.860, within(0.0005));
  }

  @Test
  void ourExtractorBeatsTrafilaturasPublishedScore() throws Exception {
    ScrapingHubBenchmark b = ScrapingHubBenchmark.load(dir.resolve("ground-truth.json"));
    ScrapingHubBenchmark.Result r = b.run(dir.resolve("html"), new BenchmarkRunner()::text);
    assertThat(r.pages()).hasSize(181);
    assertThat(r.f1()).isGreaterThanOrEqualTo(0.96);
  }
}
