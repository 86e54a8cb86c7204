package io.newsdesk.enrich.stories;

import java.time.Duration;

/**
 * Story settings: how long a story stays open without a new article, how many salient entities of
 * an article count, how many it must share with a story, and the score a match must reach.
 */
public record StoryConfig(
    Duration window, int salientEntities, int minSharedEntities, double threshold, int maxOpen) {

  public StoryConfig {
    if (window == null || window.compareTo(Duration.ofHours(1)) < 0) {
      throw new IllegalArgumentException("enrich.story.window must be at least 1 hour");
    }
    if (salientEntities < 1 || salientEntities > 50) {
      throw new IllegalArgumentException(
          "enrich.story.salient.entities must be 1..50, was " + salientEntities);
    }
    if (minSharedEntities < 1 || minSharedEntities > salientEntities) {
      throw new IllegalArgumentException(
          "enrich.story.min.shared must be 1..salient entities, was " + minSharedEntities);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "enrich.story.threshold must be in (0, 1], was " + threshold);
    }
    if (maxOpen < 1) {
      throw new IllegalArgumentException("enrich.story.max.open must be positive, was " + maxOpen);
    }
  }

  /** Three days, eight salient entities, two shared, score 0.35, 50,000 open stories. */
  public static StoryConfig defaults() {
    return new StoryConfig(Duration.ofDays(3), 8, 2, 0.35, 50_000);
  }
}
