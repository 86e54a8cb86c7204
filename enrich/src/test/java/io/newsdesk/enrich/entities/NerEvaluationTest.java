package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NerEvaluationTest {

  @Test
  void readsIob1SpansWhereBMarksOnlyAdjacentEntitiesOfOneType() {
    String[] iob1 = {"I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"};
    assertThat(NerEvaluation.spans(iob1))
        .containsExactly("0:2:PER", "2:3:PER", "4:5:LOC", "5:6:ORG");
  }

  @Test
  void countsOnlyExactSpanAndTypeAsCorrect() {
    NerEvaluation e = new NerEvaluation();
    e.add(
        new String[] {"I-PER", "I-PER", "O", "I-LOC", "O", "I-ORG"},
        new String[] {"B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG"});
    assertThat(e.precision(null)).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(e.recall(null)).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(e.f1("PER")).isEqualTo(1.0);
    assertThat(e.f1("LOC")).isEqualTo(0.0);
    assertThat(e.precision("ORG")).isEqualTo(0.5);
  }

  @Test
  void convertsIob1ToIob2() {
    assertThat(ConllCorpus.iob2(new String[] {"I-ORG", "I-ORG", "B-ORG", "O", "I-MISC"}))
        .containsExactly("B-ORG", "I-ORG", "B-ORG", "O", "B-MISC");
  }

  @Test
  void bilouRoundTripsThroughIob2() {
    String[] iob2 = {"B-PER", "I-PER", "I-PER", "B-PER", "O", "B-LOC", "B-MISC", "I-MISC"};
    assertThat(Labels.toIob2(Labels.fromIob2(iob2))).containsExactly(iob2);
  }
}
