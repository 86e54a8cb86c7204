package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearDuplicateTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-04T08:00:00Z");

  @TempDir Path stateDir;
  private EnrichTopologyDriver driver;
  private TestOutputTopic<String, EnrichedArticle> enriched;

  private void open() {
    driver = new EnrichTopologyDriver(TestComponents.create(), stateDir);
    enriched = driver.output(Topics.ENRICHED);
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private void send(String id, String host, String body, int minutes) {
    driver.send(id, "https://" + host + "/" + id, body, T0.plusSeconds(60L * minutes));
  }

  @Test
  void aSyndicatedCopyWithOtherBoilerplateAndAnEditedTitleIsANearDuplicateOfTheFirst() {
    open();
    send("wire", "mesopotamia-wire.example", StoryFixtures.wire(), 0);
    send("copy", "gulf-courier.example", StoryFixtures.syndicated(), 30);

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(a -> a.getArticle().getId()).containsExactly("wire", "copy");
    assertThat(out.get(0).getDuplicateOf()).isNull();
    assertThat(out.get(1).getDuplicateOf()).isEqualTo("wire");
    assertThat(out.get(1).getDuplicateKind()).isEqualTo("near");
  }

  @Test
  void articlesOfTheSameStoryInOtherWordsAreNotDuplicates() {
    open();
    send("wire", "mesopotamia-wire.example", StoryFixtures.wire(), 0);
    for (int i = 0; i < StoryFixtures.SAME_STORY.size(); i++) {
      send("same-" + i, "outlet" + i + ".example", StoryFixtures.SAME_STORY.get(i), 10 + i);
    }
    send("oil", "markets.example", StoryFixtures.UNRELATED.get(0), 20);

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(6);
    assertThat(out).allSatisfy(a -> assertThat(a.getDuplicateOf()).isNull());
  }

  @Test
  void exactCopiesStayExactAndAreNotProbedAgain() {
    open();
    send("wire", "mesopotamia-wire.example", StoryFixtures.wire(), 0);
    send("again", "mirror.example", StoryFixtures.wire(), 5);

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out.get(1).getDuplicateOf()).isEqualTo("wire");
    assertThat(out.get(1).getDuplicateKind()).isEqualTo("exact");
  }
}
