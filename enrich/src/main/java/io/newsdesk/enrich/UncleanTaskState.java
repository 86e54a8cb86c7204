package io.newsdesk.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the local state of tasks that an unclean stop (kill -9, power loss) left without a
 * checkpoint, before Kafka Streams starts.
 *
 * <p>Under exactly_once_v2, Kafka Streams 4.3 writes a task's {@code .checkpoint} only on a clean
 * close; a store found non-empty without one may hold uncommitted writes, so Streams declares the
 * task corrupted, wipes the store and restores it from its changelog. It finds that out twice (when
 * it opens the stores at start-up and again when the task is assigned) and answers with an extra
 * rebalance. Removing exactly those task directories up front gives the same result (the stores are
 * rebuilt from their changelogs) without the corrupted-task round trips, which after a kill -9 cost
 * seconds of a restart. Task directories with a checkpoint are left alone.
 */
final class UncleanTaskState {

  private static final Logger LOG = LoggerFactory.getLogger(UncleanTaskState.class);
  private static final Pattern TASK_DIR = Pattern.compile("\\d+_\\d+");

  private UncleanTaskState() {}

  /**
   * Removes the task directories under {@code stateDir/applicationId} that hold state but no
   * checkpoint; returns their names. Does nothing when another process holds the application's
   * state directory lock (a running instance), leaving the decision to Kafka Streams.
   */
  static List<String> remove(Path stateDir, String applicationId) {
    Path appDir = stateDir.resolve(applicationId);
    List<String> removed = new ArrayList<>();
    if (!Files.isDirectory(appDir)) {
      return removed;
    }
    try (FileChannel channel =
            FileChannel.open(
                appDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      if (lock == null) {
        LOG.info("enrich state in {} is in use: left to Kafka Streams", appDir);
        return removed;
      }
      List<Path> tasks;
      try (Stream<Path> s = Files.list(appDir)) {
        tasks =
            s.filter(Files::isDirectory)
                .filter(p -> TASK_DIR.matcher(p.getFileName().toString()).matches())
                .sorted()
                .toList();
      }
      for (Path task : tasks) {
        if (!Files.exists(task.resolve(".checkpoint")) && holdsState(task)) {
          deleteTree(task);
          removed.add(task.getFileName().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect enrich state in " + appDir, e);
    }
    if (!removed.isEmpty()) {
      LOG.info(
          "enrich tasks {} stopped uncleanly (no checkpoint): local state removed, it is restored"
              + " from the changelogs",
          removed);
    }
    return removed;
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held in this JVM: a running instance
    }
  }

  private static boolean holdsState(Path task) throws IOException {
    try (Stream<Path> s = Files.list(task)) {
      return s.anyMatch(p -> !p.getFileName().toString().startsWith("."));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
