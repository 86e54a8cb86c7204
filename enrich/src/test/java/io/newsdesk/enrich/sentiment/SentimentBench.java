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
    for (int i = 0; i < 3; i++) {
      for (NewsMtsc.Line line : lines) {
        targets += NewsMtscTagging.predict(model, line).length;
      }
    }
    long sentences = 0;
    targets = 0;
    long checksum = 0;
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
    System.out.printf(
        "%d sentences, %d targets in %.2fs: %.0f sentences/s, %.0f targets/s (checksum %d)%n",
        sentences, targets, elapsed, sentences / elapsed, targets / elapsed, checksum);
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
