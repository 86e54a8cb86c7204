package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewsRulesRecognizerTest {

  /** A recognizer that answers with fixed tags, so the test sees what the rules do to them. */
  private static EntityRecognizer answering(List<String[]> tags) {
    return new EntityRecognizer() {
      @Override
      public List<String[]> tagDocument(List<String[]> sentences) {
        return tags;
      }

      @Override
      public String version() {
        return "fixed";
      }
    };
  }

  @Test
  void appliesTheNewsRulesToTheRecognizersTagsAndKeepsTheTokens() {
    List<String[]> words =
        List.of(
            "Defense Secretary Nora Quill met Sen. Florence Ames ( D-Ore. ) .".split(" "),
            "2. Ana Roth ( Chile ) 12.74".split(" "));
    List<String[]> tags =
        List.of(
            new String[] {
              "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "B-MISC", "O",
              "O"
            },
            new String[] {"O", "B-PER", "I-PER", "O", "B-LOC", "O", "O"});
    EntityRecognizer ruled = NewsRulesRecognizer.wrap(answering(tags));

    List<String[]> out = ruled.tagDocument(words);

    assertThat(out.get(0))
        .containsExactly(
            "O", "O", "B-PER", "I-PER", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O");
    // A results line is no headline: its names stand without confirmation.
    assertThat(out.get(1)).containsExactly("O", "B-PER", "I-PER", "O", "B-LOC", "O", "O");
    assertThat(ruled.version()).isEqualTo("fixed+news-rules(text)");
  }

  @Test
  void givenSentencesATitleCaseLineIsNoHeadline() {
    // A table's header in a CoNLL file: as a scraped page's headline its name would need the
    // body's confirmation; given as a sentence, it is one like any other.
    List<String[]> words =
        List.of("EASTERN DIVISION".split(" "), "Results of the games on Sunday .".split(" "));
    List<String[]> tags =
        List.of(
            new String[] {"B-MISC", "I-MISC"}, new String[] {"O", "O", "O", "O", "O", "O", "O"});

    assertThat(NewsRulesRecognizer.forSentences(answering(tags)).tagDocument(words).get(0))
        .containsExactly("B-MISC", "I-MISC");
    assertThat(NewsRulesRecognizer.wrap(answering(tags)).tagDocument(words).get(0))
        .containsExactly("O", "O");
    assertThat(NewsRulesRecognizer.forSentences(answering(tags)).version())
        .isEqualTo("fixed+news-rules");
  }
}
