package io.newsdesk.app.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Where integration tests' child processes write their logs: {@code target/child-logs/TEST/}, kept
 * after the run (a temporary folder would take a once-seen failure's evidence with it); on failure
 * the child JVMs still alive get their threads dumped (before the test's clean-up kills them) and
 * the last lines of each log are printed with the test's output.
 */
public final class ChildLogs implements TestWatcher, TestExecutionExceptionHandler {

  private static final int TAIL_LINES = 60;
  private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(30);

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

  /**
   * A test that failed while child JVMs run (a wait that timed out, typically) may be looking at a
   * stuck child: its thread dump, taken now, is what explains it. Each dump goes to {@code
   * threads-PID.txt} beside the logs and to the test's output.
   */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable cause)
      throws Throwable {
    Path dir = Path.of("target", "child-logs", context.getRequiredTestClass().getSimpleName());
    for (ProcessHandle child : ProcessHandle.current().children().toList()) {
      if (child.isAlive()) {
        dumpThreads(child, dir);
      }
    }
    throw cause;
  }

  private static void dumpThreads(ProcessHandle child, Path dir) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    String command = child.info().commandLine().orElse("?");
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("threads-" + child.pid() + ".txt");
      Process p =
          new ProcessBuilder(jcmd.toString(), String.valueOf(child.pid()), "Thread.print")
              .redirectErrorStream(true)
              .redirectOutput(file.toFile())
              .start();
      if (!p.waitFor(DUMP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      System.err.printf(
          "---- threads of child %d (%s), also in %s ----%n",
          child.pid(), command, file.toAbsolutePath());
      Files.readAllLines(file, StandardCharsets.ISO_8859_1).forEach(System.err::println);
    } catch (IOException e) {
      System.err.println("cannot dump the threads of child " + child.pid() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
