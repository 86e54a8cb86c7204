package io.newsdesk.enrich.extract;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.newsdesk.schema.Arrival;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Property tests: whatever the bytes, the extractor answers with an article or a reason. */
class ExtractorRobustnessTest {

  private static final ArticleExtractor EXTRACTOR =
      ArticleExtractors.standard(ExtractorConfig.defaults().withDetectLanguage(false));
  private static final String PAGE =
      new String(Fixtures.bytes("html/harbour-bridge.html"), StandardCharsets.UTF_8);
  private static final List<String> TAGS =
      List.of(
          "<p>",
          "</p>",
          "<div class=\"content\">",
          "</div>",
          "<script>",
          "<![CDATA[",
          "<!--",
          "-->",
          "<table><tr><td>",
          "<a href=",
          "\"",
          "'",
          "<",
          ">",
          "&amp;",
          "&#x0;",
          "\u0000",
          "<meta charset=\"x-nonsense\">",
          "<script type=\"application/ld+json\">{\"@type\":",
          "</html>",
          "<body>",
          "<svg><foreignObject>",
          "\uFFFF",
          "\uD800");

  private static boolean extractsOrExplains(String html, String type) {
    try {
      EXTRACTOR.extract(
          Fixtures.doc(
              html.getBytes(StandardCharsets.UTF_8),
              "https://x.example/p",
              type,
              Arrival.PAGE,
              null));
    } catch (ExtractionException expected) {
      // a reason is a fine answer
    }
    return true;
  }

  @Test
  void neverThrowsAnythingButExtractionExceptionOnArbitraryText() {
    qt().withExamples(120)
        .forAll(strings().allPossible().ofLengthBetween(0, 400))
        .check(s -> extractsOrExplains(s, "text/html") && extractsOrExplains(s, null));
  }

  @Test
  void neverThrowsAnythingButExtractionExceptionOnMutatedPages() {
    Gen<List<Integer>> cuts = lists().of(integers().between(0, PAGE.length())).ofSizeBetween(1, 12);
    Gen<Integer> tag = integers().between(0, TAGS.size() - 1);
    qt().withExamples(60)
        .forAll(cuts, tag, Generate.booleans())
        .check(
            (positions, t, delete) -> {
              StringBuilder b = new StringBuilder(PAGE);
              for (int p : positions) {
                int at = Math.min(p, b.length());
                if (delete) {
                  b.delete(at, Math.min(b.length(), at + 40));
                } else {
                  b.insert(at, TAGS.get((t + p) % TAGS.size()));
                }
              }
              return extractsOrExplains(b.toString(), "text/html")
                  && extractsOrExplains(b.toString(), "text/plain");
            });
  }

  @Test
  void neverThrowsOnDeeplyNestedMarkup() {
    qt().withExamples(3)
        .forAll(integers().between(1_000, 8_000))
        .check(
            depth ->
                extractsOrExplains(
                    "<div>".repeat(depth) + "text" + "</div>".repeat(depth), "text/html"));
  }
}
