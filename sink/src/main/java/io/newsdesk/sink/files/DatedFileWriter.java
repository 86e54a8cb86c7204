package io.newsdesk.sink.files;

import io.newsdesk.schema.AvroJson;
import io.newsdesk.schema.EnrichedArticle;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
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
import java.util.List;
import java.util.Map;
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
 * Writes batches of one topic partition as {@code date=YYYY-MM-DD/<prefix>-<partition>-<first>-
 * <last>-<k>of<n>.{avro,jsonl}}: temporary files are written and fsynced, then renamed. The names
 * say which offsets are on disk, so after a crash {@link #recover} tells the sink where the files
 * end, and replayed records are never written twice.
 */
public final class DatedFileWriter {

  private static final Logger LOG = LoggerFactory.getLogger(DatedFileWriter.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final Pattern NAME =
      Pattern.compile("(.+)-(\\d+)-(\\d+)-(\\d+)-(\\d+)of(\\d+)\\.(avro|jsonl)");
  private static final String TMP = ".tmp";

  private final Path root;
  private final String prefix;

  public DatedFileWriter(Path root, String prefix) {
    this.root = root;
    this.prefix = prefix;
  }

  /** One record and its offset. */
  public record Entry(long offset, EnrichedArticle article) {}

  /** What a batch put on disk. */
  public record Written(List<Path> files, int records) {}

  /** The day an article is filed under: its published date, else the fetch date (UTC). */
  public static String dayOf(EnrichedArticle a) {
    Long published = a.getArticle().getPublished();
    long millis = published != null ? published : a.getArticle().getFetchedAt();
    return DAY.format(Instant.ofEpochMilli(millis));
  }

  /** Writes one batch of one partition, durably: returns once the files are renamed in place. */
  public Written write(int partition, List<Entry> batch) {
    if (batch.isEmpty()) {
      return new Written(List.of(), 0);
    }
    long first = batch.get(0).offset();
    long last = batch.get(batch.size() - 1).offset();
    Map<String, List<EnrichedArticle>> byDay = new TreeMap<>();
    for (Entry e : batch) {
      byDay.computeIfAbsent(dayOf(e.article()), d -> new ArrayList<>()).add(e.article());
    }
    int n = byDay.size();
    int k = 0;
    List<Path[]> renames = new ArrayList<>();
    try {
      for (Map.Entry<String, List<EnrichedArticle>> day : byDay.entrySet()) {
        k++;
        Path dir = root.resolve("date=" + day.getKey());
        Files.createDirectories(dir);
        String base = String.format("%s-%d-%d-%d-%dof%d", prefix, partition, first, last, k, n);
        Path avro = dir.resolve(base + ".avro");
        Path jsonl = dir.resolve(base + ".jsonl");
        writeAvro(tmp(avro), day.getValue());
        writeJsonl(tmp(jsonl), day.getValue());
        renames.add(new Path[] {tmp(avro), avro});
        renames.add(new Path[] {tmp(jsonl), jsonl});
      }
      List<Path> done = new ArrayList<>();
      for (Path[] r : renames) {
        Files.move(r[0], r[1], StandardCopyOption.ATOMIC_MOVE);
        done.add(r[1]);
      }
      for (String day : byDay.keySet()) {
        fsyncDirectory(root.resolve("date=" + day));
      }
      return new Written(done, batch.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sink files under " + root, e);
    }
  }

  /**
   * Cleans up the given partitions' files after a crash and returns, per partition, the last offset
   * that is completely on disk. Temporary files and batches missing some of their files are
   * deleted: their offsets were never committed, so they come again.
   */
  public Map<Integer, Long> recover(java.util.Set<Integer> partitions) {
    Map<Integer, Long> lastOnDisk = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return lastOnDisk;
    }
    Map<String, List<Path>> batches = new TreeMap<>();
    Map<String, Integer> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root, 2)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        boolean tmp = name.endsWith(TMP);
        Matcher m = NAME.matcher(tmp ? name.substring(0, name.length() - TMP.length()) : name);
        if (!Files.isRegularFile(p)
            || !m.matches()
            || !m.group(1).equals(prefix)
            || !partitions.contains(Integer.parseInt(m.group(2)))) {
          continue;
        }
        if (tmp) {
          Files.deleteIfExists(p);
          continue;
        }
        String batch = m.group(2) + "-" + m.group(3) + "-" + m.group(4);
        batches.computeIfAbsent(batch, b -> new ArrayList<>()).add(p);
        expected.put(batch, Integer.parseInt(m.group(6)) * 2);
      }
      for (Map.Entry<String, List<Path>> b : batches.entrySet()) {
        String[] parts = b.getKey().split("-");
        int partition = Integer.parseInt(parts[0]);
        long last = Long.parseLong(parts[2]);
        if (b.getValue().size() < expected.get(b.getKey())) {
          LOG.warn(
              "sink batch {} is incomplete after a crash; deleting it to write it again",
              b.getKey());
          for (Path p : b.getValue()) {
            Files.deleteIfExists(p);
          }
          continue;
        }
        lastOnDisk.merge(partition, last, Math::max);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan sink files under " + root, e);
    }
    return lastOnDisk;
  }

  private static Path tmp(Path p) {
    return p.resolveSibling(p.getFileName() + TMP);
  }

  private static void writeAvro(Path file, List<EnrichedArticle> articles) throws IOException {
    try (FileOutputStream out = new FileOutputStream(file.toFile());
        DataFileWriter<EnrichedArticle> writer =
            new DataFileWriter<>(new SpecificDatumWriter<>(EnrichedArticle.class))) {
      writer.setCodec(CodecFactory.deflateCodec(6));
      writer.create(EnrichedArticle.getClassSchema(), out);
      for (EnrichedArticle a : articles) {
        writer.append(a);
      }
      writer.flush();
      out.getFD().sync();
    }
  }

  private static void writeJsonl(Path file, List<EnrichedArticle> articles) throws IOException {
    try (FileOutputStream fos = new FileOutputStream(file.toFile());
        BufferedWriter w =
            new BufferedWriter(new OutputStreamWriter(fos, StandardCharsets.UTF_8))) {
      for (EnrichedArticle a : articles) {
        w.write(AvroJson.toJsonLine(a));
        w.write('\n');
      }
      w.flush();
      fos.getFD().sync();
    }
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the renames are still atomic.
      LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }
}
