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
    assertThat(ruled.version()).isEqualTo("fixed+news-rules");
  }
}
