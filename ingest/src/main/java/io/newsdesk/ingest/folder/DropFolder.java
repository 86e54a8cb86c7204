package io.newsdesk.ingest.folder;

import io.newsdesk.ingest.Ids;
import io.newsdesk.ingest.RawDocuments;
import io.newsdesk.ingest.receive.ArticleDocuments;
import io.newsdesk.ingest.receive.InvalidArticleException;
import io.newsdesk.ingest.state.SourceStates;
import io.newsdesk.ingest.url.Redact;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.SourceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes {@code *.html}, {@code *.txt} and {@code *.json} files from a directory, each version of a
 * file exactly once: path, size, mtime and content hash are recorded in the source state.
 */
public final class DropFolder {
  private static final Logger LOG = LoggerFactory.getLogger(DropFolder.class);

  /** What one scan found: documents, dead letters and the updated state. */
  public record Scan(
      List<RawDocument> documents, List<DeadLetter> deadLetters, SourceState state) {}

  private final Path dir;
  private final String source;
  private final long maxBytes;
  private final int maxSeen;

  public DropFolder(Path dir, long maxBytes, int maxSeen) {
    this.dir = dir.toAbsolutePath().normalize();
    this.source = sourceName(this.dir);
    this.maxBytes = maxBytes;
    this.maxSeen = maxSeen;
  }

  /** The source key of a folder: {@code folder:<absolute path>}. */
  public static String sourceName(Path dir) {
    return "folder:" + dir.toAbsolutePath().normalize();
  }

  /** This folder's source key. */
  public String source() {
    return source;
  }

  /** The directory watched. */
  public Path dir() {
    return dir;
  }

  /**
   * Finds files not taken before. Nothing is marked taken until the caller publishes the returned
   * state together with the documents.
   */
  public Scan scan(SourceState previous, long now) throws IOException {
    SourceState state =
        previous == null ? SourceStates.initial(source, "folder", 0) : SourceStates.copy(previous);
    Set<String> seen = new HashSet<>(SourceStates.seen(state));
    Set<String> seenPrefixes = new HashSet<>();
    for (String s : seen) {
      int cut = s.lastIndexOf('|');
      if (cut > 0) {
        seenPrefixes.add(s.substring(0, cut));
      }
    }
    List<RawDocument> docs = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(DropFolder::accepted).sorted().toList();
    }
    Path realDir = dir.toRealPath();
    for (Path f : files) {
      BasicFileAttributes attrs;
      try {
        // NOFOLLOW_LINKS: a symbolic link is reported as what it is, never as its target.
        attrs = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        continue;
      }
      if (attrs.isDirectory()) {
        continue;
      }
      if (!attrs.isRegularFile() || !realDir.equals(f.toRealPath().getParent())) {
        // Symbolic links (and devices, pipes) could disclose files outside the folder.
        String key = f.toAbsolutePath() + "|" + attrs.lastModifiedTime().toMillis() + "|refused";
        if (!seen.contains(key)) {
          LOG.warn(
              "Refused {} in drop folder {}: not a regular file",
              Redact.escape(f.getFileName().toString()),
              dir);
          dead.add(
              RawDocuments.deadLetter(
                  "ingest.folder",
                  attrs.isSymbolicLink() ? "symbolic_link" : "not_regular_file",
                  null,
                  new byte[0],
                  f.toUri().toString(),
                  source,
                  now,
                  Map.of()));
          taken.add(key);
        }
        continue;
      }
      String prefix =
          f.toAbsolutePath() + "|" + attrs.size() + "|" + attrs.lastModifiedTime().toMillis();
      if (seenPrefixes.contains(prefix)) {
        continue;
      }
      if (attrs.size() > maxBytes) {
        dead.add(
            RawDocuments.deadLetter(
                "ingest.folder",
                "file larger than " + maxBytes + " bytes",
                null,
                new byte[0],
                f.toUri().toString(),
                source,
                now,
                Map.of("size", String.valueOf(attrs.size()))));
        taken.add(prefix + "|toolarge");
        continue;
      }
      byte[] bytes;
      try {
        bytes = readNoFollow(f, attrs.size());
      } catch (IOException e) {
        LOG.warn(
            "Cannot read {} in drop folder {}: {}",
            Redact.escape(f.getFileName().toString()),
            dir,
            Redact.escape(e.getMessage()));
        continue;
      }
      if (bytes.length != attrs.size()) {
        // Still being written; take it on a later scan.
        continue;
      }
      String hash = Ids.sha256Hex(bytes);
      String key = prefix + "|" + hash;
      if (seen.contains(key)) {
        continue;
      }
      taken.add(key);
      try {
        docs.addAll(
            ArticleDocuments.parse(
                bytes, mimeType(f), null, source, f.toUri().toString(), Arrival.FILE, now));
      } catch (InvalidArticleException e) {
        LOG.warn(
            "Rejected {} from drop folder: {}",
            Redact.escape(f.getFileName().toString()),
            Redact.escape(e.getMessage()));
        dead.add(
            RawDocuments.deadLetter(
                "ingest.folder",
                e.getMessage(),
                e,
                bytes,
                f.toUri().toString(),
                source,
                now,
                Map.of()));
      }
    }
    SourceStates.addSeen(state, taken, maxSeen);
    if (!taken.isEmpty()) {
      SourceStates.increment(state, SourceStates.NEW_ITEMS, docs.size());
      SourceStates.increment(state, SourceStates.FAILURES, dead.size());
      state.setLastSuccessAt(now);
    }
    return new Scan(docs, dead, taken.isEmpty() ? null : state);
  }

  /** Reads a file without following a link swapped in since it was listed; at most max+1 bytes. */
  private static byte[] readNoFollow(Path f, long max) throws IOException {
    try (var ch = Files.newByteChannel(f, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        var in = java.nio.channels.Channels.newInputStream(ch)) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    }
  }

  private static boolean accepted(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !n.startsWith(".")
        && (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".txt") || n.endsWith(".json"));
  }

  private static String mimeType(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".json")) {
      return "application/json";
    }
    if (n.endsWith(".txt")) {
      return "text/plain";
    }
    return "text/html";
  }
}
