package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.enrich.trends.TrendBoard;
import io.newsdesk.enrich.trends.TrendTopology;
import io.newsdesk.enrich.trends.TrendWindows;
import io.newsdesk.schema.EntityTrend;
import io.newsdesk.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-04T08:00:00Z");

  @TempDir Path stateDir;
  private EnrichTopologyDriver driver;
  private TestOutputTopic<String, EntityTrend> trends;

  @BeforeEach
  void open() {
    EnrichComponents components =
        new EnrichComponents(
            new TestComponents.FirstLineExtractor(),
            new StoryTopologyTest.NameListTagger(),
            new TestComponents.NeutralSentiment());
    driver = new EnrichTopologyDriver(components, stateDir);
    trends = driver.output(Topics.ENTITY_TRENDS);
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void send(String id, String body, Duration after) {
    driver.send(id, "https://" + id + ".example/a", body, T0.plus(after));
  }

  @Test
  void theEntitiesOfTheDevelopingStoryLeadTheHourAndCopiesAreNotCounted() {
    send("wire", StoryFixtures.wire(), Duration.ZERO);
    send("syndicated", StoryFixtures.syndicated(), Duration.ofMinutes(20));
    for (int i = 0; i < StoryFixtures.SAME_STORY.size(); i++) {
      send("outlet" + i, StoryFixtures.SAME_STORY.get(i), Duration.ofMinutes(25 + 5 * i));
    }
    send("oil", StoryFixtures.UNRELATED.get(0), Duration.ofMinutes(45));

    Map<String, EntityTrend> latest = new LinkedHashMap<>();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    // Written: five-minute buckets only; the hour and the day are their sums.
    assertThat(latest.values()).extracting(EntityTrend::getWindow).containsOnly("5m");
    assertThat(latest)
        .allSatisfy(
            (k, t) -> assertThat(k).isEqualTo("5m|" + t.getKey() + "|" + t.getWindowStart()));
    long now = T0.plus(Duration.ofMinutes(50)).toEpochMilli();
    List<EntityTrend> hour =
        TrendBoard.top(TrendWindows.ofRecords(latest.values(), TrendTopology.HOUR), "1h", now, 3);

    assertThat(hour).extracting(EntityTrend::getKey).contains("PER:fuad hussein", "LOC:iraq");
    EntityTrend hussein =
        hour.stream().filter(t -> t.getKey().equals("PER:fuad hussein")).findFirst().orElseThrow();
    assertThat(hussein.getArticles()).isEqualTo(5);
    assertThat(hussein.getMeanSentiment()).isEqualTo(0.0);
    assertThat(hussein.getWindowEnd() - hussein.getWindowStart())
        .isEqualTo(Duration.ofHours(1).toMillis());
    List<EntityTrend> day =
        TrendBoard.top(TrendWindows.ofRecords(latest.values(), TrendTopology.DAY), "1d", now, 20);
    assertThat(day).extracting(EntityTrend::getKey).contains("ORG:opec");
  }

  @Test
  void theViewsKeepWhatTheWindowStoresKeptCountedFromTheLatestBucket() {
    send("wire", StoryFixtures.wire(), Duration.ZERO);
    send("oil", StoryFixtures.UNRELATED.get(0), Duration.ofHours(3));
    EnrichStores stores = driver.stores();
    long oilBucket = T0.plus(Duration.ofHours(3)).toEpochMilli();

    // The hour windows go back 70 minutes from the latest bucket (11:00): the 12 windows holding
    // 11:00 are listed, those holding 08:00 have expired, as the hour store expired them.
    List<EntityTrend> hour = stores.trends(TrendTopology.HOUR);
    assertThat(hour).extracting(EntityTrend::getKey).contains("ORG:opec");
    assertThat(hour).extracting(EntityTrend::getKey).doesNotContain("PER:fuad hussein");
    assertThat(hour)
        .filteredOn(t -> t.getKey().equals("ORG:opec"))
        .extracting(EntityTrend::getWindowStart)
        .containsExactlyElementsOf(
            LongStream.rangeClosed(0, 11)
                .map(i -> oilBucket - Duration.ofMinutes(55).toMillis() + i * 300_000)
                .boxed()
                .toList());
    assertThat(stores.series(TrendTopology.HOUR, "PER:fuad hussein")).isEmpty();
    // The day and the hourly history still hold the morning.
    assertThat(stores.trends(TrendTopology.DAY))
        .extracting(EntityTrend::getKey)
        .contains("PER:fuad hussein", "ORG:opec");
    assertThat(stores.series(TrendTopology.HOURLY, "PER:fuad hussein"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getWindowStart()).isEqualTo(T0.toEpochMilli());
              assertThat(t.getWindowEnd()).isEqualTo(T0.plus(Duration.ofHours(1)).toEpochMilli());
              assertThat(t.getArticles()).isEqualTo(1);
            });
  }
}
