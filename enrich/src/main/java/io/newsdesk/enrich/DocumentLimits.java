package io.newsdesk.enrich;

import io.newsdesk.enrich.extract.TextCut;

/**
 * Caps on the work enrich spends on one document, so that no document can stall a stream thread:
 * entities, sentiment and tone are computed on at most {@code maxAnalysedChars} characters of the
 * text (cut at a sentence or word boundary), at most {@code maxEntities} entities are kept (the
 * most salient), each lists at most {@code maxMentionsPerEntity} mentions, and sentiment is scored
 * for at most {@code maxTargets} entities. What is cut is recorded in the record's {@code limits}.
 */
public record DocumentLimits(
    int maxAnalysedChars, int maxEntities, int maxMentionsPerEntity, int maxTargets) {

  /**
   * 100,000 characters (about 16,000 words, several times the longest news article), 300 entities,
   * 100 mentions listed per entity, 100 sentiment targets.
   */
  public static DocumentLimits defaults() {
    return new DocumentLimits(100_000, 300, 100, 100);
  }

  public DocumentLimits {
    require("maxAnalysedChars", maxAnalysedChars >= 1000);
    require("maxEntities", maxEntities >= 1);
    require("maxMentionsPerEntity", maxMentionsPerEntity >= 1);
    require("maxTargets", maxTargets >= 0);
  }

  private static void require(String key, boolean ok) {
    if (!ok) {
      throw new IllegalArgumentException("enrich limit '" + key + "' is out of range");
    }
  }

  /**
   * The prefix of {@code text} enrich analyses: all of it when short enough, else cut after the
   * last sentence end (or, failing that, whitespace) in the last tenth before the cap.
   */
  public String analysed(String text) {
    return TextCut.prefix(text, maxAnalysedChars);
  }
}
