package io.newsdesk.enrich.extract;

import io.newsdesk.schema.Removal;

/**
 * The cap on an article's text ({@link ExtractorConfig#maxTextChars()}): what it leaves out is a
 * {@link Removal} with reason {@value ExtractorConfig#TEXT_LIMIT_REASON}, its first line as sample
 * and its length as {@code chars}, so the cut is on the record for anyone who audits it.
 */
final class TextLimit {

  private static final int SAMPLE_CHARS = 200;

  private TextLimit() {}

  /**
   * The removal that cutting {@code text} to {@code max} characters makes (the part left out is the
   * last {@code chars} characters), or null when the text fits.
   */
  static Removal cut(String text, int max) {
    int end = TextCut.end(text, max);
    if (end == text.length()) {
      return null;
    }
    int from = end;
    while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    int to = from;
    while (to < text.length() && to - from < SAMPLE_CHARS && text.charAt(to) != '\n') {
      to++;
    }
    if (to > from && to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
      to--; // never split a surrogate pair
    }
    return new Removal(
        ExtractorConfig.TEXT_LIMIT_REASON, 1, text.substring(from, to), text.length() - end);
  }
}
