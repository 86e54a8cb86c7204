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
import java.util.Comparator;
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
 *
 * <p>One scan takes a bounded batch, oldest files first (modification time, then name): at most
 * {@code batchFiles} files and about {@code batchBytes} bytes read, so that a folder of thousands
 * of files is never held in memory at once (it was: 6,000 pages of 170 KB ran the heap out). The
 * scan says whether files were left for the next one.
 */
public final class DropFolder {
  private static final Logger LOG = LoggerFactory.getLogger(DropFolder.class);

  /**
   * What one scan found: documents, dead letters and the updated state (null when nothing was
   * taken); {@code more} when the batch bound left files to take for the next scan.
   */
  public record Scan(
      List<RawDocument> documents, List<DeadLetter> deadLetters, SourceState state, boolean more) {}

  /** A listed file and its attributes as listed (a symbolic link's own, never its target's). */
  private record Listed(Path path, BasicFileAttributes attrs) {}

  private static final Comparator<Listed> OLDEST_FIRST =
      Comparator.comparing((Listed l) -> l.attrs().lastModifiedTime()).thenComparing(Listed::path);

  private final Path dir;
  private final String source;
  private final long maxBytes;
  private final int maxSeen;
  private final int batchFiles;
  private final long batchBytes;

  /**
   * @param maxBytes larger files become dead letters unread
   * @param maxSeen file versions remembered in the source state
   * @param batchFiles files taken by one scan at most (published or dead-lettered)
   * @param batchBytes bytes read by one scan at most, unless its first file alone is larger
   */
  public DropFolder(Path dir, long maxBytes, int maxSeen, int batchFiles, long batchBytes) {
    if (batchFiles <= 0 || batchBytes <= 0) {
      throw new IllegalArgumentException("a drop folder batch needs room for a file");
    }
    this.dir = dir.toAbsolutePath().normalize();
    this.source = sourceName(this.dir);
    this.maxBytes = maxBytes;
    this.maxSeen = maxSeen;
    this.batchFiles = batchFiles;
    this.batchBytes = batchBytes;
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
   * Finds files not taken before, oldest first, up to the batch bound. Nothing is marked taken
   * until the caller publishes the returned state together with the documents.
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
    List<Listed> files = list();
    Path realDir = dir.toRealPath();
    long bytesRead = 0;
    boolean more = false;
    for (Listed listed : files) {
      Path f = listed.path();
      BasicFileAttributes attrs = listed.attrs();
      if (!attrs.isRegularFile() || !realDir.equals(f.toRealPath().getParent())) {
        // Symbolic links (and devices, pipes) could disclose files outside the folder.
        String key = f.toAbsolutePath() + "|" + attrs.lastModifiedTime().toMillis() + "|refused";
        if (!seen.contains(key)) {
          if (taken.size() >= batchFiles) {
            more = true;
            break;
          }
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
      boolean tooLarge = attrs.size() > maxBytes;
      if (taken.size() >= batchFiles
          || (!tooLarge && bytesRead > 0 && bytesRead + attrs.size() > batchBytes)) {
        // The batch is full: this file and the ones after it are for the next scan.
        more = true;
        break;
      }
      if (tooLarge) {
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
      bytesRead += bytes.length;
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
      } catch (InvalidArticleException | RuntimeException e) {
        // A file the parser rejects, or fails on (a bug met by this input), is a dead letter
        // with its reason: retrying it would fail the same way at every scan and hold up the
        // files after it.
        String reason =
            e instanceof InvalidArticleException
                ? e.getMessage()
                : "parse_error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn(
            "Rejected {} from drop folder: {}",
            Redact.escape(f.getFileName().toString()),
            Redact.escape(reason));
        dead.add(
            RawDocuments.deadLetter(
                "ingest.folder", reason, e, bytes, f.toUri().toString(), source, now, Map.of()));
      }
    }
    SourceStates.addSeen(state, taken, maxSeen);
    if (!taken.isEmpty()) {
      SourceStates.increment(state, SourceStates.NEW_ITEMS, docs.size());
      SourceStates.increment(state, SourceStates.FAILURES, dead.size());
      state.setLastSuccessAt(now);
    }
    return new Scan(docs, dead, taken.isEmpty() ? null : state, more);
  }

  /** The folder's accepted files (not directories) with their attributes, oldest first. */
  private List<Listed> list() throws IOException {
    List<Path> paths;
    try (Stream<Path> s = Files.list(dir)) {
      paths = s.filter(DropFolder::accepted).toList();
    }
    List<Listed> files = new ArrayList<>(paths.size());
    for (Path f : paths) {
      try {
        // NOFOLLOW_LINKS: a symbolic link is reported as what it is, never as its target.
        BasicFileAttributes attrs =
            Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isDirectory()) {
          files.add(new Listed(f, attrs));
        }
      } catch (IOException e) {
        // Gone since listed.
      }
    }
    files.sort(OLDEST_FIRST);
    return files;
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
