package io.newsdesk.enrich.extract;

import java.time.Duration;

/**
 * Limits and thresholds of article extraction, with defaults in one place.
 *
 * @param maxBytes bodies larger than this are rejected as {@code TOO_LARGE}
 * @param timeBudget a page whose parse and analysis take more CPU time is rejected as {@code
 *     TOO_LARGE}
 * @param minTextChars an article needs at least this many characters of main text
 * @param detectLanguage whether to identify the language of the text (loads a model once)
 */
public record ExtractorConfig(
    long maxBytes, Duration timeBudget, int minTextChars, boolean detectLanguage) {

  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(5);
  public static final int DEFAULT_MIN_TEXT_CHARS = 200;

  public ExtractorConfig {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("extract.max.bytes must be positive, was " + maxBytes);
    }
    if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("extract.time.budget must be positive, was " + timeBudget);
    }
    if (minTextChars < 0) {
      throw new IllegalArgumentException(
          "extract.min.text.chars must not be negative, was " + minTextChars);
    }
  }

  /** The defaults: 5 MB, 5 s, 200 characters, language detection on. */
  public static ExtractorConfig defaults() {
    return new ExtractorConfig(
        DEFAULT_MAX_BYTES, DEFAULT_TIME_BUDGET, DEFAULT_MIN_TEXT_CHARS, true);
  }

  public ExtractorConfig withMaxBytes(long bytes) {
    return new ExtractorConfig(bytes, timeBudget, minTextChars, detectLanguage);
  }

  public ExtractorConfig withTimeBudget(Duration budget) {
    return new ExtractorConfig(maxBytes, budget, minTextChars, detectLanguage);
  }

  public ExtractorConfig withMinTextChars(int chars) {
    return new ExtractorConfig(maxBytes, timeBudget, chars, detectLanguage);
  }

  public ExtractorConfig withDetectLanguage(boolean detect) {
    return new ExtractorConfig(maxBytes, timeBudget, minTextChars, detect);
  }
}
