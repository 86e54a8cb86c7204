package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Mention;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DefaultEntityTaggerTest {

  private static final String TITLE = "Iraq's foreign minister says US troops can leave by 2026";
  private static String text;
  private static List<Entity> entities;

  @BeforeAll
  static void tagFixture() throws IOException {
    try (InputStream in =
        DefaultEntityTaggerTest.class.getResourceAsStream("withdrawal-interview.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> phrases =
        Map.ofEntries(
            Map.entry("Fuad Mohammed Hussein", "PER"),
            Map.entry("Fuad Hussein", "PER"),
            Map.entry("Hussein", "PER"),
            Map.entry("Mohammed Shiaa Al-Sudani", "PER"),
            Map.entry("Mohammad Shia Al-Sudani", "PER"),
            Map.entry("Al-Sudani", "PER"),
            Map.entry("Joe Biden", "PER"),
            Map.entry("United States", "LOC"),
            Map.entry("U.S.", "LOC"),
            Map.entry("US", "LOC"),
            Map.entry("Iraq", "LOC"),
            Map.entry("Washington", "LOC"),
            Map.entry("Iraqi", "MISC"),
            Map.entry("Al-Hadath", "ORG"),
            Map.entry("Popular Mobilization Forces", "ORG"),
            Map.entry("PMF", "ORG"));
    entities = new DefaultEntityTagger(new DictionaryRecognizer(phrases)).tag(TITLE, text);
  }

  private static Entity byCanonical(String canonical) {
    return entities.stream()
        .filter(e -> e.getCanonical().equals(canonical))
        .findFirst()
        .orElseThrow(() -> new AssertionError(canonical + " not in " + entities));
  }

  private static List<String> mentionTexts(Entity e) {
    return e.getMentions().stream().map(Mention::getText).toList();
  }

  @Test
  void resolvesSurnameAndShortFormToTheFullestName() {
    Entity e = byCanonical("Fuad Mohammed Hussein");
    assertThat(e.getType()).isEqualTo("PER");
    assertThat(mentionTexts(e)).containsExactly("Fuad Mohammed Hussein", "Hussein", "Fuad Hussein");
    assertThat(e.getCount()).isEqualTo(3);
    assertThat(e.getKey()).isEqualTo("PER:fuad hussein");
  }

  @Test
  void resolvesTransliterationVariantsOfOnePerson() {
    List<Entity> sudani =
        entities.stream().filter(e -> e.getKey().equals("PER:muhammad sudani")).toList();
    assertThat(sudani).hasSize(1);
    assertThat(mentionTexts(sudani.get(0)))
        .containsExactly("Mohammed Shiaa Al-Sudani", "Al-Sudani", "Mohammad Shia Al-Sudani");
    assertThat(sudani.get(0).getCanonical()).isEqualTo("Mohammed Shiaa Al-Sudani");
  }

  @Test
  void resolvesCountryAliasesToOneCanonicalPlace() {
    Entity us = byCanonical("United States");
    assertThat(us.getType()).isEqualTo("LOC");
    assertThat(us.getKey()).isEqualTo("LOC:united states");
    assertThat(mentionTexts(us)).containsExactly("United States", "U.S.", "US", "U.S.");
    assertThat(entities.stream().filter(e -> e.getKey().equals("LOC:united states"))).hasSize(1);
  }

  @Test
  void joinsAnAcronymToTheNameSpelledOutInTheArticle() {
    Entity pmf = byCanonical("Popular Mobilization Forces");
    assertThat(mentionTexts(pmf)).containsExactly("Popular Mobilization Forces", "PMF", "PMF");
  }

  @Test
  void everyMentionOffsetPointsAtItsTextInTheBody() {
    for (Entity e : entities) {
      for (Mention m : e.getMentions()) {
        assertThat(text.substring(m.getStart(), m.getEnd())).isEqualTo(m.getText());
      }
      assertThat(e.getSalience()).isBetween(0.0, 1.0);
      assertThat(e.getSentiment()).isNull();
    }
  }

  @Test
  void titleAndLeadMentionsRaiseSalience() {
    assertThat(entities.get(0).getSalience()).isEqualTo(1.0);
    assertThat(byCanonical("Fuad Mohammed Hussein").getSalience())
        .isGreaterThan(byCanonical("Joe Biden").getSalience());
    assertThat(byCanonical("United States").getSalience())
        .isGreaterThan(byCanonical("Washington").getSalience());
  }

  @Test
  void findsDatesAmountsAndMoney() {
    assertThat(entities)
        .extracting(e -> e.getType() + " " + e.getCanonical())
        .contains(
            "DATE January 11",
            "DATE Thursday",
            "DATE last week",
            "AMOUNT about 2,500 troops",
            "AMOUNT 141 attacks",
            "AMOUNT over 85 targets",
            "AMOUNT 14 Iraqi banks",
            "MONEY $1.2 billion",
            "MONEY 500 million dinars");
  }
}
