package io.newsdesk.enrich.sentiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Scores target sentiment on NewsMTSC: macro-F1 over the three classes (F1m) and accuracy. */
public final class SentimentEvaluation {

  /**
   * Scores and the confusion matrix, rows gold, columns predicted (negative, neutral, positive).
   */
  public record Result(double macroF1, double accuracy, int targets, int[][] confusion) {

    /** One line for logs and the command line. */
    public String summary() {
      return String.format(
          "F1m %.4f  accuracy %.4f  targets %d  confusion %s",
          macroF1, accuracy, targets, java.util.Arrays.deepToString(confusion));
    }
  }

  private SentimentEvaluation() {}

  /** Evaluates {@code model} on a labelled NewsMTSC file. */
  public static Result evaluate(TargetSentiment model, Path newsMtsc) throws IOException {
    return evaluate(model, NewsMtsc.read(newsMtsc));
  }

  static Result evaluate(TargetSentiment model, List<NewsMtsc.Line> lines) {
    int[][] confusion = new int[3][3];
    for (NewsMtsc.Line line : lines) {
      int[] predicted = NewsMtscTagging.predict(model, line);
      for (int j = 0; j < predicted.length; j++) {
        int gold = line.targets().get(j).label();
        if (gold >= 0) {
          confusion[gold][predicted[j]]++;
        }
      }
    }
    return score(confusion);
  }

  /**
   * Targets tagged per CPU-second of the calling thread over the labelled files, after a warm-up so
   * that compiled code is measured; runs for about {@code seconds}.
   */
  public static double targetsPerSecond(TargetSentiment model, List<Path> files, double seconds)
      throws IOException {
    List<NewsMtsc.Line> lines = new java.util.ArrayList<>();
    for (Path f : files) {
      lines.addAll(NewsMtsc.read(f));
    }
    if (lines.isEmpty()) {
      return 0;
    }
    long warmUntil = System.nanoTime() + (long) (seconds * 0.5e9);
    while (System.nanoTime() < warmUntil) {
      for (NewsMtsc.Line line : lines) {
        NewsMtscTagging.predict(model, line);
      }
    }
    // Thread CPU time, not wall time: on a shared machine that is what one core spends.
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long targets = 0;
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      for (NewsMtsc.Line line : lines) {
        targets += NewsMtscTagging.predict(model, line).length;
      }
    }
    return targets / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
  }

  /** F1m and accuracy from a confusion matrix. */
  static Result score(int[][] confusion) {
    int total = 0;
    int correct = 0;
    double f1Sum = 0;
    for (int c = 0; c < 3; c++) {
      int tp = confusion[c][c];
      int gold = 0;
      int predicted = 0;
      for (int k = 0; k < 3; k++) {
        gold += confusion[c][k];
        predicted += confusion[k][c];
        total += confusion[c][k];
      }
      correct += tp;
      double precision = predicted == 0 ? 0 : tp / (double) predicted;
      double recall = gold == 0 ? 0 : tp / (double) gold;
      f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
    return new Result(f1Sum / 3, total == 0 ? 0 : correct / (double) total, total, confusion);
  }
}
