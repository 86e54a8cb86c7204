package io.newsdesk.app.pipeline;

import io.newsdesk.ingest.IngestSummary;
import io.newsdesk.ingest.SourceMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The summary a run prints: what went in, what came out, how fast, and where it is. */
public final class Summary {

  private Summary() {}

  /** Peak heap used since the JVM started, over all heap pools, in MiB. */
  public static long peakHeapMib() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024 * 1024);
  }

  public static void print(
      PrintStream out,
      String title,
      KafkaEnvironment kafka,
      IngestSummary ingest,
      RunReport report,
      Duration elapsed,
      Path files) {
    out.println();
    out.println("== " + title + " ==");
    Duration startup = kafka.embeddedStartup();
    out.printf(
        "Kafka          %s%n",
        startup == null
            ? "cluster " + kafka.bootstrapServers()
            : "embedded KRaft broker at "
                + kafka.bootstrapServers()
                + ", ready in "
                + startup.toMillis()
                + " ms");
    if (ingest != null) {
      out.printf(
          "Sources        %d polled in %d ms%n", ingest.metrics().size(), ingest.elapsedMs());
      for (Map.Entry<String, SourceMetrics> e : ingest.metrics().entrySet()) {
        SourceMetrics m = e.getValue();
        out.printf(
            "  %-58s %-6s fetched %d, not modified %d, new %d, duplicates %d, disallowed %d, failures %d%s%n",
            abbreviate(e.getKey(), 58),
            m.kind(),
            m.fetched(),
            m.notModified(),
            m.newItems(),
            m.duplicates(),
            m.disallowed(),
            m.failures(),
            m.lastError() == null ? "" : " (last error: " + abbreviate(m.lastError(), 80) + ")");
      }
    }
    out.printf("Documents in   %d%n", report.documentsIn);
    out.printf(
        "Articles out   %d (%d flagged as duplicates%s)%n",
        report.articlesOut,
        report.duplicates,
        report.duplicatesByKind.isEmpty()
            ? ""
            : ": "
                + report.duplicatesByKind.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
    out.printf("Stories        %d (largest first)%n", report.storyArticles.size());
    report
        .topStories(5)
        .forEach((story, n) -> out.printf("  %-60s %d%n", abbreviate(story, 60), n));
    out.printf(
        "Dead letters   %d%s%n",
        report.deadLetters(),
        report.deadLettersByStage.isEmpty()
            ? ""
            : " "
                + report.deadLettersByStage.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
    report.deadLetterSamples.forEach(s -> out.printf("  - %s%n", abbreviate(s, 150)));
    out.println("Top entities   (articles mentioning)");
    report.topEntities(10).forEach((name, n) -> out.printf("  %-40s %d%n", name, n));
    double secs = Math.max(elapsed.toMillis(), 1) / 1000.0;
    out.printf(
        "Throughput     %.1f documents/s end to end (%d in %.1f s, ingest start to sink commit)%n",
        report.documentsIn / secs, report.documentsIn, secs);
    out.printf("Peak heap      %d MiB%n", peakHeapMib());
    if (files != null) {
      out.printf("Files          %s (%s)%n", files.toAbsolutePath().normalize(), countFiles(files));
    }
    out.printf(
        "Topics         newsdesk.articles (enriched records), newsdesk.stories,"
            + " newsdesk.entity-trends, newsdesk.dead-letters%n");
  }

  private static String countFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return "none yet";
    }
    try (Stream<Path> s = Files.walk(dir)) {
      Map<String, Long> byExt =
          s.filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".avro") || n.endsWith(".jsonl") || n.endsWith(".inprogress"))
              .collect(
                  Collectors.groupingBy(
                      n -> n.substring(n.lastIndexOf('.')), Collectors.counting()));
      long open = byExt.getOrDefault(".inprogress", 0L);
      return byExt.getOrDefault(".avro", 0L)
          + " .avro, "
          + byExt.getOrDefault(".jsonl", 0L)
          + " .jsonl files"
          + (open > 0 ? "; " + open + " open, rolled into final files when the sink stops" : "");
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
