package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncleanTaskStateTest {

  private static final String APP = "newsdesk-enrich";

  @TempDir Path state;

  @Test
  void removesTheStateOfTasksThatStoppedWithoutACheckpoint() throws IOException {
    Path killed = store("0_0", "rocksdb/seen-urls/000012.sst");
    Path killedWindowed = store("4_0", "trends-1h/trends-1h.1764633600000/CURRENT");

    assertThat(UncleanTaskState.remove(state, APP)).containsExactly("0_0", "4_0");

    assertThat(killed).doesNotExist();
    assertThat(killedWindowed).doesNotExist();
  }

  @Test
  void keepsTasksClosedCleanlyAndEverythingThatIsNotATask() throws IOException {
    Path clean = store("1_0", "rocksdb/seen-texts/000007.sst");
    Files.writeString(state.resolve(APP).resolve("1_0/.checkpoint"), "0\n1\nchangelog 0 42\n");
    Files.createDirectories(state.resolve(APP).resolve("2_0"));
    Path metadata = state.resolve(APP).resolve("kafka-streams-process-metadata");
    Files.writeString(metadata, "{}");
    Path other = store("not-a-task", "rocksdb/x");

    assertThat(UncleanTaskState.remove(state, APP)).isEmpty();

    assertThat(clean).exists();
    assertThat(state.resolve(APP).resolve("2_0")).isDirectory();
    assertThat(metadata).exists();
    assertThat(other).exists();
  }

  @Test
  void leavesStateInUseByARunningInstanceAlone() throws IOException {
    Path live = store("0_1", "rocksdb/seen-urls/000003.log");
    try (FileChannel channel =
            FileChannel.open(
                state.resolve(APP).resolve(".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      assertThat(UncleanTaskState.remove(state, APP)).isEmpty();
    }
    assertThat(live).exists();
  }

  @Test
  void doesNothingOnAFirstStart() {
    assertThat(UncleanTaskState.remove(state, APP)).isEmpty();
  }

  private Path store(String task, String file) throws IOException {
    Path f = state.resolve(APP).resolve(task).resolve(file);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "data");
    return f;
  }
}
