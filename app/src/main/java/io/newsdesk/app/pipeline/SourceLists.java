package io.newsdesk.app.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads source lists: one URL a line, blank lines and {@code #} comments ignored. */
public final class SourceLists {

  private SourceLists() {}

  public static List<String> read(Path file) {
    if (file == null) {
      return List.of();
    }
    try {
      List<String> out = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String s = line.strip();
        int hash = s.indexOf(" #");
        if (hash >= 0) {
          s = s.substring(0, hash).strip();
        }
        if (!s.isEmpty() && !s.startsWith("#")) {
          out.add(s);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read source list " + file, e);
    }
  }
}
