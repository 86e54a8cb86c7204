package io.newsdesk.ingest.feed.eval;

import io.newsdesk.ingest.feed.FeedEntry;
import io.newsdesk.ingest.feed.FeedParser;
import io.newsdesk.ingest.feed.ParsedFeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the parser against ROME's labelled test feeds, whose every value names its own path (e.g.
 * {@code rss_2.0.channel.item[0].title}); module and issue feeds must parse with entries.
 */
public final class RomeLabelEval {
  private static final Pattern LABEL =
      Pattern.compile(
          ">\\s*((?:rss|atom)_[0-9.]+[A-Za-z]*\\.(?:channel|feed|item|entry)[A-Za-z0-9_.\\[\\]]*)\\s*<");
  private static final Pattern ITEM_FIELD =
      Pattern.compile(
          "\\.(?:item|entry)\\[(\\d+)\\]\\.(title|link|description|summary|content(?:\\[0\\])?|guid|author\\.name|author|category\\[(\\d+)\\])$");
  private static final Pattern FEED_FIELD =
      Pattern.compile(
          "^(?:rss|atom)_[0-9.]+[A-Za-z]*\\.(?:channel|feed)\\.(title|link|description|language)$");

  /** One failed check. */
  public record Failure(String file, String label, String actual) {}

  /** Totals: labelled checks, robustness of module feeds, failures. */
  public record Result(
      int checks,
      int passed,
      Map<String, int[]> byField,
      int moduleFeeds,
      int moduleFeedsParsed,
      List<Failure> failures) {
    /** Share of labelled checks met. */
    public double share() {
      return checks == 0 ? 0 : (double) passed / checks;
    }
  }

  private final FeedParser parser = new FeedParser();

  /** Scores the ROME corpus at {@code dir} (holding rome/, rome-modules/). */
  public Result run(Path dir) throws IOException {
    int checks = 0;
    int passed = 0;
    Map<String, int[]> byField = new TreeMap<>();
    List<Failure> failures = new ArrayList<>();
    Path core = dir.resolve("rome/src/test/resources");
    for (Path f : list(core)) {
      byte[] bytes = Files.readAllBytes(f);
      String text = new String(bytes, StandardCharsets.UTF_8);
      ParsedFeed feed;
      try {
        feed = parser.parse(bytes, null, null);
      } catch (Exception e) {
        feed = null;
      }
      Matcher m = LABEL.matcher(text);
      List<String> labels = new ArrayList<>();
      while (m.find()) {
        labels.add(m.group(1));
      }
      for (String label : labels) {
        String field = fieldOf(label);
        if (field == null) {
          continue;
        }
        checks++;
        int[] c = byField.computeIfAbsent(field, k -> new int[2]);
        c[0]++;
        boolean ok;
        String actual;
        if (feed == null) {
          ok = false;
          actual = "parse failed";
        } else {
          List<String> values = values(feed, label);
          ok = values.contains(label);
          actual = values.toString();
        }
        if (ok) {
          passed++;
          c[1]++;
        } else {
          failures.add(new Failure(core.relativize(f).toString(), label, actual));
        }
      }
    }
    int modules = 0;
    int parsed = 0;
    for (Path f : listRecursive(dir.resolve("rome-modules/src/test/resources"))) {
      modules++;
      try {
        ParsedFeed feed = parser.parse(Files.readAllBytes(f), null, null);
        if (!feed.entries().isEmpty() || feed.title() != null) {
          parsed++;
        }
      } catch (Exception e) {
        failures.add(new Failure(f.getFileName().toString(), "(parses)", e.getMessage()));
      }
    }
    return new Result(checks, passed, byField, modules, parsed, failures);
  }

  static String fieldOf(String label) {
    Matcher feed = FEED_FIELD.matcher(label);
    if (feed.matches()) {
      return "feed." + feed.group(1);
    }
    Matcher item = ITEM_FIELD.matcher(label);
    if (item.find()) {
      String f = item.group(2);
      if (f.startsWith("category")) {
        return "entry.category";
      }
      if (f.startsWith("content")) {
        return "entry.content";
      }
      if (f.startsWith("author")) {
        return "entry.author";
      }
      if (f.equals("description")) {
        return "entry.summary";
      }
      if (f.equals("guid")) {
        return "entry.id";
      }
      return "entry." + f;
    }
    return null;
  }

  private static List<String> values(ParsedFeed feed, String label) {
    String field = fieldOf(label);
    List<String> out = new ArrayList<>();
    if (field.startsWith("feed.")) {
      switch (field) {
        case "feed.title" -> add(out, feed.title());
        case "feed.link" -> add(out, feed.link());
        case "feed.description" -> add(out, feed.description());
        case "feed.language" -> add(out, feed.language());
        default -> {}
      }
      return out;
    }
    Matcher item = ITEM_FIELD.matcher(label);
    item.find();
    int i = Integer.parseInt(item.group(1));
    if (i >= feed.entries().size()) {
      return out;
    }
    FeedEntry e = feed.entries().get(i);
    switch (field) {
      case "entry.title" -> add(out, e.title());
      case "entry.link" -> add(out, e.link());
      case "entry.summary" -> add(out, e.summary());
      case "entry.content" -> add(out, e.content());
      case "entry.id" -> add(out, e.id());
      case "entry.author" -> out.addAll(e.authors());
      case "entry.category" -> out.addAll(e.categories());
      default -> {}
    }
    return out;
  }

  private static void add(List<String> out, String v) {
    if (v != null) {
      out.add(v.strip());
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }

  private static List<Path> listRecursive(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }
}
