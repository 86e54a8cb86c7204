package io.newsdesk.enrich.extract;

import io.newsdesk.schema.Removal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans pushed plain text (a scrape someone sent us): drops repeated lines, site chrome, contact
 * lines, tag lists, bare URLs and timestamps, keeps the headline as title and reads the dateline. A
 * second story appended to the scrape is kept, under its own headline line. Every removal is
 * recorded by reason. Stateless and thread-safe.
 */
public final class PushedTextCleaner {

  /** The cleaned article text and what was learned and removed on the way. */
  public record Cleaned(
      String title,
      String text,
      String placeHint,
      Long published,
      List<Removal> removed,
      List<String> appendedStories) {}

  private static final int SAMPLE_CHARS = 200;

  private static final Pattern URL_LINE =
      Pattern.compile("(?i)^(?:https?://|www\\.)\\S+(?:\\s+\\S+){0,3}$");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
  private static final Pattern PHONE_LINE =
      Pattern.compile(
          "^(?:(?:tel|phone|fax|call)[:.]?\\s*)?\\+?[\\d\\s()./-]{7,20}$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TIMESTAMP_LINE =
      Pattern.compile(
          "(?i)^(?:(?:published|posted|updated|last updated|modified|date)\\s*(?:on|at)?:?\\s*)?"
              + "(?:\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?\\s*(?:Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?)?"
              + "|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}(?:,?\\s+\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?)?"
              + "|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+.{0,30}\\d{4}.{0,20}"
              + "|[a-z]{3,9}\\.?\\s+\\d{1,2},?\\s+\\d{4}(?:,?\\s*(?:at\\s*)?\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,4})?)?"
              + "|\\d{1,2}\\s+[a-z]{3,9}\\.?\\s+\\d{4}(?:,?\\s*\\d{1,2}:\\d{2})?"
              + "|\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)$");
  private static final Pattern CHROME =
      Pattern.compile(
          "(?i)^(?:related(?: articles| posts| stories| news| content| topics)?:?"
              + "|leave a (?:reply|comment)|post a comment|add a comment|\\d+ comments?|comments? \\(\\d+\\)"
              + "|your email address will not be published.*|required fields are marked.*"
              + "|back to top(?: button)?|scroll to top|skip to (?:main )?content"
              + "|adblock detected|ad ?blocker detected|please (?:consider )?(?:supporting us by )?disabl\\w* your ad ?blocker.*"
              + "|we noticed you(?:'re| are) using an ad ?blocker.*"
              + "|share(?: this)?(?: article| story| post)?(?: on \\w+)?:?|share via.*|click to share.*|copy link"
              + "|tweet|email|e-mail|print|facebook|twitter|whatsapp|telegram|linkedin|reddit|pinterest"
              + "|subscribe(?: now| to .{0,80})?|sign up(?: for| to) .{0,80}|follow us(?: on .{0,60})?"
              + "|join (?:our|us on) .{0,60}|get (?:our|the) newsletter.*|newsletter"
              + "|advertisement|sponsored(?: content)?|scroll to continue.*|continue reading.*"
              + "|read (?:more|also|next)\\b.{0,100}|see also:?|more from .{0,60}|you (?:may|might) also like.*"
              + "|recommended(?: for you)?|trending(?: now)?|most (?:read|popular)|popular posts"
              + "|click here.{0,80}|all rights reserved\\.?|copyright\\b.{0,100}|© .{0,100}|\\(c\\) \\d{4}.{0,80}"
              + "|loading\\.*|menu|home|search|log ?in|sign in|register"
              + "|tags?:.{0,200}|topics?:.{0,200}|filed under:?.{0,200}|categor(?:y|ies):.{0,200}"
              + "|photo:.{0,120}|image:.{0,120}|source:.{0,80}|\\(?(?:photo|image) credit:?.{0,120})$");
  private static final Pattern LOCALE_OR_YEAR =
      Pattern.compile("^(?:[a-z]{2}[_-][A-Z]{2}|(?:19|20)\\d{2}|[A-Z]{1,3})$");
  private static final Pattern DATELINE =
      Pattern.compile(
          "^([A-Z][A-Z.'\\- ]{1,40}[A-Z.])(?:,\\s*([A-Z][\\p{L}.' -]{1,30}?))?"
              + "(?:,\\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?))?"
              + "\\s*(?:\\([^)]{1,40}\\))?\\s*(?:[\u2014\u2013]|--?|:)\\s+");
  private static final Pattern QUOTED =
      Pattern.compile("^[\"'\u2018\u201c\u00ab\u201e].+[\"'\u2019\u201d\u00bb\u201c]$");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;\u3002\"'\u2019\u201d)]$");

