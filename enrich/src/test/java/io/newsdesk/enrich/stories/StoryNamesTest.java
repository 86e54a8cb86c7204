package io.newsdesk.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Mention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryNamesTest {

  private static Entity person(String key, String canonical) {
    return Entity.newBuilder()
        .setKey(key)
        .setCanonical(canonical)
        .setType("PER")
        .setMentions(List.of(new Mention(canonical, 0, canonical.length())))
        .setCount(1)
        .setSalience(1.0)
        .build();
  }

  private static EnrichedArticle article(Entity... entities) {
    Article a =
        Article.newBuilder()
            .setId("a")
            .setUrl("https://example.org/a")
            .setSource("test")
            .setArrival(Arrival.FEED)
            .setFetchedAt(0L)
            .setText("text")
            .setExtractor("test")
            .build();
    return EnrichedArticle.newBuilder()
        .setArticle(a)
        .setEntities(new ArrayList<>(List.of(entities)))
        .setEnrichedAt(0L)
        .build();
  }

  @Test
  void aBareSurnameTakesTheOneFullNameTheStoryHolds() {
    Map<String, String> people = new LinkedHashMap<>();
    StoryNames.resolve(article(person("PER:amara okoye", "Amara Okoye")), people);
    EnrichedArticle later = article(person("PER:okoye", "Okoye"));

    assertThat(StoryNames.resolve(later, people)).isEqualTo(1);
    assertThat(later.getEntities().get(0).getKey()).isEqualTo("PER:amara okoye");
    assertThat(later.getEntities().get(0).getCanonical()).isEqualTo("Amara Okoye");
  }

  @Test
  void twoPeopleWithTheSurnameLeaveTheBareSurnameItsOwnKey() {
    Map<String, String> people = new LinkedHashMap<>();
    StoryNames.resolve(
        article(person("PER:amara okoye", "Amara Okoye"), person("PER:chidi okoye", "Chidi Okoye")),
        people);
    EnrichedArticle later = article(person("PER:okoye", "Okoye"));

    assertThat(StoryNames.resolve(later, people)).isZero();
    assertThat(later.getEntities().get(0).getKey()).isEqualTo("PER:okoye");
  }

  @Test
  void theFullestFormOfANameIsKeptAsItsCanonical() {
    Map<String, String> people = new LinkedHashMap<>();
    StoryNames.resolve(article(person("PER:amara okoye", "Amara Okoye")), people);
    StoryNames.resolve(article(person("PER:amara okoye", "Amara Ngozi Okoye")), people);
    EnrichedArticle later = article(person("PER:okoye", "Okoye"));
    StoryNames.resolve(later, people);

    assertThat(later.getEntities().get(0).getCanonical()).isEqualTo("Amara Ngozi Okoye");
  }

  @Test
  void theStoryKeepsABoundedNumberOfPeople() {
    Map<String, String> people = new LinkedHashMap<>();
    for (int i = 0; i < StoryNames.MAX_PEOPLE + 25; i++) {
      StoryNames.resolve(article(person("PER:person n" + i, "Person N" + i)), people);
    }
    assertThat(people).hasSize(StoryNames.MAX_PEOPLE).containsKey("PER:person n84");
    assertThat(people).doesNotContainKey("PER:person n0");
  }

  @Test
  void theWrittenFormOfANameDoesNotDependOnWhichCameFirst() {
    assertThat(StoryNames.fuller("BAGHDAD", "Baghdad")).isEqualTo("Baghdad");
    assertThat(StoryNames.fuller("Baghdad", "BAGHDAD")).isEqualTo("Baghdad");
    assertThat(StoryNames.fuller("Amara Okoye", "Amara Ngozi Okoye"))
        .isEqualTo("Amara Ngozi Okoye");
    assertThat(StoryNames.fuller("Amara Ngozi Okoye", "Amara Okoye"))
        .isEqualTo("Amara Ngozi Okoye");
    assertThat(StoryNames.fuller("Mohammed Shia", "Muhammad Shia"))
        .isEqualTo(StoryNames.fuller("Muhammad Shia", "Mohammed Shia"));
  }

  @Test
  void onlyABareSurnameOfOnePersonHasAnAlias() {
    Map<String, String> people = new LinkedHashMap<>();
    people.put("PER:amara okoye", "Amara Okoye");
    people.put("PER:lena brandt", "Lena Brandt");
    people.put("PER:otto brandt", "Otto Brandt");

    assertThat(
            StoryNames.aliases(
                List.of("PER:okoye", "PER:brandt", "LOC:okoye", "PER:amara", "PER:amara okoye"),
                people))
        .containsExactly(Map.entry("PER:okoye", "PER:amara okoye"));
  }
}
