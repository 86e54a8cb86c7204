package io.newsdesk.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FoldedWordsTest {

  @Test
  void foldsRunsOfLettersAndDigitsToLowerCaseWordsJoinedBySingleSpaces() {
    FoldedWords w = FoldedWords.of("  The EU's 27 states -- and  Zürich!\n");

    assertThat(w.text()).isEqualTo("the eu s 27 states and zürich");
    assertThat(w.count()).isEqualTo(7);
    assertThat(w.word(0)).isEqualTo("the");
    assertThat(w.word(2)).isEqualTo("s");
    assertThat(w.word(6)).isEqualTo("zürich");
    assertThat(w.length(4)).isEqualTo(6);
    assertThat(w.firstChar(3)).isEqualTo('2');
  }

  @Test
  void aTextWithoutLettersOrDigitsHasNoWords() {
    FoldedWords w = FoldedWords.of("-- !! ... \u2014");

    assertThat(w.count()).isZero();
    assertThat(w.text()).isEmpty();
  }

  @Test
  void eachWordsHashIsFnv1aOfItsUtf8Bytes() {
    // One, two, three and four bytes per character in UTF-8: a, é, 東, and a mathematical letter.
    FoldedWords w = FoldedWords.of("Paris Écu 東京 \ud835\udc00bc");

    assertThat(w.count()).isEqualTo(4);
    for (int i = 0; i < w.count(); i++) {
      assertThat(w.hash(i)).as(w.word(i)).isEqualTo(fnv1a(w.word(i)));
    }
    assertThat(w.hash(0)).isNotEqualTo(w.hash(1));
  }

  @Test
  void sameWordsGiveTheSameHashesWhateverTheirCaseAndPunctuation() {
    FoldedWords a = FoldedWords.of("Oil prices ROSE.");
    FoldedWords b = FoldedWords.of("oil, prices -- rose");

    assertThat(a.text()).isEqualTo(b.text());
    for (int i = 0; i < a.count(); i++) {
      assertThat(a.hash(i)).isEqualTo(b.hash(i));
    }
  }

  private static long fnv1a(String word) {
    long h = 0xcbf29ce484222325L;
    for (byte x : word.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (x & 0xff)) * 0x100000001b3L;
    }
    return h;
  }
}
