package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Entity;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model and resolution together, on scrape-like text the project wrote. */
class ShippedTaggerResolutionTest {

  private static DefaultEntityTagger tagger;

  private static final String SCRAPE =
      """
      'Our forces can secure Iraq'

      Al-Sudani says the coalition's job is done

      BAGHDAD, February 12 — Iraqi Prime Minister Mohammed Shiaa Al-Sudani said on Monday that the \
      coalition had finished its work. Sudani told commanders that Iraq wanted a gradual end to \
      the mission.

      Foreign Minister Fuad Mohammed Hussein said talks with Washington would resume. Hussein \
      spoke to reporters in Baghdad after meeting Prime Minister Mohammad Shia al-Sudani.
      """;

  @BeforeAll
  static void load() {
    tagger = DefaultEntityTagger.loadDefault();
  }

  @Test
  void joinsANameTheRecognizerCutBeforeItsSurname() {
    List<Entity> people = people(tagger.tag(null, SCRAPE));

    assertThat(people)
        .filteredOn(e -> e.getKey().equals("PER:muhammad sudani"))
        .singleElement()
        .satisfies(e -> assertThat(e.getCount()).isGreaterThanOrEqualTo(3));
    assertThat(people)
        .filteredOn(e -> e.getKey().equals("PER:fuad hussein"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getCanonical()).isEqualTo("Fuad Mohammed Hussein");
              assertThat(e.getCount()).isEqualTo(2);
            });
  }

  @Test
  void keepsQuoteMarksAndPronounsOutOfNames() {
    assertThat(tagger.tag(null, SCRAPE))
        .extracting(Entity::getCanonical)
        .noneMatch(c -> c.startsWith("'") || c.equalsIgnoreCase("our"));
  }

  private static List<Entity> people(List<Entity> entities) {
    return entities.stream().filter(e -> e.getType().equals("PER")).toList();
  }
}
