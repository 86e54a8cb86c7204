package io.newsdesk.enrich.trends;

import io.newsdesk.schema.EntityTrend;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/** Picks the current top entities of one window kind from the latest trend records. */
public final class TrendBoard {

  private TrendBoard() {}

  /**
   * The top entities of the window of kind {@code window} that covers {@code now} and started
   * earliest (the fullest recent window); when no window covers now, of the latest data instead.
   */
  public static List<EntityTrend> top(
      Collection<EntityTrend> latest, String window, long now, int n) {
    List<EntityTrend> ofKind = latest.stream().filter(t -> t.getWindow().equals(window)).toList();
    long at =
        ofKind.stream().anyMatch(t -> t.getWindowStart() <= now && now < t.getWindowEnd())
            ? now
            : ofKind.stream().mapToLong(EntityTrend::getWindowStart).max().orElse(now);
    OptionalLong start =
        ofKind.stream()
            .filter(t -> t.getWindowStart() <= at && at < t.getWindowEnd())
            .mapToLong(EntityTrend::getWindowStart)
            .min();
    if (start.isEmpty()) {
      return List.of();
    }
    return ofKind.stream()
        .filter(t -> t.getWindowStart() == start.getAsLong())
        .sorted(
            Comparator.comparingLong(EntityTrend::getArticles)
                .thenComparingLong(EntityTrend::getMentions)
                .reversed()
                .thenComparing(EntityTrend::getKey))
        .limit(n)
        .toList();
  }
}
