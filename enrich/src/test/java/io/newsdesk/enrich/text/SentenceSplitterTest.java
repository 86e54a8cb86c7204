package io.newsdesk.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  private static List<String> sentences(String text) {
    return SentenceSplitter.split(text).stream()
        .map(s -> text.substring(s.start(), s.end()))
        .toList();
  }

  @Test
  void doesNotSplitAfterTitlesOrMidSentenceInitialisms() {
    assertThat(sentences("Gen. Smith met Mr. Jones. U.S. troops will stay until Jan. 2026."))
        .containsExactly("Gen. Smith met Mr. Jones.", "U.S. troops will stay until Jan. 2026.");
  }

  @Test
  void splitsAfterAnInitialismThatEndsASentence() {
    assertThat(sentences("The minister flew to the U.S. The talks begin today."))
        .containsExactly("The minister flew to the U.S.", "The talks begin today.");
  }

  @Test
  void keepsADatelineWithItsSentence() {
    assertThat(sentences("BAGHDAD, January 11 \u2014 Iraq's foreign minister spoke. He smiled."))
        .containsExactly("BAGHDAD, January 11 \u2014 Iraq's foreign minister spoke.", "He smiled.");
  }

  @Test
  void keepsClosingQuotesWithTheSentenceTheyEnd() {
    assertThat(sentences("\u201cWe are ready.\u201d The envoy left. \"Fine,\" he said."))
        .containsExactly("\u201cWe are ready.\u201d", "The envoy left.", "\"Fine,\" he said.");
  }

  @Test
  void splitsAtLineBreaksSuchAsAfterAHeadline() {
    assertThat(sentences("Iraq seeks troop exit\nThe minister said so."))
        .containsExactly("Iraq seeks troop exit", "The minister said so.");
  }

  @Test
  void doesNotSplitBeforeALowerCaseContinuation() {
    assertThat(sentences("It cost 1.5 bn. dollars... and more.")).hasSize(1);
  }
}