  /** Cleans {@code text}; {@code knownTitle} (from the feed or push) may be null. */
  public Cleaned clean(String text, String knownTitle, long fetchedAt) {
    Marked m = mark(text, knownTitle);
    return build(m, 0, m.lines.size(), m.title, fetchedAt, m.heads);
  }

  /**
   * Cleans {@code text} into one article per story it holds: the first under the page's headline,
   * each appended story under its own headline line. A text of one story gives one element.
   */
  public List<Cleaned> cleanStories(String text, String knownTitle, long fetchedAt) {
    Marked m = mark(text, knownTitle);
    List<Cleaned> out = new ArrayList<>();
    int from = 0;
    String title = m.title;
    for (int k = 0; k < m.headAt.size(); k++) {
      int at = m.headAt.get(k);
      out.add(build(m, from, at, title, fetchedAt, List.of()));
      m.reason[at] = "title";
      title = m.lines.get(at);
      from = at;
    }
    out.add(build(m, from, m.lines.size(), title, fetchedAt, List.of()));
    return out;
  }

  /** The lines of a text and why each one goes (null: it stays). */
  private record Marked(
      List<String> lines,
      String[] reason,
      String title,
      List<String> heads,
      List<Integer> headAt) {}

  private Marked mark(String text, String knownTitle) {
    List<String> lines = new ArrayList<>();
    for (String l : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      lines.add(l.replace('\u00a0', ' ').strip());
    }
    int n = lines.size();
    String[] reason = new String[n];
    markJunk(lines, reason);
    markRuns(lines, reason);
    int titleIndex = markTitle(lines, reason, knownTitle);
    String title =
        titleIndex >= 0
            ? lines.get(titleIndex)
            : knownTitle == null || knownTitle.isBlank() ? null : knownTitle.strip();
    List<Integer> headAt = new ArrayList<>();
    List<String> stories = appendedStories(lines, reason, headAt);
    markDuplicates(lines, reason);
    markContained(lines, reason);
    markOutsideBody(lines, reason, bodyRange(lines, reason));
    return new Marked(lines, reason, title, stories, headAt);
  }

  /** The article made of lines {@code [from, to)}: its text, dateline and what was removed. */
  private static Cleaned build(
      Marked m, int from, int to, String title, long fetchedAt, List<String> heads) {
    List<String> lines = m.lines;
    String[] reason = m.reason;
    Removals removals = new Removals();
    // Dateline on the first body paragraph.
    String place = null;
    Long published = null;
    for (int i = from; i < to; i++) {
      if (reason[i] == null && prose(lines.get(i))) {
        Matcher dm = DATELINE.matcher(lines.get(i));
        if (dm.find() && dm.group(1).strip().length() >= 3) {
          place = dm.group(1).strip();
          if (dm.group(3) != null) {
            published = dateHint(dm.group(3), fetchedAt);
          }
        }
        break;
      }
    }
    if (published == null) {
      published =
          firstTimestamp(lines.subList(from, to), Arrays.copyOfRange(reason, from, to), fetchedAt);
    }

    StringBuilder out = new StringBuilder();
    String previous = null;
    boolean blankSincePrevious = true;
    for (int i = from; i < to; i++) {
      String line = lines.get(i);
      if (reason[i] != null) {
        if (!reason[i].equals("title")) {
          removals.add(reason[i], line);
        }
        continue;
      }
      if (line.isEmpty()) {
        blankSincePrevious = true;
        continue;
      }
      boolean wrapped =
          previous != null
              && !blankSincePrevious
              && previous.length() > 50
              && !SENTENCE_END.matcher(previous).find()
              && Character.isLowerCase(line.charAt(0));
      if (out.length() > 0) {
        out.append(wrapped ? " " : "\n\n");
      }
      out.append(line);
      previous = line;
      blankSincePrevious = false;
    }
    return new Cleaned(title, out.toString(), place, published, removals.list(), heads);
  }

