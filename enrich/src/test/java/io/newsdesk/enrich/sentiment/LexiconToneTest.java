package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Tone;
import org.junit.jupiter.api.Test;

class LexiconToneTest {

  private final LexiconTone tone = new LexiconTone(Lexicon.defaults());

  @Test
  void readsFailedCeasefireVoteAsNegative() {
    Tone t =
        tone.tone(
            "The Security Council failed to pass the ceasefire resolution as fighting killed"
                + " dozens.");
    assertThat(t.getTone()).isNegative();
    assertThat(t.getPositive()).isZero();
  }

  @Test
  void readsAirstrikesOnMilitantsAsNegative() {
    assertThat(
            tone.tone("Airstrikes hit militants near the border, and sanctions followed.")
                .getTone())
        .isNegative();
  }

  @Test
  void readsRoutineReportAsNeutral() {
    Tone t = tone.tone("The central bank kept interest rates unchanged on Thursday.");
    assertThat(t.getTone()).isZero();
    assertThat(t.getPolarity()).isZero();
  }

  @Test
  void readsGoodNewsAsPositive() {
    Tone t = tone.tone("The rescue was a great success and the families were overjoyed.");
    assertThat(t.getTone()).isPositive();
    assertThat(t.getNegative()).isZero();
  }

  @Test
  void negationFlipsValence() {
    assertThat(tone.tone("The talks were good.").getTone()).isPositive();
    assertThat(tone.tone("The talks were not good.").getTone()).isNegative();
    assertThat(tone.tone("The minister said it was never a problem.").getTone()).isPositive();
  }

  @Test
  void negationStopsAtClauseBoundary() {
    assertThat(tone.tone("It did not rain, and the harvest was good.").getTone()).isPositive();
  }

  @Test
  void contrastWeighsTheClauseAfterBut() {
    assertThat(tone.tone("The plan is good but the outcome was terrible.").getTone()).isNegative();
    assertThat(tone.tone("The plan had problems but the outcome was great.").getTone())
        .isPositive();
  }

  @Test
  void intensifierStrengthensAndDampenerWeakens() {
    double plain = tone.tone("The result was bad.").getNegative();
    assertThat(tone.tone("The result was very bad.").getNegative()).isGreaterThan(plain);
    assertThat(tone.tone("The result was slightly bad.").getNegative()).isLessThan(plain);
  }

  @Test
  void fillsGdeltFieldsInPercentOfWords() {
    Tone t = tone.tone("We attacked the problem and our team won. It was great.");
    assertThat(t.getWordCount()).isEqualTo(11);
    assertThat(t.getSelfGroupDensity())
        .isCloseTo(100.0 * 2 / 11, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(t.getActivityDensity())
        .isCloseTo(100.0 * 2 / 11, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(t.getTone())
        .isCloseTo(t.getPositive() - t.getNegative(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(t.getPolarity()).isGreaterThan(0);
  }

  @Test
  void emptyTextHasZeroTone() {
    Tone t = tone.tone("");
    assertThat(t.getWordCount()).isZero();
    assertThat(t.getTone()).isZero();
    assertThat(tone.tone((String) null).getWordCount()).isZero();
  }
}
