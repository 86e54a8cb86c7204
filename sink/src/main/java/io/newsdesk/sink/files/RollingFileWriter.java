package io.newsdesk.sink.files;

import io.newsdesk.schema.AvroJson;
import io.newsdesk.schema.EnrichedArticle;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one open file pair per (topic partition, date partition) across batches and rolls it, like
 * the Kafka Connect S3/HDFS sinks, into {@code date=YYYY-MM-DD/<prefix>-<partition>-<first>-<last>
 * .{avro,jsonl}}, where first and last are the Kafka offsets of the first and last record inside.
 *
 * <p>Open files are hidden ({@code .<prefix>-<partition>-<first>.jsonl.inprogress}); a roll fsyncs
 * them and renames them in place. A crash discards what was open ({@link #recover}); the final
 * names then say, per topic and date partition, up to which offset records are on disk, so records
 * replayed from Kafka are written again only where they are missing: never twice, never lost.
 */
public final class RollingFileWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RollingFileWriter.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final String IN_PROGRESS = ".inprogress";

  private final Path root;
  private final String prefix;
  private final RollPolicy policy;
  private final Pattern finalName;
  private final Pattern openName;
  private final Map<Integer, Map<String, OpenFile>> open = new HashMap<>();
  private final Map<Integer, Map<String, Long>> lastFinal = new HashMap<>();
  private long rolled;
  private long rolledBytes;

  public RollingFileWriter(Path root, String prefix, RollPolicy policy) {
    this.root = root;
    this.prefix = prefix;
    this.policy = policy;
    this.finalName =
        Pattern.compile(Pattern.quote(prefix) + "-(\\d+)-(\\d+)-(\\d+)\\.(avro|jsonl)");
    this.openName =
        Pattern.compile("\\." + Pattern.quote(prefix) + "-(\\d+)-\\d+\\.(avro|jsonl)\\.inprogress");
  }

  /** The day an article is filed under: its published date, else the fetch date (UTC). */
  public static String dayOf(EnrichedArticle a) {
    Long published = a.getArticle().getPublished();
    long millis = published != null ? published : a.getArticle().getFetchedAt();
    return DAY.format(Instant.ofEpochMilli(millis));
  }

  /** The final file name of a roll (without extension). */
  public static String finalBase(String prefix, int partition, long first, long last) {
    return String.format("%s-%d-%010d-%010d", prefix, partition, first, last);
  }

  /**
   * Takes over the given topic partitions after a start, crash or rebalance: forgets and deletes
   * their open files (their records come again from Kafka), deletes half-published rolls, and reads
   * from the final names, per date partition, the last offset on disk.
   */
  public void recover(Set<Integer> partitions) {
    for (int p : partitions) {
      abandon(p);
      lastFinal.remove(p);
    }
    if (!Files.isDirectory(root)) {
      return;
    }
    // A roll renames .avro then .jsonl: a lone file is a roll cut short by a crash.
    Map<String, List<Path>> rolls = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root, 2)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!Files.isRegularFile(f)) {
          continue;
        }
        String name = f.getFileName().toString();
        Matcher o = openName.matcher(name);
        if (o.matches() && partitions.contains(Integer.parseInt(o.group(1)))) {
          Files.deleteIfExists(f);
          continue;
        }
        Matcher m = finalName.matcher(name);
        if (m.matches() && partitions.contains(Integer.parseInt(m.group(1)))) {
          String key = f.getParent().getFileName() + "/" + name.substring(0, name.lastIndexOf('.'));
          rolls.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
      }
      for (Map.Entry<String, List<Path>> roll : rolls.entrySet()) {
        if (roll.getValue().size() < 2) {
          LOG.warn("sink file {} lost its pair in a crash; deleting it to write it again", roll);
          for (Path f : roll.getValue()) {
            Files.deleteIfExists(f);
          }
          continue;
        }
        Path f = roll.getValue().get(0);
        Matcher m = finalName.matcher(f.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        String dir = f.getParent().getFileName().toString();
        String day = dir.startsWith("date=") ? dir.substring("date=".length()) : dir;
        lastFinal
            .computeIfAbsent(Integer.parseInt(m.group(1)), k -> new HashMap<>())
            .merge(day, Long.parseLong(m.group(3)), Math::max);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan sink files under " + root, e);
    }
  }

  /** Whether the record at this offset of this partition is already in a final file. */
  public boolean onDisk(int partition, String day, long offset) {
    Long last = lastFinal.getOrDefault(partition, Map.of()).get(day);
    return last != null && offset <= last;
  }

  /**
   * Appends one record to its open file, rolling first when the record's time falls in a later
   * window, and after when the file is full. Returns false when the record is already on disk.
   */
  public boolean append(
      int partition, long offset, long recordTime, EnrichedArticle article, long now) {
    String day = dayOf(article);
    if (onDisk(partition, day, offset)) {
      return false;
    }
    Map<String, OpenFile> files = open.computeIfAbsent(partition, k -> new TreeMap<>());
    OpenFile f = files.get(day);
    if (f != null && policy.window(recordTime) > f.recordWindow) {
      roll(f);
      f = null;
    }
    if (f == null) {
      f = OpenFile.create(root, prefix, partition, day, offset, policy, recordTime, now);
      files.put(day, f);
    }
    f.append(offset, article);
    if (f.records >= policy.maxRecords() || f.bytes >= policy.maxBytes()) {
      roll(f);
    }
    return true;
  }

  /** Rolls every open file whose wall-clock window has passed; returns how many were rolled. */
  public int rollDue(long now) {
    List<OpenFile> due = new ArrayList<>();
    open.values()
        .forEach(
            m ->
                m.values().stream()
                    .filter(f -> f.wallWindow < policy.window(now))
                    .forEach(due::add));
    due.forEach(this::roll);
    return due.size();
  }

  /** Rolls every open file of these partitions (before they are handed over, or on close). */
  public void rollPartitions(Collection<Integer> partitions) {
    for (int p : partitions) {
      new ArrayList<>(open.getOrDefault(p, Map.of()).values()).forEach(this::roll);
    }
  }

  /**
   * The offset up to which this partition's consumed records are all in final files (or were left
   * out): just before the oldest open file, or just before {@code position} when none is open. A
   * restart reads again from the offset after it.
   */
  public long safeOffset(int partition, long position) {
    return open.getOrDefault(partition, Map.of()).values().stream()
        .mapToLong(f -> f.first - 1)
        .min()
        .orElse(position - 1);
  }

  /** Pushes buffered lines of the open files to the OS (no fsync: open files are not durable). */
  public void flush() {
    for (Map<String, OpenFile> m : open.values()) {
      for (OpenFile f : m.values()) {
        f.flush();
      }
    }
  }

  /** Files rolled since start. */
  public long rolled() {
    return rolled;
  }

  /** Bytes of the files rolled since start (JSON lines and Avro). */
  public long rolledBytes() {
    return rolledBytes;
  }

  /** Bytes on disk of the open files (as flushed so far). */
  public long openBytes() {
    long sum = 0;
    for (Map<String, OpenFile> m : open.values()) {
      for (OpenFile f : m.values()) {
        for (Path p : List.of(f.jsonlTmp, f.avroTmp)) {
          try {
            sum += Files.size(p);
          } catch (IOException e) {
            // a file being rolled right now: counted with the rolled bytes instead
          }
        }
      }
    }
    return sum;
  }

  /** Open files right now. */
  public int openFiles() {
    return open.values().stream().mapToInt(Map::size).sum();
  }

  /** Rolls everything still open. */
  @Override
  public void close() {
    rollPartitions(new ArrayList<>(open.keySet()));
  }

  private void abandon(int partition) {
    Map<String, OpenFile> files = open.remove(partition);
    if (files != null) {
      files.values().forEach(OpenFile::discard);
    }
  }

  private void roll(OpenFile f) {
    try {
      f.closeDurably();
      Path dir = f.jsonlTmp.getParent();
      String base = finalBase(prefix, f.partition, f.first, f.last);
      Files.move(f.avroTmp, dir.resolve(base + ".avro"), StandardCopyOption.ATOMIC_MOVE);
      Files.move(f.jsonlTmp, dir.resolve(base + ".jsonl"), StandardCopyOption.ATOMIC_MOVE);
      fsyncDirectory(dir);
      rolledBytes +=
          Files.size(dir.resolve(base + ".avro")) + Files.size(dir.resolve(base + ".jsonl"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot roll sink file " + f.jsonlTmp, e);
    }
    open.get(f.partition).remove(f.day);
    lastFinal.computeIfAbsent(f.partition, k -> new HashMap<>()).merge(f.day, f.last, Math::max);
    rolled++;
    LOG.debug(
        "rolled {} records of partition {} offsets {}-{} into date={}",
        f.records,
        f.partition,
        f.first,
        f.last,
        f.day);
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the renames are still atomic.
      LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }

  /** One open file pair. */
  private static final class OpenFile {
    final int partition;
    final String day;
    final long first;
    final long recordWindow;
    final long wallWindow;
    final Path jsonlTmp;
    final Path avroTmp;
    final FileOutputStream jsonlOut;
    final BufferedOutputStream jsonl;
    final FileOutputStream avroOut;
    final DataFileWriter<EnrichedArticle> avro;
    long last;
    long records;
    long bytes;

    private OpenFile(
        int partition,
        String day,
        long first,
        long recordWindow,
        long wallWindow,
        Path jsonlTmp,
        Path avroTmp)
        throws IOException {
      this.partition = partition;
      this.day = day;
      this.first = first;
      this.last = first;
      this.recordWindow = recordWindow;
      this.wallWindow = wallWindow;
      this.jsonlTmp = jsonlTmp;
      this.avroTmp = avroTmp;
      this.jsonlOut = new FileOutputStream(jsonlTmp.toFile());
      this.jsonl = new BufferedOutputStream(jsonlOut, 1 << 16);
      this.avroOut = new FileOutputStream(avroTmp.toFile());
      this.avro = new DataFileWriter<>(new SpecificDatumWriter<>(EnrichedArticle.class));
      avro.setCodec(CodecFactory.deflateCodec(6));
      avro.create(EnrichedArticle.getClassSchema(), avroOut);
    }

    static OpenFile create(
        Path root,
        String prefix,
        int partition,
        String day,
        long first,
        RollPolicy policy,
        long recordTime,
        long now) {
      Path dir = root.resolve("date=" + day);
      String base = String.format(".%s-%d-%010d", prefix, partition, first);
      try {
        Files.createDirectories(dir);
        return new OpenFile(
            partition,
            day,
            first,
            policy.window(recordTime),
            policy.window(now),
            dir.resolve(base + ".jsonl" + IN_PROGRESS),
            dir.resolve(base + ".avro" + IN_PROGRESS));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open sink file under " + dir, e);
      }
    }

    void append(long offset, EnrichedArticle article) {
      // Encoded once, for the file and its size (a lone surrogate becomes '?' as in a Writer).
      byte[] line = AvroJson.toJsonLine(article).getBytes(StandardCharsets.UTF_8);
      try {
        jsonl.write(line);
        jsonl.write('\n');
        avro.append(article);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write sink file " + jsonlTmp, e);
      }
      last = offset;
      records++;
      bytes += line.length + 1;
    }

    void flush() {
      try {
        jsonl.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write sink file " + jsonlTmp, e);
      }
    }

    void closeDurably() throws IOException {
      jsonl.flush();
      jsonlOut.getFD().sync();
      jsonl.close();
      avro.flush();
      avroOut.getFD().sync();
      avro.close();
    }

    void discard() {
      try {
        jsonl.close();
        avro.close();
      } catch (IOException e) {
        LOG.debug("closing abandoned sink file {}: {}", jsonlTmp, e.toString());
      }
      try {
        Files.deleteIfExists(jsonlTmp);
        Files.deleteIfExists(avroTmp);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete abandoned sink file " + jsonlTmp, e);
      }
    }
  }
}
