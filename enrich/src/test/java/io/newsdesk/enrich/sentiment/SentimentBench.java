package io.newsdesk.enrich.sentiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of target sentiment on one core, in sentences per second: run by hand with {@code java
 * -cp ... io.newsdesk.enrich.sentiment.SentimentBench [newsmtsc.jsonl] [seconds]}.
 */
public final class SentimentBench {

  private SentimentBench() {}

  public static void main(String[] args) throws Exception {
    Path file =
        Path.of(
            args.length > 0
                ? args[0]
                : System.getProperty("newsdesk.shared.dir", "../shared")
                    + "/data/sentiment/newsmtsc/train.jsonl");
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    List<NewsMtsc.Line> lines = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      lines.addAll(NewsMtsc.read(file));
    } else {
      String s = "Critics praised Merkel for her leadership, but Smith attacked Jones on Tuesday.";
      lines.add(NewsMtsc.parse(syntheticLine(s)));
    }
    TargetSentiment model = TargetSentiment.standard();
    long targets = 0;
    // Warm up for a fixed time, not a fixed count: short runs otherwise measure the JIT compiling.
    long warmUntil = System.nanoTime() + 5_000_000_000L;
    for (int i = 0; i < 3 || System.nanoTime() < warmUntil; i++) {
      for (NewsMtsc.Line line : lines) {
        targets += NewsMtscTagging.predict(model, line).length;
      }
    }
    long sentences = 0;
    targets = 0;
    long checksum = 0;
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      for (NewsMtsc.Line line : lines) {
        int[] labels = NewsMtscTagging.predict(model, line);
        targets += labels.length;
        checksum += labels.length > 0 ? labels[0] : 0;
        sentences++;
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    // Wall time suffers when the machine is shared; thread CPU time is what one core spends.
    System.out.printf(
        "%d sentences, %d targets in %.2fs wall, %.2fs CPU: %.0f sentences/s wall, %.0f"
            + " sentences/s per CPU-second, %.0f targets/s wall (checksum %d, load %.1f)%n",
        sentences,
        targets,
        elapsed,
        cpu,
        sentences / elapsed,
        sentences / cpu,
        targets / elapsed,
        checksum,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String syntheticLine(String s) {
    int m = s.indexOf("Merkel");
    int j = s.indexOf("Jones");
    return "{\"sentence_normalized\":\""
        + s
        + "\",\"targets\":[{\"from\":"
        + m
        + ",\"to\":"
        + (m + 6)
        + "},{\"from\":"
        + j
        + ",\"to\":"
        + (j + 5)
        + "}]}";
  }
}
