package io.newsdesk.sink.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatedFileWriterTest {

  private static final long JAN_11_2024 = 1_704_931_200_000L + 3_600_000L;
  private static final long JAN_12_2024 = JAN_11_2024 + 86_400_000L;

  @TempDir Path out;

  @Test
  void filesEachArticleUnderItsPublishedDayAsAvroAndJsonLines() throws Exception {
    DatedFileWriter writer = new DatedFileWriter(out, "newsdesk");
    writer.write(
        0,
        List.of(
            new DatedFileWriter.Entry(0, article("a", JAN_11_2024)),
            new DatedFileWriter.Entry(1, article("b", JAN_12_2024)),
            new DatedFileWriter.Entry(2, article("c", JAN_11_2024))));

    Path day11 = out.resolve("date=2024-01-11");
    assertThat(Files.readAllLines(day11.resolve("newsdesk-0-0-2-1of2.jsonl")))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("{\"article\":{\"id\":"));
    try (DataFileReader<EnrichedArticle> r =
        new DataFileReader<>(
            day11.resolve("newsdesk-0-0-2-1of2.avro").toFile(),
            new SpecificDatumReader<>(EnrichedArticle.class))) {
      assertThat(r.next().getArticle().getId()).isEqualTo("a");
      assertThat(r.next().getArticle().getId()).isEqualTo("c");
      assertThat(r.hasNext()).isFalse();
    }
    assertThat(out.resolve("date=2024-01-12/newsdesk-0-0-2-2of2.jsonl")).exists();
  }

  @Test
  void recoversTheLastOffsetOnDiskPerPartition() {
    DatedFileWriter writer = new DatedFileWriter(out, "newsdesk");
    writer.write(
        0,
        List.of(
            new DatedFileWriter.Entry(0, article("a", JAN_11_2024)),
            new DatedFileWriter.Entry(1, article("b", JAN_11_2024))));
    writer.write(0, List.of(new DatedFileWriter.Entry(2, article("c", JAN_12_2024))));
    writer.write(1, List.of(new DatedFileWriter.Entry(7, article("d", JAN_11_2024))));

    assertThat(writer.recover(Set.of(0, 1))).isEqualTo(Map.of(0, 2L, 1, 7L));
    assertThat(writer.recover(Set.of(1))).isEqualTo(Map.of(1, 7L));
  }

  @Test
  void deletesTemporaryFilesAndIncompleteBatchesLeftByACrash() throws Exception {
    DatedFileWriter writer = new DatedFileWriter(out, "newsdesk");
    writer.write(0, List.of(new DatedFileWriter.Entry(0, article("a", JAN_11_2024))));
    writer.write(
        0,
        List.of(
            new DatedFileWriter.Entry(1, article("b", JAN_11_2024)),
            new DatedFileWriter.Entry(2, article("c", JAN_12_2024))));
    // As if the crash came after renaming the first day's files but before the second day's.
    Path lost = out.resolve("date=2024-01-12/newsdesk-0-1-2-2of2.jsonl");
    Files.move(lost, lost.resolveSibling(lost.getFileName() + ".tmp"));

    assertThat(writer.recover(Set.of(0))).isEqualTo(Map.of(0, 0L));
    try (Stream<Path> left = Files.walk(out)) {
      assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("newsdesk-0-0-0-1of1.avro", "newsdesk-0-0-0-1of1.jsonl");
    }
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
