package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CanonicalKeysTest {

  @Test
  void variantSpellingsOfOnePersonShareAKey() {
    String key = CanonicalKeys.key("PER", "Mohammed Shiaa Al-Sudani");
    assertThat(CanonicalKeys.key("PER", "Mohammad Shia al-Sudani")).isEqualTo(key);
    assertThat(CanonicalKeys.key("PER", "Muhammad Shia\u2019 Al Sudani")).isEqualTo(key);
    assertThat(CanonicalKeys.key("PER", "Muhammad Shia' Al-Sudani")).isEqualTo(key);
    assertThat(key).isEqualTo("PER:muhammad sudani");
  }

  @Test
  void aHyphenatedGivenNameStaysWholeInThePersonsKey() {
    assertThat(CanonicalKeys.key("PER", "Lee Jae-yong")).isEqualTo("PER:lee jae yong");
    assertThat(CanonicalKeys.key("PER", "Kim Hong-il"))
        .isNotEqualTo(CanonicalKeys.key("PER", "Kim Jong-il"));
    assertThat(CanonicalKeys.key("PER", "Jean-Marc Ayrault Dumas"))
        .isEqualTo("PER:jean marc dumas");
    // A middle name still goes, and a dropped article leaves no word behind.
    assertThat(CanonicalKeys.key("PER", "Mohammed Shia Al Sudani"))
        .isEqualTo(CanonicalKeys.key("PER", "Mohammed Sudani"));
  }

  @Test
  void aCompanysLegalFormIsNotPartOfItsKey() {
    assertThat(CanonicalKeys.key("ORG", "Halvorsen Marine ASA"))
        .isEqualTo(CanonicalKeys.key("ORG", "Halvorsen Marine"))
        .isEqualTo("ORG:halvorsen marine");
    assertThat(CanonicalKeys.key("ORG", "Brack & Co."))
        .isEqualTo(CanonicalKeys.key("ORG", "Brack Co"))
        .isEqualTo("ORG:brack");
    assertThat(CanonicalKeys.key("ORG", "Veldt Holdings Inc.")).isEqualTo("ORG:veldt holdings");
    // Only trailing forms, never the whole name, and only of organisations.
    assertThat(CanonicalKeys.key("ORG", "Company")).isEqualTo("ORG:company");
    assertThat(CanonicalKeys.key("ORG", "Co-operative Bank")).isEqualTo("ORG:co operative bank");
    assertThat(CanonicalKeys.key("PER", "Ana Co")).isEqualTo("PER:ana co");
  }

  @Test
  void middleNamesDoNotChangeAPersonsKey() {
    assertThat(CanonicalKeys.key("PER", "Fuad Mohammed Hussein"))
        .isEqualTo(CanonicalKeys.key("PER", "Fuad Hussein"))
        .isEqualTo(CanonicalKeys.key("PER", "Fouad Husain"));
  }

  @Test
  void stripsDiacriticsCaseAndArabicArticles() {
    assertThat(CanonicalKeys.key("ORG", "Al-Hadath"))
        .isEqualTo(CanonicalKeys.key("ORG", "al Hadath"));
    assertThat(CanonicalKeys.key("PER", "José Martí")).isEqualTo("PER:jose marti");
    assertThat(CanonicalKeys.key("PER", "Nouri el-Maliki")).isEqualTo("PER:nouri maliki");
  }

  @Test
  void keepsTheTypeInTheKey() {
    assertThat(CanonicalKeys.key("LOC", "Washington")).isEqualTo("LOC:washington");
    assertThat(CanonicalKeys.key("PER", "Washington"))
        .isNotEqualTo(CanonicalKeys.key("LOC", "Washington"));
  }

  @Test
  void splitsANameAtRunsOfWhiteSpaceAndHyphens() {
    assertThat(CanonicalKeys.fold("Jean-Claude  Van\tDamme"))
        .containsExactly("jean", "claude", "van", "damme");
    assertThat(CanonicalKeys.fold(" - Saint\u2013Denis -")).containsExactly("saint", "denis");
    assertThat(CanonicalKeys.fold("\u00a0Abu\u00a0Dhabi")).containsExactly("abu\u00a0dhabi");
  }

  /**
   * The parts are those of the regular expression {@code [\s-]+} the split used, empty ones left
   * out.
   */
  @Test
  void partsAreWhatTheRegularExpressionSplitGaveLessEmptyParts() {
    Pattern breaks = Pattern.compile("[\\s-]+");
    String alphabet = "aB -\t\n\u000B\f\r\u00a0\u2013\u2028'.";
    qt().withExamples(2000)
        .forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 16))
        .check(
            picks -> {
              StringBuilder b = new StringBuilder();
              picks.forEach(i -> b.append(alphabet.charAt(i)));
              String s = b.toString();
              List<String> expected =
                  Arrays.stream(breaks.split(s)).filter(p -> !p.isEmpty()).toList();
              return CanonicalKeys.parts(s).equals(expected);
            });
  }
}
