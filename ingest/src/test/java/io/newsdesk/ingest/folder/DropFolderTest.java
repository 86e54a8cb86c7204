package io.newsdesk.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.IngestService;
import io.newsdesk.ingest.TestConfigs;
import io.newsdesk.ingest.publish.DocumentSink;
import io.newsdesk.ingest.testing.RecordingSink;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.RawDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTest {
  @TempDir Path dir;
  private final RecordingSink sink = new RecordingSink();

  private IngestService service() {
    return IngestService.builder(TestConfigs.fast(), sink)
        .watchDir(dir)
        .initialState(sink.states())
        .build();
  }

  /** A service whose drop-folder polls take at most {@code files} files and {@code bytes}. */
  private IngestService bounded(DocumentSink to, int files, long bytes) {
    return IngestService.builder(
            TestConfigs.fast().toBuilder().folderBatch(files, bytes).build(), to)
        .watchDir(dir)
        .initialState(sink.states())
        .build();
  }

  /**
   * Drops {@code n} copies of the ingest fixture page, each made distinct by its number, written
   * newest-named first: file {@code page-000} is the newest, so that name order and age differ.
   */
  private List<Path> dropPages(int n) throws Exception {
    String page =
        new String(
            getClass().getResourceAsStream("/feeds/not-a-feed.html").readAllBytes(),
            StandardCharsets.UTF_8);
    List<Path> oldestFirst = new ArrayList<>();
    Instant t0 = Instant.now().minusSeconds(3600);
    for (int i = n - 1; i >= 0; i--) {
      Path f = dir.resolve(String.format("page-%03d.html", i));
      Files.writeString(f, page.replace("not a feed.", "not a feed. Copy " + i + "."));
      Files.setLastModifiedTime(f, FileTime.from(t0.plusSeconds(n - i)));
      oldestFirst.add(f);
    }
    return oldestFirst;
  }

  @Test
  void aFolderOfManyFilesIsTakenInBoundedPollsOldestFirstEachFileOnce() throws Exception {
    List<Path> oldestFirst = dropPages(25);
    List<Integer> batchSizes = new ArrayList<>();
    DocumentSink counting =
        batch -> {
          batchSizes.add(batch.documents().size() + batch.deadLetters().size());
          sink.publish(batch);
        };
    try (IngestService s = bounded(counting, 4, 1L << 30)) {
      assertThat(s.runOnce().documents()).isEqualTo(25);
      assertThat(s.runOnce().documents()).isZero();
    }
    assertThat(batchSizes).containsExactly(4, 4, 4, 4, 4, 4, 1);
    assertThat(sink.documents())
        .extracting(RawDocument::getUrl)
        .containsExactlyElementsOf(oldestFirst.stream().map(p -> p.toUri().toString()).toList());
    assertThat(sink.deadLetters()).isEmpty();
  }

  @Test
  void aPollReadsAboutItsByteBoundButAtLeastOneFile() throws Exception {
    List<Path> files = dropPages(9);
    long size = Files.size(files.get(0));
    List<Integer> batchSizes = new ArrayList<>();
    DocumentSink counting =
        batch -> {
          batchSizes.add(batch.documents().size());
          sink.publish(batch);
        };
    // Room for two files and a half: two a poll. Then a bound below one file: one a poll.
    try (IngestService s = bounded(counting, 100, size * 5 / 2)) {
      assertThat(s.runOnce().documents()).isEqualTo(9);
    }
    assertThat(batchSizes).containsExactly(2, 2, 2, 2, 1);
    Files.writeString(dir.resolve("late-1.txt"), "A late article, one.");
    Files.writeString(dir.resolve("late-2.txt"), "A late article, two.");
    batchSizes.clear();
    try (IngestService s = bounded(counting, 100, 1)) {
      assertThat(s.runOnce().documents()).isEqualTo(2);
    }
    assertThat(batchSizes).containsExactly(1, 1);
    assertThat(sink.documents())
        .hasSize(11)
        .extracting(RawDocument::getUrl)
        .doesNotHaveDuplicates();
  }

  @Test
  void aCrashBetweenBoundedPollsLosesAndRepeatsNoFile() throws Exception {
    List<Path> files = dropPages(10);
    sink.failPublish = 3;
    try (IngestService s = bounded(sink, 3, 1L << 30)) {
      assertThat(s.runOnce().failedSources()).isEqualTo(1);
    }
    // The first two polls were committed with their state; the third was not.
    assertThat(sink.documents()).hasSize(6);
    try (IngestService restarted = bounded(sink, 3, 1L << 30)) {
      assertThat(restarted.runOnce().documents()).isEqualTo(4);
    }
    assertThat(sink.documents())
        .extracting(RawDocument::getUrl)
        .containsExactlyElementsOf(files.stream().map(p -> p.toUri().toString()).toList());
  }

  @Test
  void aFileOverTheSizeLimitIsADeadLetterInItsBatch() throws Exception {
    dropPages(3);
    Files.writeString(dir.resolve("huge.txt"), "x".repeat(5000));
    IngestConfig config =
        TestConfigs.fast().toBuilder().maxBodyBytes(4000).folderBatch(2, 1L << 30).build();
    try (IngestService s =
        IngestService.builder(config, sink).watchDir(dir).initialState(sink.states()).build()) {
      assertThat(s.runOnce().documents()).isEqualTo(3);
      s.runOnce();
    }
    assertThat(sink.deadLetters())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getReason()).isEqualTo("file larger than 4000 bytes");
              assertThat(d.getUrl()).endsWith("huge.txt");
            });
  }

  @Test
  void anErrorInAOneShotPollStopsTheRunWithItsCauseInsteadOfReportingNothingNew() throws Exception {
    dropPages(2);
    DocumentSink exhausted =
        batch -> {
          throw new OutOfMemoryError("simulated: Java heap space");
        };
    try (IngestService s = bounded(exhausted, 100, 1L << 30)) {
      assertThatThrownBy(s::runOnce)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ingest stopped")
          .hasMessageContaining("Java heap space")
          .hasRootCauseInstanceOf(OutOfMemoryError.class);
    }
    // Nothing was marked taken: a rerun takes both files.
    try (IngestService s = service()) {
      assertThat(s.runOnce().documents()).isEqualTo(2);
    }
  }

  @Test
  void takesEachFileExactlyOnceAcrossRestarts() throws Exception {
    Files.writeString(dir.resolve("a.html"), "<p>A</p>");
    Files.writeString(dir.resolve("b.txt"), "B text");
    Files.writeString(
        dir.resolve("c.json"),
        "{\"title\":\"C\",\"text\":\"C text\",\"url\":\"https://c.example/1\"}");
    Files.writeString(dir.resolve("ignored.pdf"), "%PDF");
    try (IngestService s = service()) {
      assertThat(s.runOnce().documents()).isEqualTo(3);
      assertThat(s.runOnce().documents()).isZero();
    }
    try (IngestService restarted = service()) {
      assertThat(restarted.runOnce().documents()).isZero();
    }
    RawDocument a =
        sink.documents().stream()
            .filter(d -> d.getUrl().endsWith("a.html"))
            .findFirst()
            .orElseThrow();
    assertThat(a.getArrival()).isEqualTo(Arrival.FILE);
    assertThat(a.getUrl())
        .isEqualTo(dir.resolve("a.html").toUri().toString())
        .startsWith("file:///");
    assertThat(a.getContentType()).isEqualTo("text/html");
    assertThat(a.getSource()).isEqualTo(DropFolder.sourceName(dir));
    assertThat(sink.documents())
        .filteredOn(d -> "C".equals(d.getItem().getTitle()))
        .singleElement()
        .satisfies(d -> assertThat(d.getUrl()).isEqualTo("https://c.example/1"));
  }

  @Test
  void aSymbolicLinkIsRefusedWithADeadLetterAndItsTargetNeverRead(@TempDir Path outside)
      throws Exception {
    Path secret = outside.resolve("passwd");
    Files.writeString(secret, "root:x:0:0:secret line\n");
    try {
      Files.createSymbolicLink(dir.resolve("passwd.txt"), secret);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
    }
    Files.writeString(dir.resolve("real.txt"), "A real dropped article.");
    try (IngestService s = service()) {
      assertThat(s.runOnce().documents()).isEqualTo(1);
      // Refused once, not at every scan.
      s.runOnce();
    }
    assertThat(sink.documents())
        .singleElement()
        .satisfies(d -> assertThat(d.getUrl()).endsWith("real.txt"));
    assertThat(sink.deadLetters())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getReason()).isEqualTo("symbolic_link");
              assertThat(d.getUrl()).endsWith("passwd.txt");
              assertThat(d.getOriginalBytes().remaining()).isZero();
            });
    assertThat(sink.documents())
        .noneSatisfy(
            d ->
                assertThat(StandardCharsets.UTF_8.decode(d.getBody().duplicate()).toString())
                    .contains("secret line"));
  }

  @Test
  void aChangedFileIsTakenAgain() throws Exception {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "first");
    try (IngestService s = service()) {
      s.runOnce();
      Files.writeString(f, "second version");
      Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
      assertThat(s.runOnce().documents()).isEqualTo(1);
    }
    assertThat(new String(sink.documents().get(1).getBody().array(), StandardCharsets.UTF_8))
        .isEqualTo("second version");
  }

  @Test
  void anInvalidJsonFileBecomesADeadLetterOnce() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{\"title\":\"no text\"}");
    try (IngestService s = service()) {
      s.runOnce();
      s.runOnce();
    }
    assertThat(sink.deadLetters()).hasSize(1);
    assertThat(sink.deadLetters().get(0).getStage()).isEqualTo("ingest.folder");
  }
}
