package io.newsdesk.enrich.stories;

import static io.newsdesk.enrich.stories.StoryArticles.article;
import static io.newsdesk.enrich.stories.StoryArticles.entity;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Story;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryProbeTest {

  private static List<EnrichedArticle> articles() {
    return List.of(
        article(
            "a",
            "Harbour strike halts Lindham port",
            "Dock workers in Lindham walked out on Monday, union leader Amara Okoye said.",
            entity("PER:amara okoye", "Amara Okoye", "PER", 0.9),
            entity("LOC:lindham", "Lindham", "LOC", 0.8),
            entity("ORG:dockers union", "Dockers Union", "ORG", 0.5)),
        article(
            "b",
            "Lindham strike enters second day",
            "The strike at Lindham port went on, Okoye told the dockers union meeting.",
            entity("PER:okoye", "Okoye", "PER", 0.9),
            entity("LOC:lindham", "Lindham", "LOC", 0.8),
            entity("ORG:dockers union", "Dockers Union", "ORG", 0.6)),
        article(
            "c",
            "Rain expected in Port Calder",
            "Forecasters in Port Calder expect rain all week.",
            entity("LOC:port calder", "Port Calder", "LOC", 0.9)));
  }

  @Test
  void aProbeReadBackFromTheWireGetsTheStoryTheArticleItselfGets() {
    StoryConfig config = StoryConfig.defaults();
    StoryIndex local = new StoryIndex(config);
    StoryIndex remote = new StoryIndex(config);
    long at = 1_000_000L;
    for (EnrichedArticle a : articles()) {
      EnrichedArticle here = EnrichedArticle.newBuilder(a).build();
      EnrichedArticle there = EnrichedArticle.newBuilder(a).build();
      Story expected = local.assign(here, at);

      StoryProbe probe = StoryProbe.of(there, config.salientEntities());
      byte[] wire = StoryProbe.SERDE.serializer().serialize("t", probe);
      StoryIndex.Assignment got =
          remote.assign(StoryProbe.SERDE.deserializer().deserialize("t", wire), at);
      byte[] answerWire = StoryAnswer.SERDE.serializer().serialize("t", got.answer());
      StoryAnswer.SERDE.deserializer().deserialize("t", answerWire).applyTo(there);

      assertThat(got.story()).isEqualTo(expected);
      assertThat(there).isEqualTo(here);
      at += 60_000;
    }
    assertThat(local.size()).isEqualTo(2);
  }

  @Test
  void aBareSurnameComesBackRenamedInTheAnswer() {
    StoryIndex index = new StoryIndex(StoryConfig.defaults());
    List<EnrichedArticle> in = articles();
    index.assign(StoryProbe.of(in.get(0), 8), 0L);
    StoryAnswer answer = index.assign(StoryProbe.of(in.get(1), 8), 1L).answer();

    assertThat(answer.storyId()).isEqualTo("a");
    assertThat(answer.renames())
        .containsExactly(new StoryAnswer.Rename(0, "PER:amara okoye", "Amara Okoye"));
  }
}
