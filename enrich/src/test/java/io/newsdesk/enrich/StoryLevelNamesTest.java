package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.enrich.entities.EntityTagger;
import io.newsdesk.enrich.trends.TrendTopology;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.EntityTrend;
import io.newsdesk.schema.Mention;
import io.newsdesk.schema.Story;
import io.newsdesk.schema.StoryEntity;
import io.newsdesk.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person has one key across a story whatever order its articles arrive in: a bare surname read
 * before the full name is folded into that person in the story's state once the full name arrives.
 */
class StoryLevelNamesTest {

  private static final Instant T0 = Instant.parse("2026-05-12T06:00:00Z");

  // Our own fixtures: a port strike, told by three outlets.
  private static final String FULL_NAME =
      "Port strike spreads along the Chilean coast\n"
          + "Dockers in Valparaiso walked out on Monday, and union leader Lucia Ferreyra said the"
          + " strike in Chile would last until wages rise. The Dockworkers Federation backs"
          + " Ferreyra, and ships waited outside Valparaiso through the night.";
  private static final String SURNAME_ONLY =
      "Ships queue outside Valparaiso as the strike holds\n"
          + "Cargo piled up in Valparaiso as the strike went on. Ferreyra told dockers in Chile"
          + " the Dockworkers Federation would not sign before wages rise, and Ferreyra repeated"
          + " it at the gates of the port of Valparaiso.";
  private static final String NAMESAKE =
      "Minister answers the port strike\n"
          + "Labour minister Tomas Ferreyra met the Dockworkers Federation in Valparaiso and said"
          + " Chile could not afford a long strike; the dockers of Valparaiso stayed out.";

  @TempDir Path stateDir;

  @Test
  void aSurnameReadBeforeTheFullNameEndsUpUnderThePersonsKey() {
    Map<String, Double> surnameFirst = storyWeights(SURNAME_ONLY, FULL_NAME);
    Map<String, Double> fullNameFirst = storyWeights(FULL_NAME, SURNAME_ONLY);

    assertThat(surnameFirst)
        .containsKey("PER:lucia ferreyra")
        .doesNotContainKey("PER:ferreyra")
        .isEqualTo(fullNameFirst);
  }

  @Test
  void theStoryNamesThePersonInFullInBothOrders() {
    for (List<String> order :
        List.of(List.of(SURNAME_ONLY, FULL_NAME), List.of(FULL_NAME, SURNAME_ONLY))) {
      Story story = lastStory(order);
      StoryEntity person =
          story.getTopEntities().stream()
              .filter(e -> e.getKey().equals("PER:lucia ferreyra"))
              .findFirst()
              .orElseThrow();
      assertThat(person.getCanonical()).isEqualTo("Lucia Ferreyra");
      assertThat(person.getType()).isEqualTo("PER");
    }
  }

  @Test
  void anArticleAfterTheFullNameResolvesItsSurnameDirectly() {
    try (Run run = new Run(stateDir.resolve("direct"))) {
      run.send("a", FULL_NAME, 0);
      run.send("b", SURNAME_ONLY, 1);
      EnrichedArticle later = run.articles().get(1);
      assertThat(later.getEntities())
          .extracting(Entity::getKey)
          .contains("PER:lucia ferreyra")
          .doesNotContain("PER:ferreyra");
    }
  }

  @Test
  void anArticleWrittenBeforeTheFullNameKeepsItsOwnKey() {
    // Records already written are not rewritten: only the story's state folds the surname in.
    try (Run run = new Run(stateDir.resolve("written"))) {
      run.send("a", SURNAME_ONLY, 0);
      run.send("b", FULL_NAME, 1);
      EnrichedArticle first = run.articles().get(0);
      assertThat(first.getEntities()).extracting(Entity::getKey).contains("PER:ferreyra");
    }
  }

  @Test
  void aSurnameSharedByTwoPeopleOfTheStoryKeepsItsOwnKeyInEveryOrder() {
    List<List<String>> orders =
        List.of(
            List.of(SURNAME_ONLY, FULL_NAME, NAMESAKE),
            List.of(FULL_NAME, SURNAME_ONLY, NAMESAKE),
            List.of(NAMESAKE, FULL_NAME, SURNAME_ONLY),
            List.of(FULL_NAME, NAMESAKE, SURNAME_ONLY));
    Map<String, Double> first = null;
    for (List<String> order : orders) {
      Map<String, Double> weights = storyWeights(order.toArray(String[]::new));
      assertThat(weights).containsKeys("PER:ferreyra", "PER:lucia ferreyra", "PER:tomas ferreyra");
      if (first == null) {
        first = weights;
      } else {
        assertThat(weights).isEqualTo(first);
      }
    }
  }

