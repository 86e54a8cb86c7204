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

  @Test
  void lowerCasesWordsAsEachWordOnItsOwnWouldBe() {
    // "İ" lower-cases to two chars: the text's folded form no longer lines up with its offsets.
    for (String text :
        new String[] {
          "“Merkel’s PARTY” won in Köln.", "İstanbul’s MAYOR said ÉLAN.", "Ünal, Ärger; 'NO'"
        }) {
      Tokens t = Tokens.of(text);
      for (int i = 0; i < t.size; i++) {
        String raw = text.substring(t.start[i], t.end[i]);
        String expected =
            t.isWord(i) ? raw.replace('’', '\'').toLowerCase(java.util.Locale.ROOT) : raw;
        assertThat(t.lower[i]).as(text + " token " + i).isEqualTo(expected);
      }
    }
  }
}
