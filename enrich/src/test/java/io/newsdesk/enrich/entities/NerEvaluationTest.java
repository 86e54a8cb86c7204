package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
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

  @Test
  void collectsTheTextOfEveryTrainingEntityWhateverItsType() throws Exception {
    List<ConllCorpus.Document> docs =
        ConllCorpus.read(
            new BufferedReader(
                new StringReader(
                    "-DOCSTART- -X- O O\n\n"
                        + "Ilse NNP I-NP I-PER\nVarga NNP I-NP I-PER\nvisited VBD I-VP O\n"
                        + "Tromso NNP I-NP I-LOC\n. . O O\n\n")));

    assertThat(NerEvaluation.entityNames(docs)).containsExactlyInAnyOrder("Ilse Varga", "Tromso");
  }

  @Test
  void scoresNamesNeverSeenInTrainingOnTheirOwn() {
    NerEvaluation e = new NerEvaluation(Set.of("Tromso"));
    // Gold: two names, one seen in training. The tagger finds the seen one and half of the other.
    e.add(
        new String[] {"Ilse", "Varga", "visited", "Tromso", "and", "Quelpart"},
        new String[] {"B-PER", "I-PER", "O", "B-LOC", "O", "O"},
        new String[] {"B-PER", "O", "O", "B-LOC", "O", "B-ORG"});

    assertThat(e.f1(null)).isCloseTo(2 * (1 / 3.0) * 0.5 / (1 / 3.0 + 0.5), within(1e-9));
    NerEvaluation unseen = e.unseen();
    assertThat(unseen.recall(null)).isEqualTo(0.0);
    // Predicted "Ilse" and "Quelpart" are unseen texts, both wrong.
    assertThat(unseen.precision(null)).isEqualTo(0.0);
    assertThat(e.unseenReport()).contains("1 of 2 gold");

    e.add(
        new String[] {"Quelpart", "lies", "south"},
        new String[] {"B-LOC", "O", "O"},
        new String[] {"B-LOC", "O", "O"});
    assertThat(unseen.recall(null)).isCloseTo(0.5, within(1e-9));
    assertThat(unseen.precision(null)).isCloseTo(1 / 3.0, within(1e-9));
  }

  @Test
  void sortsTheErrorsOnUnseenNamesByKind() {
    NerEvaluation e = new NerEvaluation(Set.of("Tromso"));
    e.add(
        new String[] {"Ilse", "Varga", "of", "Halvard", "Records", "met", "Orla", "in", "Tromso"},
        new String[] {"B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-PER", "O", "B-LOC"},
        // "Ilse Varga" cut short, "Halvard Records" typed PER, "Orla" missed, "met" spurious.
        new String[] {"B-PER", "O", "O", "B-PER", "I-PER", "B-MISC", "O", "O", "B-LOC"});
    e.add(
        new String[] {"the", "Tasman", "Cup", "in", "Quelpart"},
        new String[] {"O", "B-MISC", "I-MISC", "O", "B-LOC"},
        // "Tasman Cup" cut to a place "Tasman", "Quelpart" right.
        new String[] {"O", "B-LOC", "O", "O", "B-LOC"});

    assertThat(e.unseenErrorReport())
        .contains("MISC     boundary and type 1; spurious 1;")
        .contains("ORG      as PER 1;")
        .contains("PER      boundary 1; missed 1;")
        .doesNotContain("LOC ");
  }

  @Test
  void countsANameWrongThreeTimesInOneDocumentAsRepeated() {
    NerEvaluation e = new NerEvaluation(Set.of());
    String[] words = {"Halvard", "Records", "said", "Orla"};
    String[] gold = {"B-ORG", "I-ORG", "O", "B-PER"};
    String[] predicted = {"B-PER", "I-PER", "O", "O"};
    // "Halvard Records" wrong three times and "Orla" twice in the first document: only the first
    // is repeated. In the second, "Orla" is wrong a third time, but in another document.
    for (int k = 0; k < 3; k++) {
      e.add(words, gold, predicted);
      if (k == 1) {
        predicted = new String[] {"B-PER", "I-PER", "O", "B-PER"};
      }
    }
    e.endDocument();
    e.add(words, gold, new String[] {"B-ORG", "I-ORG", "O", "O"});
    e.endDocument();

    assertThat(e.unseenErrorReport())
        .contains("repeated: 3 of the wrong unseen gold names are 1 names each wrong 3 times");
  }

  @Test
  void hasNoUnseenBreakdownWithoutTrainingNames() {
    NerEvaluation e = new NerEvaluation();
    e.add(new String[] {"B-PER"}, new String[] {"B-PER"});
    assertThat(e.unseen()).isNull();
    assertThat(e.unseenReport()).isEmpty();
    assertThat(e.unseenErrorReport()).isEmpty();
  }
}
