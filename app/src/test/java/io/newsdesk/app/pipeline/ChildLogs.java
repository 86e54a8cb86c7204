package io.newsdesk.app.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Where integration tests' child processes write their logs: {@code target/child-logs/TEST/}, kept
 * after the run (a temporary folder would take a once-seen failure's evidence with it), and on
 * failure the last lines of each log are printed with the test's output.
 */
public final class ChildLogs implements TestWatcher {

  private static final int TAIL_LINES = 60;

  /** The log folder of a test class, emptied of an earlier run's logs. */
  public static Path dir(Class<?> test) {
    Path dir = Path.of("target", "child-logs", test.getSimpleName()).toAbsolutePath();
    try {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
            if (!p.equals(dir)) {
              Files.delete(p);
            }
          }
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Path dir = Path.of("target", "child-logs", context.getRequiredTestClass().getSimpleName());
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path log : s.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        System.err.printf(
            "---- last %d of %d lines of %s ----%n",
            Math.min(TAIL_LINES, lines.size()), lines.size(), log.toAbsolutePath());
        lines
            .subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())
            .forEach(System.err::println);
      }
    } catch (IOException e) {
      System.err.println("cannot read the child logs in " + dir + ": " + e);
    }
  }
}
