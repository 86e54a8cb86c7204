package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class WordVectorsTest {

  private final WordVectors v = WordVectors.standard();

  @Test
  void shipsCompactUnitVectorsOfFrequentWords() {
    assertThat(v.size()).isGreaterThanOrEqualTo(30_000);
    assertThat(v.dims).isEqualTo(TargetFeatures.VECTOR_DIMS);
    int id = v.id("government");
    assertThat(id).isNotNegative();
    assertThat(v.similarity(id, id)).isBetween(0.95f, 1.05f);
    assertThat(v.id("qzxqzxqzx")).isEqualTo(-1);
  }

  @Test
  void similarWordsSitCloserThanUnrelatedOnes() {
    assertThat(v.similarity(v.id("criticized"), v.id("condemned")))
        .isGreaterThan(v.similarity(v.id("criticized"), v.id("tuesday")));
  }

  @Test
  void polarityReachesWordsTheLexiconLacks() {
    Lexicon lex = Lexicon.defaults();
    // Words outside the lexicon take the polarity of the lexicon words around them.
    for (String w : new String[] {"slammed", "lambasted"}) {
      if (lex.valence(w) == 0f) {
        assertThat(v.polarity(v.id(w))).as(w).isNegative();
      }
    }
    assertThat(v.polarity(v.id("corrupt"))).isNegative();
    assertThat(v.polarity(v.id("courageous"))).isPositive();
    assertThat(Math.abs(v.polarity(v.id("tuesday")))).isLessThan(0.2f);
  }

  @Test
  void writeThenReadKeepsVectorsAndPolarity() throws Exception {
    WordVectors back = WordVectors.read(new ByteArrayInputStream(v.write()));
    assertThat(back.size()).isEqualTo(v.size());
    int id = v.id("election");
    assertThat(back.id("election")).isEqualTo(id);
    assertThat(back.polarity(id)).isEqualTo(v.polarity(id));
    assertThat(back.similarity(id, v.id("vote"))).isEqualTo(v.similarity(id, v.id("vote")));
  }
}
