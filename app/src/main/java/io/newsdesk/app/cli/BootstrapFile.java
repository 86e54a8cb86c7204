package io.newsdesk.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code DIR/bootstrap.servers}: where the Kafka of a running {@code newsdesk run} listens. */
public final class BootstrapFile {

  /** The file's name under the data directory. */
  public static final String NAME = "bootstrap.servers";

  private BootstrapFile() {}

  /** Writes the address atomically (a reader never sees half of it). */
  public static void write(Path dataDir, String bootstrapServers) {
    try {
      Files.createDirectories(dataDir);
      Path tmp = dataDir.resolve(NAME + ".tmp");
      Files.writeString(tmp, bootstrapServers + "\n", StandardCharsets.UTF_8);
      Files.move(
          tmp,
          dataDir.resolve(NAME),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dataDir.resolve(NAME), e);
    }
  }

  /** Reads the address a running {@code newsdesk run --data-dir DIR} wrote. */
  public static String read(Path dataDir) {
    Path f = dataDir.resolve(NAME);
    try {
      String s = Files.readString(f, StandardCharsets.UTF_8).strip();
      if (s.isEmpty()) {
        throw new IllegalStateException(f + " is empty");
      }
      return s;
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalStateException(
          "no "
              + f
              + ": start `newsdesk run --data-dir "
              + dataDir
              + "` first, or give --bootstrap-servers",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }
}
