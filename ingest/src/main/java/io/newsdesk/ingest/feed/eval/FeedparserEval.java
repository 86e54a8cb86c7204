package io.newsdesk.ingest.feed.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.ingest.feed.FeedEntry;
import io.newsdesk.ingest.feed.FeedParseException;
import io.newsdesk.ingest.feed.FeedParser;
import io.newsdesk.ingest.feed.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the feedparser corpus's {@code Expect:} checks that concern what Newsdesk keeps: feed title,
 * link and language; entry title, link, id, summary, content, author, categories and dates. Checks
 * of HTML sanitising, bozo flags, encodings and fields Newsdesk drops do not apply.
 */
public final class FeedparserEval {
  /** The simulated document URI of the corpus (feedparser serves its tests from here). */
  static final String DOC_BASE = "http://127.0.0.1:8097/";

  private static final Pattern TERM =
      Pattern.compile(
          "^(feed|entries\\[(\\d+)\\])((?:\\['[a-z_]+'\\]|\\[\\d+\\]|\\.[a-z_]+)+)\\s*==\\s*(.+)$",
          Pattern.DOTALL);
  private static final Pattern SEGMENT =
      Pattern.compile("\\['([a-z_]+)'\\]|\\[(\\d+)\\]|\\.([a-z_]+)");

  /** One expectation's verdict. */
  public record Verdict(String path, String field, String expect, boolean passed, String actual) {}

  /** Totals, per field and the failures. */
  public record Result(
      int expectations,
      int applicable,
      int passed,
      Map<String, int[]> byField,
      List<Verdict> failures) {
    /** Share of applicable expectations met. */
    public double share() {
      return applicable == 0 ? 0 : (double) passed / applicable;
    }
  }

  private final FeedParser parser = new FeedParser();

  /** Scores the corpus at {@code dir} (holding expectations-index.json and tests/). */
  public Result run(Path dir) throws IOException {
    JsonNode index = new ObjectMapper().readTree(dir.resolve("expectations-index.json").toFile());
    int total = 0;
    int applicable = 0;
    int passed = 0;
    Map<String, int[]> byField = new TreeMap<>();
    List<Verdict> failures = new ArrayList<>();
    for (JsonNode e : index) {
      total++;
      String path = e.path("path").asText();
      String expect = e.path("expect").asText();
      if ("sanitize".equals(e.path("subcategory").asText())) {
        continue;
      }
      List<Check> checks = translate(expect);
      if (checks == null) {
        continue;
      }
      applicable++;
      String field = checks.get(0).field;
      int[] counts = byField.computeIfAbsent(field, k -> new int[2]);
      counts[0]++;
      String contentType = null;
      String contentLocation = null;
      JsonNode headers = e.path("headers");
      if (headers.isObject()) {
        for (Map.Entry<String, JsonNode> h : headers.properties()) {
          if (h.getKey().equalsIgnoreCase("content-type")) {
            contentType = h.getValue().asText();
          } else if (h.getKey().equalsIgnoreCase("content-location")) {
            contentLocation = h.getValue().asText();
          }
        }
      }
      String docUri = DOC_BASE + path;
      if (contentLocation != null) {
        docUri = URI.create(docUri).resolve(contentLocation).toString();
      }
      ParsedFeed feed;
      try {
        feed = parser.parse(Files.readAllBytes(dir.resolve(path)), contentType, docUri);
      } catch (FeedParseException | RuntimeException ex) {
        failures.add(new Verdict(path, field, expect, false, "parse failed: " + ex.getMessage()));
        continue;
      }
      boolean ok = true;
      String actual = null;
      for (Check c : checks) {
        Object got = c.actual(feed);
        if (!matches(c.expected, got)) {
          ok = false;
          actual = String.valueOf(got);
          break;
        }
      }
      if (ok) {
        passed++;
        counts[1]++;
      } else {
        failures.add(new Verdict(path, field, expect, false, actual));
      }
    }
    return new Result(total, applicable, passed, byField, failures);
  }

  private static boolean matches(Object expected, Object got) {
    if (expected instanceof String s) {
      String g = got == null ? "" : got.toString();
      return s.equals(g);
    }
    if (expected instanceof List<?> tuple) {
      if (!(got instanceof Long millis)) {
        return false;
      }
      ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
      long[] fields = {
        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()
      };
      for (int k = 0; k < Math.min(6, tuple.size()); k++) {
        if (((Long) tuple.get(k)) != fields[k]) {
          return false;
        }
      }
      return true;
    }
    return expected == null && got == null;
  }

