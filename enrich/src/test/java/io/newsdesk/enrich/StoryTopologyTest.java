package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.enrich.entities.EntityTagger;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Mention;
import io.newsdesk.schema.Story;
import io.newsdesk.schema.StoryEntity;
import io.newsdesk.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-04T08:00:00Z");

  @TempDir Path stateDir;
  private EnrichTopologyDriver driver;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, Story> stories;

  @BeforeEach
  void open() {
    EnrichComponents components =
        new EnrichComponents(
            new TestComponents.FirstLineExtractor(),
            new NameListTagger(),
            new TestComponents.NeutralSentiment());
    driver = new EnrichTopologyDriver(components, stateDir);
    enriched = driver.output(Topics.ENRICHED);
    stories = driver.output(Topics.STORIES);
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void send(String id, String body, Duration after) {
    driver.send(id, "https://" + id + ".example/a", body, T0.plus(after));
  }

  private void sendTheStory() {
    send("wire", StoryFixtures.wire(), Duration.ZERO);
    send("syndicated", StoryFixtures.syndicated(), Duration.ofMinutes(20));
    for (int i = 0; i < StoryFixtures.SAME_STORY.size(); i++) {
      send("outlet" + i, StoryFixtures.SAME_STORY.get(i), Duration.ofHours(1 + i));
    }
  }

  @Test
  void fiveOutletsReportingOneStoryEndUpInOneStory() {
    sendTheStory();

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(6);
    assertThat(out).extracting(EnrichedArticle::getStoryId).containsOnly("wire");
    Map<String, Story> latest = latest(stories);
    assertThat(latest).containsOnlyKeys("wire");
    Story story = latest.get("wire");
    assertThat(story.getArticleCount()).isEqualTo(6);
    assertThat(story.getFirstSeen()).isEqualTo(T0.toEpochMilli());
    assertThat(story.getLastSeen()).isEqualTo(T0.plus(Duration.ofHours(4)).toEpochMilli());
    assertThat(story.getTopEntities())
        .extracting(StoryEntity::getKey)
        .contains("PER:fuad hussein", "LOC:iraq");
    assertThat(story.getTitle()).isNotBlank();
    assertThat(story.getMeanTone()).isEqualTo(0.0);
    assertThat(story.getArticleIds()).hasSize(6);
  }

  @Test
  void unrelatedArticlesGetStoriesOfTheirOwn() {
    sendTheStory();
    send("oil", StoryFixtures.UNRELATED.get(0), Duration.ofHours(5));
    send("football", StoryFixtures.UNRELATED.get(1), Duration.ofHours(6));

    Map<String, String> storyOf = new LinkedHashMap<>();
    enriched.readValuesToList().forEach(a -> storyOf.put(a.getArticle().getId(), a.getStoryId()));
    assertThat(storyOf.get("oil")).isEqualTo("oil");
    assertThat(storyOf.get("football")).isEqualTo("football");
    assertThat(latest(stories)).containsOnlyKeys("wire", "oil", "football");
  }

  @Test
  void theSameSubjectAfterTheWindowStartsANewStory() {
    send("wire", StoryFixtures.wire(), Duration.ZERO);
    send("later", StoryFixtures.SAME_STORY.get(3), Duration.ofDays(4));

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(EnrichedArticle::getStoryId).containsExactly("wire", "later");
  }

  private static Map<String, Story> latest(TestOutputTopic<String, Story> topic) {
    Map<String, Story> out = new LinkedHashMap<>();
    topic.readKeyValuesToList().forEach(kv -> out.put(kv.key, kv.value));
    return out;
  }

  /** Tags a fixed list of names, the way a real tagger keys them across articles. */
  static final class NameListTagger implements EntityTagger {
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
      NAMES.put("Fuad Hussein|Hussein", "PER:fuad hussein");
      NAMES.put("Mohammed Shia al-Sudani|al-Sudani", "PER:mohammed shia al-sudani");
      NAMES.put("Iraq|Iraqi", "LOC:iraq");
      NAMES.put("Baghdad", "LOC:baghdad");
      NAMES.put("United States|Washington|US|American", "LOC:united states");
      NAMES.put("Erbil", "LOC:erbil");
      NAMES.put("Islamic State", "ORG:islamic state");
      NAMES.put("Iran", "LOC:iran");
      NAMES.put("OPEC", "ORG:opec");
      NAMES.put("Brent", "MISC:brent");
      NAMES.put("Vienna", "LOC:vienna");
      NAMES.put("Cushing", "LOC:cushing");
      NAMES.put("Asia", "LOC:asia");
      NAMES.put("Valencia", "ORG:valencia");
      NAMES.put("Sevilla", "ORG:sevilla");
      NAMES.put("Mestalla", "LOC:mestalla");
    }

    @Override
    public List<Entity> tag(String title, String text) {
      List<Entity> out = new ArrayList<>();
      for (Map.Entry<String, String> n : NAMES.entrySet()) {
        Matcher m = Pattern.compile("\\b(" + n.getKey() + ")\\b").matcher(text);
        List<Mention> mentions = new ArrayList<>();
        while (m.find()) {
          mentions.add(new Mention(m.group(), m.start(), m.end()));
        }
        if (!mentions.isEmpty()) {
          String key = n.getValue();
          out.add(
              Entity.newBuilder()
                  .setKey(key)
                  .setCanonical(n.getKey().split("\\|")[0])
                  .setType(key.substring(0, key.indexOf(':')))
                  .setMentions(mentions)
                  .setCount(mentions.size())
                  .setSalience(Math.min(1.0, mentions.size() / 4.0))
                  .build());
        }
      }
      return out;
    }

    @Override
    public String version() {
      return "name-list/test";
    }
  }
}
