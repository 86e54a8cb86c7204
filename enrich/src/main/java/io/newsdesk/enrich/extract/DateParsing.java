package io.newsdesk.enrich.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the date formats found in page metadata, URLs and datelines into epoch milliseconds. */
public final class DateParsing {

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
              + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?)?");
  private static final Pattern SLASHED = Pattern.compile("\\b(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b");
  private static final Pattern DOTTED =
      Pattern.compile("\\b(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})\\b");
  private static final Pattern URL_DATE =
      Pattern.compile(
          "/((?:19|20)\\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])(?:/|[-_.]|$)");
  private static final Pattern URL_DATE_SLASHED =
      Pattern.compile("/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})/");

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12),
          Map.entry("jän", 1),
          Map.entry("mär", 3),
          Map.entry("mai", 5),
          Map.entry("okt", 10),
          Map.entry("dez", 12),
          Map.entry("janv", 1),
          Map.entry("févr", 2),
          Map.entry("mars", 3),
          Map.entry("avr", 4),
          Map.entry("juin", 6),
          Map.entry("juil", 7),
          Map.entry("août", 8),
          Map.entry("déc", 12));
  private static final String MONTH =
      "(jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch)?|mär(?:z)?|mars|"
          + "apr(?:il)?|avr(?:il)?|may|mai|june?|juin|july?|juil(?:let)?|aug(?:ust)?|août|"
          + "sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?|"
          + "déc(?:embre)?|jän(?:ner)?)\\.?";
  private static final Pattern MONTH_FIRST =
      Pattern.compile(
          "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern DAY_FIRST =
      Pattern.compile(
          "\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private DateParsing() {}

  /** Parses one metadata value (ISO 8601, RFC 1123, or a written date). */
  public static Optional<Long> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.isEmpty() || v.length() > 200) {
      return Optional.empty();
    }
    Matcher m = ISO.matcher(v);
    if (m.find()) {
      return iso(m);
    }
    try {
      return Optional.of(
          ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli());
    } catch (DateTimeParseException e) {
      // not RFC 1123; try the written forms below
    }
    if (v.matches("\\d{10}|\\d{13}")) {
      long n = Long.parseLong(v);
      return Optional.of(v.length() == 10 ? n * 1000 : n);
    }
    return findInText(v);
  }

  /** Finds the first written date in free text. */
  public static Optional<Long> findInText(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = MONTH_FIRST.matcher(text);
    if (m.find()) {
      return date(m.group(3), month(m.group(1)), m.group(2));
    }
    m = DAY_FIRST.matcher(text);
    if (m.find()) {
      return date(m.group(3), month(m.group(2)), m.group(1));
    }
    m = ISO.matcher(text);
    if (m.find()) {
      return iso(m);
    }
    m = SLASHED.matcher(text);
    if (m.find()) {
      return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    m = DOTTED.matcher(text);
    if (m.find()) {
      return date(m.group(3), Integer.parseInt(m.group(2)), m.group(1));
    }
    return Optional.empty();
  }

  /** A date in a URL path such as {@code /2019/11/18/} or {@code /20191118/}. */
  public static Optional<Long> fromUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = URL_DATE_SLASHED.matcher(url);
    if (m.find()) {
      return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    m = URL_DATE.matcher(url);
    if (m.find()) {
      return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    return Optional.empty();
  }

  /** Whether a date is plausible for an article fetched at {@code fetchedAt}. */
  public static boolean plausible(long epochMillis, long fetchedAt) {
    long min = LocalDate.of(1990, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    long max = fetchedAt + 24L * 3600 * 1000;
    return epochMillis >= min && epochMillis <= max;
  }

  private static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace(".", "");
    for (int len = Math.min(4, n.length()); len >= 3; len--) {
      Integer v = MONTHS.get(n.substring(0, len));
      if (v != null) {
        return v;
      }
    }
    return -1;
  }

  private static Optional<Long> date(String year, int month, String day) {
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
      return Optional.of(d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> iso(Matcher m) {
    try {
      int y = Integer.parseInt(m.group(1));
      int mo = Integer.parseInt(m.group(2));
      int d = Integer.parseInt(m.group(3));
      if (m.group(4) == null) {
        return date(m.group(1), mo, m.group(3));
      }
      LocalDateTime t =
          LocalDateTime.of(
              y,
              mo,
              d,
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      String z = m.group(7);
      ZoneOffset offset = ZoneOffset.UTC;
      if (z != null && (z.startsWith("+") || z.startsWith("-"))) {
        String digits = z.replace(":", "");
        int h = Integer.parseInt(digits.substring(1, 3));
        int min = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = z.startsWith("-") ? -1 : 1;
        offset = ZoneOffset.ofHoursMinutes(sign * h, sign * min);
      }
      return Optional.of(OffsetDateTime.of(t, offset).toInstant().toEpochMilli());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
