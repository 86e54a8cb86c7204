package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void splitsSentencesButNotAbbreviations() {
    Tokens t = Tokens.of("Mr. Smith met U.S. officials. They agreed. \"It works,\" he said.\nNext");
    List<int[]> s = t.sentences();
    assertThat(s).hasSize(4);
    assertThat(t.text.substring(t.start[s.get(0)[0]], t.end[s.get(0)[1] - 1]))
        .isEqualTo("Mr. Smith met U.S. officials.");
  }

  @Test
  void keepsContractionsAndOffsets() {
    Tokens t = Tokens.of("Trump’s aides didn't go.");
    assertThat(t.lower[0]).isEqualTo("trump's");
    assertThat(t.lower[2]).isEqualTo("didn't");
    assertThat(t.start[1]).isEqualTo(8);
    assertThat(t.end[1]).isEqualTo(13);
  }
}
