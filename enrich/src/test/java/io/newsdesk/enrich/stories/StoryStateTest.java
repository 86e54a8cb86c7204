package io.newsdesk.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Story;
import io.newsdesk.schema.StoryEntity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryStateTest {

  private static StoryState state(Map<String, Double> weights, Map<String, String> people) {
    StoryState s = new StoryState();
    s.id = "s";
    s.entities.putAll(weights);
    weights.keySet().forEach(k -> s.names.put(k, new String[] {k.substring(4), k.substring(0, 3)}));
    s.people.putAll(people);
    return s;
  }

  @Test
  void aBareSurnameCountsForTheOnePersonOfTheStory() {
    StoryState s =
        state(
            Map.of("PER:okoye", 0.5, "PER:amara okoye", 1.0, "LOC:lagos", 0.75),
            Map.of("PER:amara okoye", "Amara Okoye"));

    Story story = s.toStory();

    assertThat(story.getTopEntities())
        .extracting(StoryEntity::getKey, StoryEntity::getWeight)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PER:amara okoye", 1.5),
            org.assertj.core.groups.Tuple.tuple("LOC:lagos", 0.75));
    assertThat(story.getTopEntities().get(0).getCanonical()).isEqualTo("Amara Okoye");
    // The weights as stored keep the article's own keys: a namesake can still unfold them.
    assertThat(s.entities).containsKey("PER:okoye");
  }

  @Test
  void aSecondPersonOfTheSameSurnameUnfoldsIt() {
    StoryState s =
        state(
            Map.of("PER:okoye", 0.5, "PER:amara okoye", 1.0, "PER:chidi okoye", 0.25),
            Map.of("PER:amara okoye", "Amara Okoye", "PER:chidi okoye", "Chidi Okoye"));

    assertThat(s.toStory().getTopEntities())
        .extracting(StoryEntity::getKey)
        .containsExactlyInAnyOrder("PER:amara okoye", "PER:okoye", "PER:chidi okoye");
  }

  @Test
  void theStateSurvivesItsStoreRoundTrip() {
    StoryState s =
        state(
            Map.of("PER:okoye", 0.5, "PER:amara okoye", 1.0),
            Map.of("PER:amara okoye", "Amara Okoye"));
    byte[] bytes = StoryState.SERDE.serializer().serialize("t", s);
    StoryState back = StoryState.SERDE.deserializer().deserialize("t", bytes);

    assertThat(back.toStory()).isEqualTo(s.toStory());
  }
}
