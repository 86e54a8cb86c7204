package io.newsdesk.app.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the sink has written so far, read while it may still be writing, rolling and renaming. */
final class SinkFiles {

  private SinkFiles() {}

  /**
   * The JSON Lines files under {@code out}; with {@code open}, the files still being written too. A
   * file the sink renames while the tree is walked makes the walk start again.
   */
  static List<Path> jsonl(Path out, boolean open) throws IOException {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> s = Files.walk(out)) {
        return s.filter(
                p ->
                    p.toString().endsWith(".jsonl")
                        || (open && p.toString().endsWith(".jsonl.inprogress")))
            .toList();
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof NoSuchFileException) || attempt == 20) {
          throw e;
        }
      }
    }
  }

  /** The article ids of the records in {@link #jsonl}, a half-written last line left out. */
  static List<String> articleIds(Path out, boolean open) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    for (Path f : jsonl(out, open)) {
      List<String> lines;
      try {
        lines = Files.readAllLines(f);
      } catch (NoSuchFileException e) {
        continue; // rolled or discarded meanwhile: its records are in the file it became
      }
      for (String line : lines) {
        try {
          ids.add(json.readTree(line).path("article").path("id").asText());
        } catch (IOException e) {
          // An open file's last line may be half written.
        }
      }
    }
    return ids;
  }
}
