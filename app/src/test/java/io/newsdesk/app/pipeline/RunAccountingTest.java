package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When a run (the bench, the demo) counts as failed: its output does not account for its input. */
class RunAccountingTest {

  private static RunReport report(long in, long articles, Map<String, Long> deadLetters) {
    RunReport r = new RunReport();
    r.documentsIn = in;
    r.articlesOut = articles;
    r.deadLettersByStage.putAll(deadLetters);
    return r;
  }

  static Stream<Arguments> runs() {
    return Stream.of(
        // The bench's timed run: 2,000 files, 28 refused by extraction.
        Arguments.of(2000, 1972, Map.of("enrich.extract", 28L), 2000, null),
        // Files ingest refused never reach the raw topic: still accounted for.
        Arguments.of(1990, 1972, Map.of("enrich.extract", 18L, "ingest.folder", 10L), 2000, null),
        // The demo does not know in advance how many documents its feeds hold.
        Arguments.of(40, 38, Map.of("sink.decode", 2L), -1, null),
        // The starved broker: documents in, nothing out.
        Arguments.of(2000, 0, Map.of(), 2000, "no articles came out"),
        // Timed out or stopped half way.
        Arguments.of(2000, 1500, Map.of("enrich.extract", 28L), 2000, "did not finish 472"),
        // A document written twice.
        Arguments.of(2000, 1973, Map.of("enrich.extract", 28L), 2000, "exactly-once broken"),
        // Ingest lost files without a dead letter.
        Arguments.of(1900, 1872, Map.of("enrich.extract", 28L), 2000, "2000 documents offered"));
  }

  @ParameterizedTest
  @MethodSource("runs")
  void aRunPassesOnlyWhenEveryDocumentComesOutOnce(
      long in, long articles, Map<String, Long> deadLetters, long offered, String failure) {
    Optional<String> verdict = report(in, articles, deadLetters).unaccounted(offered);
    if (failure == null) {
      assertThat(verdict).isEmpty();
    } else {
      assertThat(verdict).hasValueSatisfying(m -> assertThat(m).contains(failure));
    }
  }
}