  /** A comparison of one Newsdesk field with a literal. */
  private record Check(String field, int entry, List<String> rest, Object expected) {
    Object actual(ParsedFeed f) {
      if (entry < 0) {
        return switch (field) {
          case "feed.title" -> f.title();
          case "feed.link" -> f.link();
          case "feed.language" -> f.language();
          default -> null;
        };
      }
      if (entry >= f.entries().size()) {
        return "<no entry " + entry + ">";
      }
      FeedEntry e = f.entries().get(entry);
      return switch (field) {
        case "entry.title" -> e.title();
        case "entry.link" -> e.link();
        case "entry.id" -> e.id();
        case "entry.summary" -> e.summary() != null ? e.summary() : e.content();
        case "entry.content" -> e.content();
        case "entry.author" -> e.authors().isEmpty() ? null : e.authors().get(0);
        case "entry.category" -> index(e.categories(), Integer.parseInt(rest.get(0)));
        case "entry.published" -> e.published();
        case "entry.updated" -> e.updated();
        default -> null;
      };
    }

    private static String index(List<String> list, int i) {
      return i < list.size() ? list.get(i) : null;
    }
  }

  /** The checks of an expectation, or null when any part concerns something we do not keep. */
  static List<Check> translate(String expect) {
    List<Check> checks = new ArrayList<>();
    for (String term : splitAnd(expect)) {
      String t = stripParens(term.strip());
      if (t.equals("bozo") || t.equals("not bozo")) {
        continue;
      }
      Matcher m = TERM.matcher(t);
      if (!m.matches()) {
        return null;
      }
      Object expected = PythonLiteral.parse(m.group(4));
      if (expected == PythonLiteral.NOT_LITERAL) {
        return null;
      }
      List<String> segs = new ArrayList<>();
      Matcher s = SEGMENT.matcher(m.group(3));
      while (s.find()) {
        segs.add(s.group(1) != null ? s.group(1) : s.group(2) != null ? s.group(2) : s.group(3));
      }
      Check c = map(m.group(1).equals("feed") ? -1 : Integer.parseInt(m.group(2)), segs, expected);
      if (c == null) {
        return null;
      }
      checks.add(c);
    }
    return checks.isEmpty() ? null : checks;
  }

  private static Check map(int entry, List<String> segs, Object expected) {
    String key = String.join("/", segs);
    if (entry < 0) {
      return switch (key) {
        case "title" -> new Check("feed.title", -1, List.of(), expected);
        case "link" -> new Check("feed.link", -1, List.of(), expected);
        case "language" -> new Check("feed.language", -1, List.of(), expected);
        default -> null;
      };
    }
    if (key.matches("tags/\\d+/term")) {
      return new Check("entry.category", entry, List.of(segs.get(1)), expected);
    }
    return switch (key) {
      case "title" -> new Check("entry.title", entry, List.of(), expected);
      case "link" -> new Check("entry.link", entry, List.of(), expected);
      case "id", "guid" -> new Check("entry.id", entry, List.of(), expected);
      case "summary", "description" -> new Check("entry.summary", entry, List.of(), expected);
      case "content/0/value" -> new Check("entry.content", entry, List.of(), expected);
      case "author" -> new Check("entry.author", entry, List.of(), expected);
      case "category" -> new Check("entry.category", entry, List.of("0"), expected);
      case "published_parsed" -> new Check("entry.published", entry, List.of(), expected);
      case "updated_parsed" -> new Check("entry.updated", entry, List.of(), expected);
      default -> null;
    };
  }

  private static String stripParens(String t) {
    while (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\'' || c == '"') {
        int end = PythonLiteral.closingQuote(s, k);
        if (end < 0) {
          return false;
        }
        k = end;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /** Splits on top-level {@code and}, outside strings and brackets. */
  static List<String> splitAnd(String expr) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int k = 0; k < expr.length(); k++) {
      char c = expr.charAt(k);
      if (c == '\'' || c == '"') {
        int end = PythonLiteral.closingQuote(expr, k);
        if (end < 0) {
          break;
        }
        k = end;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (depth == 0 && expr.startsWith(" and ", k)) {
        out.add(expr.substring(start, k));
        start = k + 5;
        k += 4;
      }
    }
    out.add(expr.substring(start));
    return out;
  }
}
