package io.newsdesk.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<String> words(String text) {
    return Tokenizer.tokenize(text).stream().map(Token::text).toList();
  }

  @Test
  void keepsInitialismsAndAbbreviationsWhole() {
    assertThat(words("U.S. troops met Gen. Smith and Mr. Jones on Jan. 5."))
        .containsExactly(
            "U.S.", "troops", "met", "Gen.", "Smith", "and", "Mr.", "Jones", "on", "Jan.", "5",
            ".");
  }

  @Test
  void keepsALegislatorsPartyAndStateWhole() {
    assertThat(words("Rep. Dan Okafor (D-N.Y.) and Sen. Ruth Ellery (R-S.C.) spoke."))
        .containsExactly(
            "Rep.", "Dan", "Okafor", "(", "D-N.Y.", ")", "and", "Sen.", "Ruth", "Ellery", "(",
            "R-S.C.", ")", "spoke", ".");
  }

  @Test
  void keepsHyphenatedArabicNamesAndApostrophesInsideWords() {
    assertThat(words("Al-Hadath asked al-Sudani about Int'l aid"))
        .containsExactly("Al-Hadath", "asked", "al-Sudani", "about", "Int'l", "aid");
  }

  @Test
  void keepsASiteNameWholeButNotTwoSentencesMissingTheirSpace() {
    assertThat(words("Amazon.com Inc. and bbc.co.uk cited Booking.com."))
        .containsExactly("Amazon.com", "Inc.", "and", "bbc.co.uk", "cited", "Booking.com", ".");
    assertThat(words("He left home.It rained at home.com"))
        .containsExactly("He", "left", "home", ".", "It", "rained", "at", "home.com");
    assertThat(words("It cost 3.com")).containsExactly("It", "cost", "3", ".", "com");
  }

  @Test
  void splitsPossessiveFromStraightAndCurlyApostrophes() {
    assertThat(words("Iraq's and Iraq\u2019s"))
        .containsExactly("Iraq", "'s", "and", "Iraq", "\u2019s");
  }

  @Test
  void separatesQuotesAndDashes() {
    assertThat(words("\u201cWe will leave\u201d \u2014 he said, \"soon\"."))
        .containsExactly(
            "\u201c", "We", "will", "leave", "\u201d", "\u2014", "he", "said", ",", "\"", "soon",
            "\"", ".");
  }

  @Test
  void keepsNumbersWithThousandsSeparatorsAndDecimals() {
    assertThat(words("2,500 troops cost $1.2 billion, or 3.5%"))
        .containsExactly("2,500", "troops", "cost", "$", "1.2", "billion", ",", "or", "3.5", "%");
  }

  @Test
  void readsADateline() {
    assertThat(words("BAGHDAD, January 11 \u2014 The minister"))
        .containsExactly("BAGHDAD", ",", "January", "11", "\u2014", "The", "minister");
  }

  @Test
  void offsetsPointBackIntoTheText() {
    String text = "  Fuad Hussein\u2019s visit to the U.S.\u2014 in\tJanuary.";
    for (Token t : Tokenizer.tokenize(text)) {
      assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
    }
  }

  @Test
  void endsASentenceAfterAPlainWordBeforeTheFullStop() {
    assertThat(words("He said no.")).containsExactly("He", "said", "no", ".");
  }
}
