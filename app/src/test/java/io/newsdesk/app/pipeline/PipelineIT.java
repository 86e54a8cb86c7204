package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.app.demo.DemoRun;
import io.newsdesk.app.demo.DemoSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's sources through ingest, enrich and sink on a real broker. */
class PipelineIT {

  @TempDir static Path dir;
  static KafkaEnvironment kafka;
  static DemoRun.Result result;

  @BeforeAll
  static void runDemo() throws Exception {
    kafka = DemoRun.embedded(dir);
    result = DemoRun.run(kafka, dir, Duration.ofMinutes(3));
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void everyDocumentIngestedBecomesAnArticleOrADeadLetter() {
    RunReport r = result.report();
    long enrichDeadLetters =
        r.deadLettersByStage.entrySet().stream()
            .filter(e -> e.getKey().startsWith("enrich"))
            .mapToLong(e -> e.getValue())
            .sum();
    assertThat(result.pushesAccepted()).isEqualTo(DemoSite.PUSHES.size());
    assertThat(r.documentsIn).isEqualTo(result.ingest().documents() + result.pushesAccepted());
    assertThat(r.articlesOut + enrichDeadLetters).isEqualTo(r.documentsIn);
    assertThat(r.articlesOut).isGreaterThanOrEqualTo(9);
    // The check that makes `newsdesk demo` fail when this does not hold passes too.
    assertThat(r.unaccounted(-1)).isEmpty();
  }

  @Test
  void everyArticleIsInTheSinkTopicAndTheFilesExactlyOnce() throws Exception {
    List<String> topicIds = result.report().articleIds;
    assertThat(topicIds).doesNotHaveDuplicates();

    List<String> jsonlIds = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f)) {
          JsonNode node = json.readTree(line);
          jsonlIds.add(node.path("article").path("id").asText());
        }
      }
    }
    assertThat(jsonlIds).containsExactlyInAnyOrderElementsOf(topicIds);
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".avro"))).isNotEmpty();
    }
  }

  @Test
  void aMalformedFeedLandsInTheDeadLettersAndTheOthersGoOn() {
    assertThat(result.report().deadLettersByStage).containsKey("ingest.feed");
    assertThat(result.report().deadLetterSamples)
        .anySatisfy(s -> assertThat(s).startsWith("ingest.feed").contains("broken.xml"));
  }

  @Test
  void aWireCopyOfAnotherArticleIsFlaggedAsItsDuplicate() {
    assertThat(result.report().duplicates).isGreaterThanOrEqualTo(1);
  }
}
