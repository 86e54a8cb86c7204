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
 * @param maxTextChars an article keeps at most this many characters of text: a longer plain text is
 *     cut once, right after decoding and before any cleaning, and a longer page text after
 *     extraction; the cut is listed in {@code Article.removed} with reason {@value
 *     #TEXT_LIMIT_REASON}, so every later step (cleaning, language, entities, signatures, the
 *     records on the topics) works on a bounded text
 */
public record ExtractorConfig(
    long maxBytes,
    Duration timeBudget,
    int minTextChars,
    boolean detectLanguage,
    int maxTextChars) {

  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(5);
  public static final int DEFAULT_MIN_TEXT_CHARS = 200;

  /**
   * 200,000 characters: about 30,000 words, ten times the longest news article and twice what
   * enrich analyses ({@code DocumentLimits}).
   */
  public static final int DEFAULT_MAX_TEXT_CHARS = 200_000;

  /** The {@code Article.removed} reason of text left out by {@code maxTextChars}. */
  public static final String TEXT_LIMIT_REASON = "text_limit";

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
    if (maxTextChars < 1000) {
      throw new IllegalArgumentException(
          "extract.max.text.chars must be at least 1000, was " + maxTextChars);
    }
  }

  /** The earlier four-limit form, keeping the default text cap. */
  public ExtractorConfig(
      long maxBytes, Duration timeBudget, int minTextChars, boolean detectLanguage) {
    this(maxBytes, timeBudget, minTextChars, detectLanguage, DEFAULT_MAX_TEXT_CHARS);
  }

  /** The defaults: 5 MB, 5 s, 200 characters, language detection on, 200,000 characters kept. */
  public static ExtractorConfig defaults() {
    return new ExtractorConfig(
        DEFAULT_MAX_BYTES, DEFAULT_TIME_BUDGET, DEFAULT_MIN_TEXT_CHARS, true);
  }

  public ExtractorConfig withMaxBytes(long bytes) {
    return new ExtractorConfig(bytes, timeBudget, minTextChars, detectLanguage, maxTextChars);
  }

  public ExtractorConfig withTimeBudget(Duration budget) {
    return new ExtractorConfig(maxBytes, budget, minTextChars, detectLanguage, maxTextChars);
  }

  public ExtractorConfig withMinTextChars(int chars) {
    return new ExtractorConfig(maxBytes, timeBudget, chars, detectLanguage, maxTextChars);
  }

  public ExtractorConfig withDetectLanguage(boolean detect) {
    return new ExtractorConfig(maxBytes, timeBudget, minTextChars, detect, maxTextChars);
  }

  public ExtractorConfig withMaxTextChars(int chars) {
    return new ExtractorConfig(maxBytes, timeBudget, minTextChars, detectLanguage, chars);
  }
}
