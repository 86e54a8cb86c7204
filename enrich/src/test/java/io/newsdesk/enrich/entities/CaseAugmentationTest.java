package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseAugmentationTest {

  private static ConllCorpus.Document doc(String[] words, String[] gold) {
    return new ConllCorpus.Document(
        "-DOCSTART- -X- -X- O", List.of(new ConllCorpus.Sentence(List.of(), words, gold)));
  }

  @Test
  void copiesSentencesInTitleCaseAndInCapitalsWithTheirGoldTags() {
    String[] words = {"Mayor", "Lena", "Holt", "visited", "the", "harbour", "in", "Tromso", "."};
    String[] gold = {"O", "B-PER", "I-PER", "O", "O", "O", "O", "B-LOC", "O"};
    List<ConllCorpus.Document> docs = List.of(doc(words, gold), doc(words, gold));

    List<ConllCorpus.Document> out = CaseAugmentation.augment(docs, 1.0, 7);

    assertThat(out).hasSize(4).startsWith(docs.get(0), docs.get(1));
    ConllCorpus.Sentence title = out.get(2).sentences().get(0);
    ConllCorpus.Sentence caps = out.get(3).sentences().get(0);
    assertThat(title.words())
        .containsExactly("Mayor", "Lena", "Holt", "Visited", "the", "Harbour", "in", "Tromso", ".");
    assertThat(caps.words())
        .containsExactly("MAYOR", "LENA", "HOLT", "VISITED", "THE", "HARBOUR", "IN", "TROMSO", ".");
    assertThat(title.gold()).isEqualTo(gold);
    assertThat(caps.gold()).isEqualTo(gold);
  }

  @Test
  void noShareAddsNothingAndSentencesAlreadyInCapitalsAreNotCopied() {
    String[] words = {"SOCCER", "-", "OSLO", "WIN", "."};
    String[] gold = {"O", "O", "B-ORG", "O", "O"};
    List<ConllCorpus.Document> docs = List.of(doc(words, gold));

    assertThat(CaseAugmentation.augment(docs, 0, 7)).isSameAs(docs);
    assertThat(CaseAugmentation.augment(docs, 1.0, 7)).hasSize(1);
  }
}
