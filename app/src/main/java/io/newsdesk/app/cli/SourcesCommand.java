package io.newsdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsdesk.app.pipeline.KafkaEnvironment;
import io.newsdesk.ingest.feed.OpmlImporter;
import io.newsdesk.ingest.sources.SourceCatalog;
import io.newsdesk.ingest.state.KafkaSourceStateStore;
import io.newsdesk.ingest.state.SourceStates;
import io.newsdesk.ingest.url.Redact;
import io.newsdesk.schema.Source;
import io.newsdesk.schema.SourceState;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsdesk sources ...}: what ingest watches, kept in the topic {@code newsdesk.sources}; a
 * change reaches the running ingest instances within one polling interval, with no restart.
 */
@Command(
    name = "sources",
    description = "Add, list, remove and import the sources ingest watches (newsdesk.sources).",
    mixinStandardHelpOptions = true,
    subcommands = {
      SourcesCommand.Add.class,
      SourcesCommand.ListSources.class,
      SourcesCommand.Remove.class,
      SourcesCommand.Import.class
    })
public final class SourcesCommand implements Runnable {

  @Override
  public void run() {
    System.err.println("Name what to do: add, list, remove, import; see: newsdesk sources --help");
  }

  /** Which cluster: a named one, or the embedded broker of a running {@code run --data-dir}. */
  public static final class Target {
    @Option(
        names = "--bootstrap-servers",
        paramLabel = "HOST:PORT[,...]",
        description = "Kafka cluster to talk to.")
    String bootstrapServers;

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        defaultValue = "./newsdesk-data",
        description =
            "Without --bootstrap-servers: the data directory of a running `newsdesk run`, whose"
                + " DIR/bootstrap.servers names its broker (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    String bootstrap() {
      return bootstrapServers != null && !bootstrapServers.isBlank()
          ? bootstrapServers
          : BootstrapFile.read(dataDir);
    }

