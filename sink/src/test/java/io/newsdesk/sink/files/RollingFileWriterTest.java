package io.newsdesk.sink.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingFileWriterTest {

  private static final long JAN_11_2024 = 1_704_931_200_000L + 3_600_000L;
  private static final long JAN_12_2024 = JAN_11_2024 + 86_400_000L;
  private static final long NOW = 1_800_000_000_000L;
  private static final RollPolicy TEN_MINUTES =
      new RollPolicy(1_000, 1 << 20, Duration.ofMinutes(10));

  @TempDir Path out;

  @Test
  void keepsOneOpenFilePerDateAcrossBatchesAndRollsItIntoAnOffsetRangeName() throws Exception {
    RollingFileWriter writer = new RollingFileWriter(out, "newsdesk", TEN_MINUTES);
    writer.recover(Set.of(0));
    writer.append(0, 0, NOW, article("a", JAN_11_2024), NOW);
    writer.append(0, 1, NOW, article("b", JAN_12_2024), NOW);
    writer.flush();
    writer.append(0, 2, NOW, article("c", JAN_11_2024), NOW + 1_000);
    writer.flush();

    assertThat(finalFiles()).isEmpty();
    assertThat(writer.openFiles()).isEqualTo(2);
    writer.close();

    assertThat(finalFiles())
        .containsExactlyInAnyOrder(
            "date=2024-01-11/newsdesk-0-0000000000-0000000002.jsonl",
            "date=2024-01-11/newsdesk-0-0000000000-0000000002.avro",
            "date=2024-01-12/newsdesk-0-0000000001-0000000001.jsonl",
            "date=2024-01-12/newsdesk-0-0000000001-0000000001.avro");
    Path day = out.resolve("date=2024-01-11");
    assertThat(Files.readAllLines(day.resolve("newsdesk-0-0000000000-0000000002.jsonl")))
        .hasSize(2);
    try (DataFileReader<EnrichedArticle> r =
        new DataFileReader<>(
            day.resolve("newsdesk-0-0000000000-0000000002.avro").toFile(),
            new SpecificDatumReader<>(EnrichedArticle.class))) {
      List<String> ids = new ArrayList<>();
      r.forEach(a -> ids.add(a.getArticle().getId().toString()));
      assertThat(ids).containsExactly("a", "c");
    }
  }

  @Test
  void rollsOnRecordCountOnBytesAndWhenTheWallClockWindowPasses() {
    RollingFileWriter byCount =
        new RollingFileWriter(
            out.resolve("count"), "newsdesk", new RollPolicy(2, 1 << 20, Duration.ofMinutes(10)));
    for (int i = 0; i < 5; i++) {
      byCount.append(0, i, NOW, article("n" + i, JAN_11_2024), NOW);
    }
    assertThat(byCount.rolled()).isEqualTo(2);

    RollingFileWriter byBytes =
        new RollingFileWriter(
            out.resolve("bytes"), "newsdesk", new RollPolicy(1_000, 10, Duration.ofMinutes(10)));
    byBytes.append(0, 0, NOW, article("b", JAN_11_2024), NOW);
    assertThat(byBytes.rolled()).isEqualTo(1);

    RollingFileWriter byClock =
        new RollingFileWriter(out.resolve("clock"), "newsdesk", TEN_MINUTES);
    long windowStart = Math.floorDiv(NOW, 600_000L) * 600_000L;
    byClock.append(0, 0, windowStart, article("q", JAN_11_2024), windowStart);
    assertThat(byClock.rollDue(windowStart + 599_999)).isZero();
    assertThat(byClock.rollDue(windowStart + 600_000)).isEqualTo(1);
    assertThat(byClock.openFiles()).isZero();
  }

  @Test
  void aRecordFromALaterWindowRollsTheOpenFileFirst() {
    RollingFileWriter writer = new RollingFileWriter(out, "newsdesk", TEN_MINUTES);
    writer.append(0, 0, NOW, article("a", JAN_11_2024), NOW);
    writer.append(0, 1, NOW + 600_000, article("b", JAN_11_2024), NOW);
    assertThat(writer.rolled()).isEqualTo(1);
    assertThat(writer.safeOffset(0, 2)).isEqualTo(0);
  }

  @Test
  void afterACrashOpenFilesAreDiscardedAndReplayWritesOnlyWhatIsMissing() throws Exception {
    RollPolicy twoRecords = new RollPolicy(2, 1 << 20, Duration.ofMinutes(10));
    RollingFileWriter before = new RollingFileWriter(out, "newsdesk", twoRecords);
    before.append(0, 0, NOW, article("a", JAN_11_2024), NOW);
    before.append(0, 1, NOW, article("b", JAN_12_2024), NOW);
    // What the last transaction committed as final: nothing yet.
    long safe = before.safeOffset(0, 2);
    assertThat(safe).isEqualTo(-1);
    before.append(0, 2, NOW, article("c", JAN_11_2024), NOW); // Jan 11 rolls with a and c
    before.append(0, 3, NOW, article("d", JAN_11_2024), NOW); // then the process dies
    before.flush();

    RollingFileWriter after = new RollingFileWriter(out, "newsdesk", twoRecords);
    after.recover(Set.of(0));
    assertThat(inProgress()).isEmpty();
    String[] ids = {"a", "b", "c", "d"};
    long[] days = {JAN_11_2024, JAN_12_2024, JAN_11_2024, JAN_11_2024};
    List<Boolean> written = new ArrayList<>();
    for (int o = (int) safe + 1; o < 4; o++) {
      written.add(after.append(0, o, NOW, article(ids[o], days[o]), NOW));
    }
    after.close();

    assertThat(written).containsExactly(false, true, false, true);
    assertThat(allIds()).containsExactlyInAnyOrder("a", "b", "c", "d");
  }

  @Test
  void aRollCutShortBetweenItsTwoRenamesIsDeletedAndWrittenAgain() throws Exception {
    RollingFileWriter before = new RollingFileWriter(out, "newsdesk", TEN_MINUTES);
    before.append(0, 0, NOW, article("a", JAN_11_2024), NOW);
    before.close();
    Files.delete(out.resolve("date=2024-01-11/newsdesk-0-0000000000-0000000000.jsonl"));

    RollingFileWriter after = new RollingFileWriter(out, "newsdesk", TEN_MINUTES);
    after.recover(Set.of(0));
    assertThat(finalFiles()).isEmpty();
    assertThat(after.onDisk(0, "2024-01-11", 0)).isFalse();
    assertThat(after.append(0, 0, NOW, article("a", JAN_11_2024), NOW)).isTrue();
  }

  @Test
  void recoveryLeavesOtherPartitionsAlone() throws Exception {
    RollingFileWriter writer = new RollingFileWriter(out, "newsdesk", TEN_MINUTES);
    writer.append(1, 0, NOW, article("x", JAN_11_2024), NOW);
    writer.flush();
    new RollingFileWriter(out, "newsdesk", TEN_MINUTES).recover(Set.of(0));
    assertThat(inProgress()).hasSize(2);
  }

  private List<String> finalFiles() throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile)
          .map(p -> out.relativize(p).toString())
          .filter(n -> !n.endsWith(".inprogress"))
          .toList();
    }
  }

  private List<Path> inProgress() throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(p -> p.toString().endsWith(".inprogress")).toList();
    }
  }

  private List<String> allIds() throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f)) {
          int i = line.indexOf("\"id\":\"") + 6;
          ids.add(line.substring(i, line.indexOf('"', i)));
        }
      }
    }
    return ids;
  }

  @Test
  void writesEachArticleAsOneUtf8JsonLineWithLoneSurrogatesAsQuestionMarks() throws Exception {
    RollingFileWriter writer = new RollingFileWriter(out, "newsdesk", TEN_MINUTES);
    writer.recover(Set.of(0));
    EnrichedArticle a = article("a", JAN_11_2024);
    a.getArticle().setText("Caf\u00e9 \u65e5\u672c \ud83d\udcf0 lone \ud800 end");
    writer.append(0, 0, NOW, a, NOW);
    writer.close();

    byte[] file =
        Files.readAllBytes(
            out.resolve("date=2024-01-11").resolve("newsdesk-0-0000000000-0000000000.jsonl"));
    String expected = io.newsdesk.schema.AvroJson.toJsonLine(a) + "\n";
    java.io.ByteArrayOutputStream viaWriter = new java.io.ByteArrayOutputStream();
    try (java.io.Writer w =
        new java.io.OutputStreamWriter(viaWriter, java.nio.charset.StandardCharsets.UTF_8)) {
      w.write(expected);
    }
    assertThat(file).isEqualTo(viaWriter.toByteArray());
    assertThat(new String(file, java.nio.charset.StandardCharsets.UTF_8))
        .contains("Caf\u00e9 \u65e5\u672c \ud83d\udcf0 lone ? end");
  }

  static EnrichedArticle article(String id, long published) {
    return EnrichedArticle.newBuilder()
        .setArticle(
            Article.newBuilder()
                .setId(id)
                .setUrl("https://example.org/" + id)
                .setSource("test")
                .setArrival(Arrival.PAGE)
                .setFetchedAt(published)
                .setPublished(published)
                .setText("Text of " + id)
                .setExtractor("test")
                .build())
        .setEnrichedAt(published)
        .build();
  }
}
