package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.enrich.text.Token;
import io.newsdesk.enrich.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumericEntityRulesTest {

  private static List<String> found(String sentence) {
    List<Token> tokens = Tokenizer.tokenize(sentence);
    return NumericEntityRules.find(tokens).stream()
        .map(
            m ->
                m.type()
                    + " "
                    + sentence.substring(
                        tokens.get(m.start()).start(), tokens.get(m.end() - 1).end()))
        .toList();
  }

  @Test
  void countsWhatANumberCounts() {
    assertThat(found("Militants staged 141 attacks and 2,500 troops remain."))
        .containsExactly("AMOUNT 141 attacks", "AMOUNT 2,500 troops");
    assertThat(found("Jets struck over 85 targets near 14 Iraqi banks."))
        .containsExactly("AMOUNT over 85 targets", "AMOUNT 14 Iraqi banks");
    assertThat(found("Inflation rose 3.5% as more than a dozen were hurt."))
        .contains("AMOUNT 3.5%");
  }

  @Test
  void recognisesMoneyWithSymbolsAndCurrencyNames() {
    assertThat(found("They seek $1.2 billion and 500 million dinars, or US$40."))
        .containsExactly("MONEY $1.2 billion", "MONEY 500 million dinars", "MONEY US$40");
    assertThat(found("It paid 2 million Iraqi dinars."))
        .containsExactly("MONEY 2 million Iraqi dinars");
  }

  @Test
  void recognisesDates() {
    assertThat(found("BAGHDAD, January 11, 2024 - talks resumed on Thursday."))
        .containsExactly("DATE January 11, 2024", "DATE Thursday");
    assertThat(found("Troops left in 2011 and returned last month; see 2024-01-11."))
        .containsExactly("DATE 2011", "DATE last month", "DATE 2024-01-11");
    assertThat(found("On 5 March the envoy arrived.")).containsExactly("DATE 5 March");
  }

  @Test
  void datesOlderYearsBesideAMonthOrAfterAPrepositionOnlyADateTakes() {
    assertThat(found("The battle was fought on 9 August 1643 during the civil war."))
        .containsExactly("DATE 9 August 1643");
    assertThat(found("The abbey stood from May 1120 and burned in 1643."))
        .containsExactly("DATE May 1120", "DATE 1643");
    assertThat(found("The index rose to 1500 points.")).containsExactly("AMOUNT 1500 points");
  }

  @Test
  void aCompoundEndingInAPluralCountsWithItAndAVerbIsNotCounted() {
    assertThat(found("The bank raised rates by 25 basis points."))
        .containsExactly("AMOUNT 25 basis points");
    assertThat(found("He threw seven scoreless innings."))
        .containsExactly("AMOUNT seven scoreless innings");
    assertThat(found("The two signed 15 agreements.")).containsExactly("AMOUNT 15 agreements");
    assertThat(found("Police said 40 people died.")).containsExactly("AMOUNT 40 people");
  }

  @Test
  void aNumberThatIsPartOfANameCountsNothing() {
    assertThat(found("The FTSE 100 fell and a Boeing 737 landed.")).isEmpty();
    assertThat(found("On Monday 40 people and in March 200 troops left."))
        .containsExactly("DATE Monday", "AMOUNT 40 people", "DATE March", "AMOUNT 200 troops");
    assertThat(found("Some 300 people left.")).containsExactly("AMOUNT Some 300 people");
  }

  @Test
  void aPrepositionAfterANumberIsNotWhatItCounts() {
    assertThat(found("Some 300 during the night and 40 since were counted.")).isEmpty();
  }

  @Test
  void leavesBareNumbersAndTheModalMayAlone() {
    assertThat(found("He said 3 were hurt and they may return.")).isEmpty();
  }
}
