package io.newsdesk.ingest.feed.eval;

import java.util.Locale;
import java.util.Map;

/** Formats eval results for people. */
public final class FeedEvalReport {
  private FeedEvalReport() {}

  /** The feedparser summary, with up to {@code failures} failed expectations listed. */
  public static String feedparser(FeedparserEval.Result r, int failures) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "feedparser: %d of %d applicable expectations met (%.1f%%); %d expectations in the"
                + " corpus, the rest concern sanitising, bozo flags, encodings or fields Newsdesk"
                + " does not keep%n",
            r.passed(),
            r.applicable(),
            100 * r.share(),
            r.expectations()));
    fields(sb, r.byField());
    r.failures().stream()
        .limit(failures)
        .forEach(f -> failure(sb, f.path(), f.expect(), f.actual()));
    return sb.toString();
  }

  /** The ROME summary, with up to {@code failures} failed checks listed. */
  public static String rome(RomeLabelEval.Result r, int failures) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "rome: %d of %d labelled field checks met (%.1f%%); module/issue feeds parsed: %d of"
                + " %d%n",
            r.passed(),
            r.checks(),
            100 * r.share(),
            r.moduleFeedsParsed(),
            r.moduleFeeds()));
    fields(sb, r.byField());
    r.failures().stream()
        .limit(failures)
        .forEach(f -> failure(sb, f.file(), f.label(), f.actual()));
    return sb.toString();
  }

  private static void failure(StringBuilder sb, Object where, Object expected, Object actual) {
    sb.append("  FAIL ")
        .append(where)
        .append(" | ")
        .append(expected)
        .append(" | got ")
        .append(actual)
        .append('\n');
  }

  private static void fields(StringBuilder sb, Map<String, int[]> byField) {
    byField.forEach(
        (k, v) -> sb.append(String.format(Locale.ROOT, "  %-18s %4d / %4d%n", k, v[1], v[0])));
  }
}
