package io.newsdesk.ingest.feed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lenient parsing of the date formats feeds use: RFC 822/1123 variants and ISO 8601. */
public final class Dates {
  private static final Map<String, String> ZONES =
      Map.of(
          "UT", "+0000", "GMT", "+0000", "Z", "+0000", "EST", "-0500", "EDT", "-0400", "CST",
          "-0600", "CDT", "-0500", "MST", "-0700", "MDT", "-0600", "PST", "-0800");

  private static final List<DateTimeFormatter> RFC822 =
      List.of(
          pattern("EEE, d MMM yyyy HH:mm:ss Z"),
          pattern("EEE, d MMM yyyy HH:mm Z"),
          pattern("d MMM yyyy HH:mm:ss Z"),
          pattern("d MMM yyyy HH:mm Z"),
          pattern("EEE, d MMM yy HH:mm:ss Z"),
          pattern("d MMM yy HH:mm:ss Z"),
          pattern("EEE, d MMMM yyyy HH:mm:ss Z"),
          pattern("EEE d MMM yyyy HH:mm:ss Z"));

  private Dates() {}

  private static DateTimeFormatter pattern(String p) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .parseLenient()
        .appendPattern(p)
        .toFormatter(Locale.ENGLISH);
  }

  /** Epoch milliseconds, or null when the text is no date we know. */
  public static Long parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip().replaceAll("\\s+", " ");
    if (s.isEmpty()) {
      return null;
    }
    Long iso = parseIso(s);
    if (iso != null) {
      return iso;
    }
    String t = s;
    for (Map.Entry<String, String> z : ZONES.entrySet()) {
      if (t.endsWith(" " + z.getKey())) {
        t = t.substring(0, t.length() - z.getKey().length()) + z.getValue();
        break;
      }
    }
    if (!t.matches(".*[+-]\\d{4}$")) {
      if (t.matches(".*[+-]\\d\\d:\\d\\d$")) {
        t = t.substring(0, t.length() - 3) + t.substring(t.length() - 2);
      } else {
        t = t + " +0000";
      }
    }
    for (DateTimeFormatter f : RFC822) {
      try {
        return ZonedDateTime.parse(t, f).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        // try the next shape
      }
    }
    return null;
  }

  private static Long parseIso(String s) {
    String t = s.replace(' ', 'T');
    try {
      return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // not a full timestamp with offset
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // not a local timestamp
    }
    try {
      if (t.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d([+-]\\d\\d:\\d\\d|Z)")) {
        return OffsetDateTime.parse(t.substring(0, 16) + ":00" + t.substring(16))
            .toInstant()
            .toEpochMilli();
      }
      if (t.matches("\\d{4}-\\d\\d-\\d\\d")) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }
}