  /**
   * The headline: the known title if a line repeats it, else the first headline-like line above the
   * body; a quote printed as kicker above a longer headline yields to the headline. Short labels
   * above it (section names) and later copies of it are marked.
   */
  private static int markTitle(List<String> lines, String[] reason, String knownTitle) {
    int n = lines.size();
    int titleIndex = -1;
    if (knownTitle != null && !knownTitle.isBlank()) {
      for (int i = 0; i < n; i++) {
        if (reason[i] == null && lines.get(i).equalsIgnoreCase(knownTitle.strip())) {
          titleIndex = i;
          break;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        String l = lines.get(i);
        if (reason[i] != null || l.isEmpty()) {
          continue;
        }
        if (prose(l) && !headlineLike(l)) {
          break;
        }
        if (headlineLike(l) && l.split("\\s+").length >= 3) {
          titleIndex = i;
          int next = nextKept(lines, reason, i + 1);
          if (QUOTED.matcher(l).matches()
              && next >= 0
              && headlineLike(lines.get(next))
              && !lines.get(next).equalsIgnoreCase(l)
              && lines.get(next).length() > l.length()) {
            // A quote as kicker over the real headline: the headline says what the story is.
            titleIndex = next;
          }
          break;
        }
      }
    }
    if (titleIndex < 0) {
      return -1;
    }
    for (int i = 0; i < titleIndex; i++) {
      if (reason[i] == null && shortLabel(lines.get(i))) {
        reason[i] = "metadata";
      }
    }
    String title = lines.get(titleIndex);
    for (int i = 0; i < n; i++) {
      if (i != titleIndex && lines.get(i).equalsIgnoreCase(title)) {
        reason[i] = "duplicate";
      }
    }
    reason[titleIndex] = "title";
    return titleIndex;
  }

  /** A paragraph contained in a longer one (a lead or summary printed again) is a copy. */
  private static void markContained(List<String> lines, String[] reason) {
    int n = Math.min(lines.size(), 2000);
    for (int i = 0; i < n; i++) {
      String a = lines.get(i);
      if (reason[i] != null || a.length() < 60) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        String b = lines.get(j);
        if (j != i && reason[j] == null && b.length() > a.length() && b.contains(a)) {
          reason[i] = "duplicate";
          break;
        }
      }
    }
  }

  private static int nextKept(List<String> lines, String[] reason, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (reason[i] == null && !lines.get(i).isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  private static boolean headlineLike(String line) {
    int words = line.split("\\s+").length;
    return line.length() <= 200
        && words >= 2
        && (QUOTED.matcher(line).matches() || !line.endsWith("."))
        && !line.endsWith(",");
  }

  private static boolean prose(String line) {
    return line.length() >= 100 || (line.length() >= 50 && SENTENCE_END.matcher(line).find());
  }

  private static void markJunk(List<String> lines, String[] reason) {
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isEmpty()) {
        continue;
      }
      if (URL_LINE.matcher(l).matches()) {
        reason[i] = "url";
      } else if (l.length() < 120 && EMAIL.matcher(l).find() && !prose(l)) {
        reason[i] = "contact";
      } else if (PHONE_LINE.matcher(l).matches() && l.replaceAll("\\D", "").length() >= 7) {
        reason[i] = "contact";
      } else if (l.length() < 80 && TIMESTAMP_LINE.matcher(l).matches()) {
        reason[i] = "timestamp";
      } else if (l.length() < 220 && CHROME.matcher(l).matches()) {
        reason[i] = "chrome";
      } else if (LOCALE_OR_YEAR.matcher(l).matches()) {
        reason[i] = "metadata";
      } else if (tagList(l)) {
        reason[i] = "tags";
      }
    }
  }

  /** "us, iraq, us military, us hegemony": several short lower-case items. */
  private static boolean tagList(String l) {
    if (SENTENCE_END.matcher(l).find()) {
      return false;
    }
    String[] items = l.split("\\s*[,|;]\\s*");
    if (items.length < 3) {
      return false;
    }
    int lower = 0;
    for (String item : items) {
      if (item.isEmpty() || item.split("\\s+").length > 4) {
        return false;
      }
      if (Character.isLowerCase(item.charAt(0)) || item.startsWith("#")) {
        lower++;
      }
    }
    return lower * 2 >= items.length;
  }

  private static boolean shortLabel(String l) {
    return !l.isEmpty()
        && l.length() <= 40
        && l.split("\\s+").length <= 4
        && !SENTENCE_END.matcher(l).find();
  }

  /** Runs of two or more short label lines (tags, site names, sections) are page metadata. */
  private static void markRuns(List<String> lines, String[] reason) {
    int i = 0;
    int n = lines.size();
    while (i < n) {
      if (!lines.get(i).isEmpty() && (reason[i] != null || shortLabel(lines.get(i)))) {
        int j = i;
        int labels = 0;
        while (j < n
            && !lines.get(j).isEmpty()
            && (reason[j] != null || shortLabel(lines.get(j)))) {
          if (reason[j] == null) {
            labels++;
          }
          j++;
        }
        if (j - i >= 2 && labels >= 1) {
          for (int k = i; k < j; k++) {
            if (reason[k] == null) {
              reason[k] = Character.isLowerCase(lines.get(k).charAt(0)) ? "tags" : "metadata";
            }
          }
        }
        i = j;
      } else {
        i++;
      }
    }
    // A lone lower-case label line is a tag, never a heading.
    for (int k = 0; k < n; k++) {
      String l = lines.get(k);
      if (reason[k] == null && shortLabel(l) && Character.isLowerCase(l.charAt(0))) {
        reason[k] = "tags";
      }
    }
  }

