package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run summary's top entities count each person once per article, as the story names them. */
class RunReportTest {

  private static Entity entity(String type, String key, String canonical) {
    return Entity.newBuilder()
        .setKey(key)
        .setCanonical(canonical)
        .setType(type)
        .setMentions(List.of(new Mention(canonical, 0, canonical.length())))
        .setCount(1)
        .setSalience(1.0)
        .build();
  }

  private static EnrichedArticle article(String id, String story, Entity... entities) {
    Article a =
        Article.newBuilder()
            .setId(id)
            .setUrl("https://example.org/" + id)
            .setSource("test")
            .setArrival(Arrival.FILE)
            .setFetchedAt(0L)
            .setText("text")
            .setExtractor("test")
            .build();
    return EnrichedArticle.newBuilder()
        .setArticle(a)
        .setEntities(new ArrayList<>(List.of(entities)))
        .setStoryId(story)
        .setEnrichedAt(0L)
        .build();
  }

  @Test
  void aBareSurnameReadBeforeTheFullNameCountsForTheOnePersonOfItsStory() {
    RunReport r = new RunReport();
    // The first article came before any naming the minister in full: its record keeps the surname.
    r.add(
        article(
            "a", "s1", entity("PER", "PER:okoye", "Okoye"), entity("LOC", "LOC:lagos", "Lagos")));
    r.add(article("b", "s1", entity("PER", "PER:amara okoye", "Amara Okoye")));
    r.add(article("c", "s1", entity("PER", "PER:amara okoye", "Amara Okoye")));
    r.recount();

    assertThat(r.topEntities(10)).containsEntry("Amara Okoye (PER)", 3L);
    assertThat(r.topEntities(10)).doesNotContainKey("Okoye (PER)");
  }

  @Test
  void aSurnameOfTwoPeopleOrOfAnotherStoryKeepsItsOwnKey() {
    RunReport r = new RunReport();
    r.add(article("a", "s1", entity("PER", "PER:okoye", "Okoye")));
    r.add(
        article(
            "b",
            "s1",
            entity("PER", "PER:amara okoye", "Amara Okoye"),
            entity("PER", "PER:chidi okoye", "Chidi Okoye")));
    r.add(article("c", "s2", entity("PER", "PER:mensah", "Mensah")));
    r.add(article("d", "s3", entity("PER", "PER:kofi mensah", "Kofi Mensah")));
    r.recount();

    assertThat(r.topEntities(10))
        .containsEntry("Okoye (PER)", 1L)
        .containsEntry("Mensah (PER)", 1L)
        .containsEntry("Kofi Mensah (PER)", 1L);
  }

  @Test
  void aStoryJoinedToAnotherCountsWithIt() {
    RunReport r = new RunReport();
    r.add(article("a", "s1", entity("PER", "PER:okoye", "Okoye")));
    r.add(article("s2", "s2", entity("PER", "PER:amara okoye", "Amara Okoye")));
    r.add(article("c", "s1", entity("LOC", "LOC:lagos", "Lagos")));
    r.add(article("d", "s3", entity("LOC", "LOC:accra", "Accra")));
    // An article showed s2 to be s1's story, and a later one s4 to be s2's: the records keep their
    // ids.
    r.mergedStories.put("s2", "s1");
    r.mergedStories.put("s4", "s2");
    r.add(article("s4", "s4", entity("LOC", "LOC:lagos", "Lagos")));
    r.recount();

    assertThat(r.storyArticles).containsOnly(Map.entry("s1", 4L), Map.entry("s3", 1L));
    // The joined story's people name its bare surnames, as in one story.
    assertThat(r.topEntities(10)).containsEntry("Amara Okoye (PER)", 2L);
  }
}
