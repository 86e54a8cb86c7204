package io.newsdesk.enrich.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShingleScoreTest {

  @Test
  void scoresAPerfectMatchAsOne() {
    ShingleScore s = ShingleScore.of("one two three four five", "one, two three four five!");
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(1.0);
  }

  @Test
  void countsShinglesAsABagNotASet() {
    // Truth has "a b c d" twice; the prediction once: recall 2/3, precision 1.
    ShingleScore s = ShingleScore.of("a b c d a b c d", "a b c d");
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isCloseTo(1.0 / 5, within(1e-9));
  }

  @Test
  void keepsCaseAndTreatsShortTextAsOneShingle() {
    assertThat(ShingleScore.shingles("Hi there")).containsOnlyKeys("Hi there");
    assertThat(ShingleScore.of("Hi there", "hi there").precision()).isZero();
  }

  @Test
  void tokenisesLikePythonWordCharacters() {
    assertThat(ShingleScore.tokens("naïve café_2 ½ x-y"))
        .containsExactly("naïve", "café_2", "½", "x", "y");
  }

  @Test
  void leavesEmptyPredictionsOutOfPrecisionAsTheBenchmarkDoes() {
    ScrapingHubBenchmark.Result r =
        ScrapingHubBenchmark.summarise(
            List.of(
                new ScrapingHubBenchmark.Page("a", "", ShingleScore.of("one two three four", "")),
                new ScrapingHubBenchmark.Page(
                    "b", "", ShingleScore.of("one two three four", "one two three four"))));
    assertThat(r.precision()).isEqualTo(1.0);
    assertThat(r.recall()).isEqualTo(0.5);
  }
}
