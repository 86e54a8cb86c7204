package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class BlendedSentimentModelTest {

  @Test
  void withoutWeightTheBlendIsThePreciseModel() {
    double[] precise = {0.2, 0.5, 0.3};
    assertThat(BlendedSentimentModel.blend(precise, new double[] {0.9, 0.05, 0.05}, 0))
        .containsExactly(new double[] {0.2, 0.5, 0.3}, offset(1e-12));
  }

  @Test
  void theBlendIsADistribution() {
    double[] p =
        BlendedSentimentModel.blend(new double[] {0.7, 0.2, 0.1}, new double[] {0, 1, 0}, 0.25);
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, offset(1e-12));
    for (double x : p) {
      assertThat(x).isBetween(0.0, 1.0);
    }
  }

  @Test
  void theFastModelDecidesWhereThePreciseOneHesitates() {
    double[] precise = {0.36, 0.34, 0.30};
    double[] fast = {0.10, 0.80, 0.10};
    double[] p = BlendedSentimentModel.blend(precise, fast, BlendedSentimentModel.DEFAULT_WEIGHT);
    assertThat(p[1]).isGreaterThan(p[0]).isGreaterThan(p[2]);
  }

  @Test
  void aConfidentPreciseModelKeepsItsLabelAgainstTheFastOne() {
    double[] precise = {0.05, 0.10, 0.85};
    double[] fast = {0.80, 0.15, 0.05};
    double[] p = BlendedSentimentModel.blend(precise, fast, BlendedSentimentModel.DEFAULT_WEIGHT);
    assertThat(p[2]).isGreaterThan(p[0]).isGreaterThan(p[1]);
  }

  @Test
  void aZeroProbabilityDoesNotVetoAClass() {
    double[] p =
        BlendedSentimentModel.blend(new double[] {0.0, 0.1, 0.9}, new double[] {1, 0, 0}, 0.25);
    assertThat(p[2]).isGreaterThan(0.5);
    assertThat(p[0]).isGreaterThan(0);
  }

  @Test
  void refusesAWeightOutsideZeroToOne() {
    assertThat(BlendedSentimentModel.weight(" 0.3 ")).isEqualTo(0.3);
    assertThat(BlendedSentimentModel.weight("0")).isZero();
    assertThatThrownBy(() -> BlendedSentimentModel.weight("1"))
        .hasMessageContaining("newsdesk.precise.blend");
    assertThatThrownBy(() -> BlendedSentimentModel.weight("-0.1"))
        .hasMessageContaining("newsdesk.precise.blend");
    assertThatThrownBy(() -> BlendedSentimentModel.weight("half"))
        .hasMessageContaining("not 'half'");
  }
}
