package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordTableTest {

  @Test
  void findsEveryWordItWasBuiltWithAndNoOther() {
    Map<String, Integer> words = new HashMap<>();
    Random random = new Random(5);
    for (int i = 0; i < 5_000; i++) {
      words.put("w" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36), i);
    }
    WordTable table = new WordTable(words);
    words.forEach((w, i) -> assertThat(table.get(new String(w))).as(w).isEqualTo(i));
    for (int i = 0; i < 5_000; i++) {
      String absent = "x" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
      assertThat(table.get(absent)).as(absent).isEqualTo(-1);
    }
  }

  @Test
  void wordsWhoseHashesCollideStayApart() {
    // "Aa" and "BB" share a String hash code; so do their concatenations.
    WordTable table = new WordTable(Map.of("Aa", 1, "BB", 2, "AaBB", 3, "BBAa", 4));
    assertThat(table.get("Aa")).isEqualTo(1);
    assertThat(table.get("BB")).isEqualTo(2);
    assertThat(table.get("AaBB")).isEqualTo(3);
    assertThat(table.get("BBAa")).isEqualTo(4);
    assertThat(table.get("AaAa")).isEqualTo(-1);
  }

  @Test
  void aSetOfWordsAnswersMembership() {
    WordTable speech = WordTable.of("said", "told");
    assertThat(speech.contains("said")).isTrue();
    assertThat(speech.contains("sai")).isFalse();
    assertThat(WordTable.of().contains("said")).isFalse();
  }

  @Test
  void refusesNegativeValuesThatWouldReadAsAbsent() {
    assertThatThrownBy(() -> new WordTable(Map.of("a", -1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