  private static int[] bodyRange(List<String> lines, String[] reason) {
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (reason[i] == null && prose(lines.get(i))) {
        if (start < 0) {
          start = i;
        }
        end = i;
      }
    }
    return new int[] {start, end};
  }

  /** Short non-prose lines after the body are footer chrome. */
  private static void markOutsideBody(List<String> lines, String[] reason, int[] body) {
    if (body[1] < 0) {
      return;
    }
    for (int i = body[1] + 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (reason[i] == null && !l.isEmpty() && !prose(l) && !SENTENCE_END.matcher(l).find()) {
        reason[i] = "chrome";
      }
    }
  }

  /**
   * Exact repeats: keep one copy, the one that sits among prose (a lead pasted into page metadata
   * above the body is the copy to drop).
   */
  private static void markDuplicates(List<String> lines, String[] reason) {
    Map<String, List<Integer>> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.isEmpty() && (reason[i] == null || reason[i].equals("metadata"))) {
        seen.computeIfAbsent(l.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> at : seen.values()) {
      if (at.size() < 2) {
        continue;
      }
      if (at.size() >= 3 && !prose(lines.get(at.get(0)))) {
        // A short line printed three times or more is the site's name or a label, not content.
        for (int i : at) {
          reason[i] = "metadata";
        }
        continue;
      }
      int keep = at.get(0);
      int best = -1;
      for (int i : at) {
        int context = proseAround(lines, reason, i);
        if (context > best) {
          best = context;
          keep = i;
        }
      }
      for (int i : at) {
        if (i != keep) {
          reason[i] = "duplicate";
        }
      }
    }
  }

  private static int proseAround(List<String> lines, String[] reason, int i) {
    int c = 0;
    for (int k = Math.max(0, i - 3); k <= Math.min(lines.size() - 1, i + 3); k++) {
      if (k != i && reason[k] == null && prose(lines.get(k))) {
        c++;
      }
    }
    return c;
  }

  /**
   * A second story appended to the scrape: after the first story's paragraphs, a headline line that
   * repeats right away (the way pages print a headline and then its title block again). The story
   * is kept, its headline as a heading line of its own; only the repeated copies of its headline
   * and caption go, as duplicates. Returns the headlines of the appended stories.
   */
  private static List<String> appendedStories(
      List<String> lines, String[] reason, List<Integer> headAt) {
    List<String> heads = new ArrayList<>();
    int paragraphs = 0;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (reason[i] == null && prose(l)) {
        paragraphs++;
        continue;
      }
      if (paragraphs < 3 || reason[i] != null || !headlineLike(l) || prose(l)) {
        continue;
      }
      for (int k = i + 1; k < Math.min(lines.size(), i + 8); k++) {
        if (lines.get(k).equalsIgnoreCase(l)) {
          heads.add(l);
          headAt.add(i);
          for (int r = k; r < lines.size(); r++) {
            if (lines.get(r).equalsIgnoreCase(l)) {
              reason[r] = "duplicate";
            }
          }
          break;
        }
      }
    }
    return heads;
  }

  private static Long dateHint(String monthDay, long fetchedAt) {
    Optional<Long> d = DateParsing.findInText(monthDay);
    if (d.isPresent()) {
      return d.get();
    }
    int year = java.time.Instant.ofEpochMilli(fetchedAt).atZone(ZoneOffset.UTC).getYear();
    Optional<Long> withYear = DateParsing.findInText(monthDay + ", " + year);
    if (withYear.isEmpty()) {
      return null;
    }
    long t = withYear.get();
    // "January 11" read in early January of the next year means last year's date.
    if (t > fetchedAt + 24L * 3600 * 1000) {
      LocalDate ld = java.time.Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).toLocalDate();
      t = ld.minusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    return t;
  }

  private static Long firstTimestamp(List<String> lines, String[] reason, long fetchedAt) {
    for (int i = 0; i < lines.size(); i++) {
      if ("timestamp".equals(reason[i])) {
        Optional<Long> d = DateParsing.parse(lines.get(i));
        if (d.isPresent() && DateParsing.plausible(d.get(), fetchedAt)) {
          return d.get();
        }
      }
    }
    return null;
  }

  /** Removal counts by reason, in first-seen order. */
  private static final class Removals {
    private final Map<String, Removal> byReason = new LinkedHashMap<>();

    void add(String reason, String line) {
      if (line.isEmpty()) {
        return;
      }
      Removal r = byReason.get(reason);
      if (r == null) {
        String sample = line.length() > SAMPLE_CHARS ? line.substring(0, SAMPLE_CHARS) : line;
        byReason.put(reason, new Removal(reason, 1, sample, line.length()));
      } else {
        r.setCount(r.getCount() + 1);
        r.setChars(r.getChars() + line.length());
      }
    }

    List<Removal> list() {
      return new ArrayList<>(byReason.values());
    }
  }
}
