package io.newsdesk.enrich.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.EntityTrend;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendBoardTest {

  private static final long MIN = 60_000;

  private static EntityTrend trend(String key, long start, long articles) {
    return EntityTrend.newBuilder()
        .setKey(key)
        .setCanonical(key)
        .setType("PER")
        .setWindow("1h")
        .setWindowStart(start)
        .setWindowEnd(start + 60 * MIN)
        .setArticles(articles)
        .setMentions(articles)
        .setMeanSentiment(null)
        .build();
  }

  @Test
  void ranksTheFullestWindowThatCoversNow() {
    List<EntityTrend> latest =
        List.of(trend("a", 0, 3), trend("b", 0, 5), trend("a", 5 * MIN, 1), trend("c", 5 * MIN, 9));

    List<EntityTrend> top = TrendBoard.top(latest, "1h", 30 * MIN, 10);

    assertThat(top).extracting(EntityTrend::getKey).containsExactly("b", "a");
  }

  @Test
  void fallsBackToTheLatestDataWhenNoWindowCoversNow() {
    List<EntityTrend> latest = List.of(trend("a", 0, 3), trend("b", 5 * MIN, 4));

    List<EntityTrend> top = TrendBoard.top(latest, "1h", 1_000 * MIN, 1);

    assertThat(top).extracting(EntityTrend::getKey).containsExactly("a");
    assertThat(TrendBoard.top(latest, "1d", 0, 5)).isEmpty();
  }
}