  @Test
  void trendingAndAnEntitysHistoryCountTheSurnameForThePersonInBothOrders() {
    List<List<String>> answers = new ArrayList<>();
    for (List<String> order :
        List.of(List.of(SURNAME_ONLY, FULL_NAME), List.of(FULL_NAME, SURNAME_ONLY))) {
      try (Run run = new Run(stateDir.resolve("trends" + runs++))) {
        run.send("art0", order.get(0), 0);
        run.send("art1", order.get(1), 0);
        assertThat(run.articles()).extracting(EnrichedArticle::getStoryId).containsOnly("art0");
        EnrichStores stores = run.driver.stores();
        List<String> answer = new ArrayList<>();
        for (TrendTopology.Window w : List.of(TrendTopology.DAY, TrendTopology.HOUR)) {
          List<EntityTrend> rows =
              stores.trends(w).stream()
                  .filter(t -> t.getType().equals("PER"))
                  .sorted(Comparator.comparing(t -> t.getKey() + "|" + t.getWindowStart()))
                  .toList();
          assertThat(rows)
              .extracting(t -> t.getKey().toString())
              .containsOnly("PER:lucia ferreyra");
          assertThat(rows).extracting(EntityTrend::getArticles).containsOnly(2L);
          rows.forEach(t -> answer.add(row(t)));
        }
        List<EntityTrend> hourly = stores.series(TrendTopology.HOURLY, "PER:lucia ferreyra");
        assertThat(hourly).extracting(EntityTrend::getArticles).containsExactly(2L);
        assertThat(hourly).extracting(EntityTrend::getMentions).containsExactly(4L);
        hourly.forEach(t -> answer.add(row(t)));
        // Asked for by the bare surname, the history is the person's.
        assertThat(stores.series(TrendTopology.HOURLY, "PER:ferreyra"))
            .extracting(this::row)
            .isEqualTo(hourly.stream().map(this::row).toList());
        answers.add(answer);
      }
    }
    assertThat(answers.get(1)).isEqualTo(answers.get(0));
  }

  private String row(EntityTrend t) {
    return String.join(
        " ",
        t.getWindow(),
        t.getKey(),
        t.getCanonical(),
        t.getType(),
        String.valueOf(t.getWindowStart()),
        String.valueOf(t.getArticles()),
        String.valueOf(t.getMentions()));
  }

  private Map<String, Double> storyWeights(String... bodies) {
    Story story = lastStory(List.of(bodies));
    Map<String, Double> out = new TreeMap<>();
    story.getTopEntities().forEach(e -> out.put(e.getKey(), Math.round(e.getWeight() * 1e6) / 1e6));
    return out;
  }

  private int runs;

  private Story lastStory(List<String> bodies) {
    try (Run run = new Run(stateDir.resolve("run" + runs++))) {
      for (int i = 0; i < bodies.size(); i++) {
        run.send("art" + i, bodies.get(i), i);
      }
      List<EnrichedArticle> articles = run.articles();
      assertThat(articles).extracting(EnrichedArticle::getStoryId).containsOnly("art0");
      Map<String, Story> latest = new LinkedHashMap<>();
      run.stories.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
      assertThat(latest).containsOnlyKeys("art0");
      return latest.get("art0");
    }
  }

  /** The topology with a tagger that keys names as one article alone can. */
  private static final class Run implements AutoCloseable {
    final EnrichTopologyDriver driver;
    final TestOutputTopic<String, EnrichedArticle> enriched;
    final TestOutputTopic<String, Story> stories;
    private final List<EnrichedArticle> read = new ArrayList<>();

    Run(Path dir) {
      driver =
          new EnrichTopologyDriver(
              new EnrichComponents(
                  new TestComponents.FirstLineExtractor(),
                  new ArticleScopeTagger(),
                  new TestComponents.NeutralSentiment()),
              dir);
      enriched = driver.output(Topics.ENRICHED);
      stories = driver.output(Topics.STORIES);
    }

    void send(String id, String body, int hours) {
      driver.send(id, "https://" + id + ".example/a", body, T0.plus(Duration.ofHours(hours)));
    }

    List<EnrichedArticle> articles() {
      read.addAll(enriched.readValuesToList());
      return read;
    }

    @Override
    public void close() {
      driver.close();
    }
  }

  /**
   * Tags known names: a person named in full in the article takes the full key and its surname
   * joins it; a surname alone keeps its own key, as a real tagger that sees one article does.
   */
  private static final class ArticleScopeTagger implements EntityTagger {
    private static final List<String> PEOPLE = List.of("Lucia Ferreyra", "Tomas Ferreyra");
    private static final Map<String, String> OTHERS =
        Map.of(
            "Valparaiso", "LOC",
            "Chile", "LOC",
            "Dockworkers Federation", "ORG");

    @Override
    public List<Entity> tag(String title, String text) {
      List<Entity> out = new ArrayList<>();
      boolean surnameTaken = false;
      List<String> surnames = new ArrayList<>();
      for (String person : PEOPLE) {
        if (text.contains(person)) {
          String surname = person.substring(person.lastIndexOf(' ') + 1);
          boolean onlyOne = PEOPLE.stream().filter(text::contains).count() == 1;
          out.add(entity("PER", person, onlyOne ? person + "|" + surname : person, text));
          surnameTaken |= onlyOne;
          surnames.add(surname);
        }
      }
      for (String person : PEOPLE) {
        String surname = person.substring(person.lastIndexOf(' ') + 1);
        if (!surnameTaken && !surnames.contains(surname) && text.contains(surname)) {
          out.add(entity("PER", surname, surname, text));
          surnames.add(surname);
        }
      }
      OTHERS.forEach((name, type) -> out.add(entity(type, name, name, text)));
      out.removeIf(e -> e.getCount() == 0);
      return out;
    }

    private static Entity entity(String type, String canonical, String pattern, String text) {
      Matcher m = Pattern.compile("\\b(" + pattern + ")\\b").matcher(text);
      List<Mention> mentions = new ArrayList<>();
      while (m.find()) {
        mentions.add(new Mention(m.group(), m.start(), m.end()));
      }
      return Entity.newBuilder()
          .setKey(type + ":" + canonical.toLowerCase(Locale.ROOT))
          .setCanonical(canonical)
          .setType(type)
          .setMentions(mentions)
          .setCount(mentions.size())
          .setSalience(Math.min(1.0, mentions.size() / 3.0))
          .build();
    }

    @Override
    public String version() {
      return "article-scope/test";
    }
  }
}