    /** Connects and makes sure the topics exist (a fresh cluster gets them). */
    KafkaEnvironment open() {
      return KafkaEnvironment.open(KafkaOptions.of(bootstrap(), dataDir, 2));
    }
  }

  /**
   * What to watch about a source: its kind, polling interval bounds and tags ({@code add}, {@code
   * import}).
   */
  static final class SourceOptions {
    @Option(
        names = "--kind",
        paramLabel = "K",
        defaultValue = "feed",
        description =
            "feed, sitemap, page or discovery (default: ${DEFAULT-VALUE}); an OPML import holds feeds.")
    String kind;

    @Option(
        names = "--interval",
        paramLabel = "DURATION",
        description =
            "Poll about this often (5s, 10m, 1h): the shortest interval, and the longest unless"
                + " --max-interval says otherwise. Default: ingest's adaptive 2 min to 24 h.")
    String interval;

    @Option(
        names = "--max-interval",
        paramLabel = "DURATION",
        description = "Poll at least this often; between it and --interval the interval adapts.")
    String maxInterval;

    @Option(names = "--tag", paramLabel = "T", description = "A tag (repeatable).")
    List<String> tags = new ArrayList<>();

    Duration minInterval() {
      return interval == null ? null : parseDuration(interval);
    }

    Duration maxInterval() {
      return maxInterval == null ? minInterval() : parseDuration(maxInterval);
    }

    Source source(String url, String sourceKind) {
      return SourceCatalog.source(url, sourceKind, minInterval(), maxInterval(), tags);
    }
  }

  /** {@code sources add URL}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Watch a source.")
  public static final class Add implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "URL", description = "The feed, sitemap or page URL.")
    String url;

    @Mixin SourceOptions options;

    @Override
    public Integer call() {
      Source s = options.source(url, options.kind);
      try (KafkaEnvironment env = target.open();
          Producer<byte[], byte[]> p = SourceCatalog.producer(env.clientProperties())) {
        SourceCatalog.put(p, List.of(s));
      }
      System.out.printf("added %s %s %s%n", s.getId(), s.getKind(), s.getUrl());
      return 0;
    }
  }

  /** {@code sources list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "The sources with their health: last poll, last success, items, errors, next due.")
  public static final class ListSources implements Callable<Integer> {
    @Mixin Target target;

    @Option(names = "--json", description = "One JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      try (KafkaEnvironment env = target.open()) {
        List<Map<String, Object>> rows = health(env.clientProperties());
        print(System.out, rows, json);
      }
      return 0;
    }
  }

  /** {@code sources remove ID}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Stop watching a source (by id or URL); it is not polled again.")
  public static final class Remove implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "ID", description = "The source's id (or its URL).")
    String id;

    @Override
    public Integer call() {
      try (KafkaEnvironment env = target.open()) {
        Map<String, Source> all =
            SourceCatalog.read(env.clientProperties(), Duration.ofSeconds(30));
        Source s = all.get(id);
        if (s == null) {
          s = all.get(SourceCatalog.id(id));
        }
        if (s == null) {
          System.err.println("no source " + id + "; see: newsdesk sources list");
          return 1;
        }
        try (Producer<byte[], byte[]> p = SourceCatalog.producer(env.clientProperties())) {
          SourceCatalog.remove(p, s);
        }
        System.out.printf("removed %s %s%n", s.getId(), s.getUrl());
        return 0;
      }
    }
  }

  /** {@code sources import FILE}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Add every source of a file: one URL a line (# comments), or OPML.")
  public static final class Import implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "FILE", description = "A text list of URLs or an OPML file.")
    Path file;

    @Mixin SourceOptions options;

    @Override
    public Integer call() throws Exception {
      options.maxInterval(); // a malformed interval fails before any URL is read
      String text = Files.readString(file, StandardCharsets.UTF_8);
      boolean opml =
          file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".opml")
              || text.stripLeading().startsWith("<");
      List<String> urls =
          opml ? OpmlImporter.parse(text) : io.newsdesk.app.pipeline.SourceLists.read(file);
      List<Source> sources = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      for (String u : urls) {
        try {
          sources.add(options.source(u, opml ? "feed" : options.kind));
        } catch (IllegalArgumentException e) {
          skipped.add(u + " (" + e.getMessage() + ")");
        }
      }
      try (KafkaEnvironment env = target.open();
          Producer<byte[], byte[]> p = SourceCatalog.producer(env.clientProperties())) {
        SourceCatalog.put(p, sources);
      }
      System.out.printf("imported %d sources from %s%n", sources.size(), file);
      skipped.forEach(s -> System.err.println("skipped " + s));
      return skipped.isEmpty() ? 0 : 1;
    }
  }

  /** Each source with its health from the ingest state topic, in catalog order. */
  public static List<Map<String, Object>> health(Properties clientProps) {
    Map<String, Source> all = SourceCatalog.read(clientProps, Duration.ofSeconds(30));
    Map<String, SourceState> states =
        all.isEmpty() ? Map.of() : KafkaSourceStateStore.load(clientProps, Duration.ofSeconds(30));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Source s : all.values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", s.getId());
      row.put("kind", s.getKind());
      row.put("url", s.getUrl());
      row.put("enabled", s.getEnabled());
      row.put("tags", List.copyOf(s.getTags()));
      row.put("minIntervalMs", s.getMinIntervalMs());
      row.put("maxIntervalMs", s.getMaxIntervalMs());
      SourceState st = states.get(Redact.secrets(s.getUrl()));
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("lastPoll", time(st == null ? null : st.getLastPollAt()));
      h.put("lastSuccess", time(st == null ? null : st.getLastSuccessAt()));
      h.put("items", st == null ? 0 : SourceStates.counter(st, SourceStates.NEW_ITEMS));
      h.put("errors", st == null ? 0 : SourceStates.counter(st, SourceStates.FAILURES));
      h.put("consecutiveFailures", st == null ? 0 : st.getConsecutiveFailures());
      h.put("lastError", st == null ? null : st.getLastError());
      h.put("nextDue", st == null || st.getNextPollAt() <= 0 ? "now" : time(st.getNextPollAt()));
      row.put("health", h);
      rows.add(row);
    }
    return rows;
  }

  private static String time(Long epochMs) {
    return epochMs == null ? null : Instant.ofEpochMilli(epochMs).toString();
  }

  @SuppressWarnings("unchecked")
  static void print(PrintStream out, List<Map<String, Object>> rows, boolean json)
      throws Exception {
    if (json) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
      return;
    }
    out.printf(
        "%-12s %-8s %-7s %-20s %-20s %7s %6s %-20s %s%n",
        "ID", "KIND", "ENABLED", "LAST POLL", "LAST SUCCESS", "ITEMS", "ERRORS", "NEXT DUE", "URL");
    for (Map<String, Object> r : rows) {
      Map<String, Object> h = (Map<String, Object>) r.get("health");
      out.printf(
          "%-12s %-8s %-7s %-20s %-20s %7s %6s %-20s %s%n",
          r.get("id"),
          r.get("kind"),
          r.get("enabled"),
          short20(h.get("lastPoll")),
          short20(h.get("lastSuccess")),
          h.get("items"),
          h.get("errors"),
          short20(h.get("nextDue")),
          r.get("url"));
    }
    out.printf("%d sources%n", rows.size());
  }

  private static String short20(Object o) {
    if (o == null) {
      return "-";
    }
    String s = o.toString();
    return s.length() > 20 ? s.substring(0, 19) + "Z" : s;
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  /** 500ms, 5s, 10m, 1h, 1d, or an ISO-8601 duration (PT5S). */
  static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(t);
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
    } else {
      try {
        d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("not a duration (5s, 10m, 1h): " + text, e);
      }
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("a duration must be positive: " + text);
    }
    return d;
  }
}
