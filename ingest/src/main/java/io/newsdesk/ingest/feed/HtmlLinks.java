package io.newsdesk.ingest.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes relative href/src links inside feed HTML absolute, leaving the markup otherwise alone. */
final class HtmlLinks {
  private static final Pattern ATTR =
      Pattern.compile("(?i)(\\s(?:href|src)\\s*=\\s*)([\"'])(.*?)\\2", Pattern.DOTALL);

  private HtmlLinks() {}

  static String resolveIn(String html, String base) {
    if (html == null || base == null || html.indexOf('<') < 0) {
      return html;
    }
    Matcher m = ATTR.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 32);
    boolean changed = false;
    while (m.find()) {
      String value = m.group(3);
      String resolved = FeedParser.resolve(base, value);
      if (resolved == null || resolved.equals(value)) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
      } else {
        changed = true;
        m.appendReplacement(
            out, Matcher.quoteReplacement(m.group(1) + m.group(2) + resolved + m.group(2)));
      }
    }
    if (!changed) {
      return html;
    }
    m.appendTail(out);
    return out.toString();
  }
}
