package io.newsdesk.enrich.extract;

/**
 * Where to cut a text that is longer than a cap: after the last sentence or paragraph end in the
 * cap's last tenth, else at the last whitespace there, else at the cap (never inside a surrogate
 * pair). One backward scan of at most a tenth of the cap, so cutting costs nothing next to the
 * text's own size.
 */
public final class TextCut {

  private TextCut() {}

  /** The length of the prefix of {@code text} to keep under {@code max} characters. */
  public static int end(CharSequence text, int max) {
    if (text.length() <= max) {
      return text.length();
    }
    int floor = max - max / 10;
    for (int i = max; i > floor; i--) {
      char c = text.charAt(i - 1);
      if ((c == '.' || c == '!' || c == '?' || c == '\n')
          && Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    for (int i = max; i > floor; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    int end = max;
    if (end > 0 && Character.isLowSurrogate(text.charAt(end))) {
      end--; // never split a surrogate pair
    }
    return end;
  }

  /** {@code text} cut by {@link #end}: itself when short enough. */
  public static String prefix(String text, int max) {
    int end = end(text, max);
    return end == text.length() ? text : text.substring(0, end);
  }
}
