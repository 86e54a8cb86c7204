package io.newsdesk.enrich.extract.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tally of what extraction dropped, by reason, with the first sample of each. */
public final class Removals {

  /**
   * One reason: how often, how many characters in all, and the first thing removed for it (at most
   * 200 characters).
   */
  public record Entry(String reason, int count, String sample, int chars) {}

  private static final int SAMPLE_CHARS = 200;
  private final Map<String, Entry> byReason = new LinkedHashMap<>();

  void add(String reason, String sample) {
    Entry e = byReason.get(reason);
    if (e == null) {
      String s = sample == null ? null : sample.strip();
      if (s != null && s.length() > SAMPLE_CHARS) {
        s = s.substring(0, SAMPLE_CHARS);
      }
      byReason.put(reason, new Entry(reason, 1, s, length(sample)));
    } else {
      byReason.put(
          reason, new Entry(reason, e.count() + 1, e.sample(), e.chars() + length(sample)));
    }
  }

  private static int length(String s) {
    return s == null ? 0 : s.strip().length();
  }

  boolean has(String reason) {
    return byReason.containsKey(reason);
  }

  public List<Entry> entries() {
    return new ArrayList<>(byReason.values());
  }
}
