package io.newsdesk.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.ingest.IngestService;
import io.newsdesk.ingest.TestConfigs;
import io.newsdesk.ingest.testing.RecordingSink;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.RawDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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
