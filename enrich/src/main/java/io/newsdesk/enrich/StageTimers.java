package io.newsdesk.enrich;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Enrich's share of the per-stage timer {@code newsdesk.stage}: time per article in each step,
 * recorded in Micrometer's global registry (a no-op until a command serving {@code /metrics} adds
 * its registry there).
 */
public final class StageTimers {

  public static final Timer EXTRACT = timer("extract");
  public static final Timer ENTITIES = timer("entities");
  public static final Timer SENTIMENT = timer("sentiment");
  public static final Timer NEAR_DUPLICATES = timer("near-duplicates");
  public static final Timer STORIES = timer("stories");

  private StageTimers() {}

  /** The timer of exact-duplicate marking of one {@code kind} (url, exact). */
  static Timer dedup(String kind) {
    return timer("dedup-" + kind);
  }

  private static Timer timer(String stage) {
    return Timer.builder("newsdesk.stage")
        .description("Time per article in each pipeline stage")
        .tag("stage", stage)
        .register(Metrics.globalRegistry);
  }
}
