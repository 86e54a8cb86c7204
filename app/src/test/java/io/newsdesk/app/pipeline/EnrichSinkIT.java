package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdesk.app.kafka.EmbeddedKafka;
import io.newsdesk.app.kafka.TopicProvisioner;
import io.newsdesk.enrich.EnrichApp;
import io.newsdesk.enrich.EnrichConfig;
import io.newsdesk.enrich.TestComponents;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Topics;
import io.newsdesk.sink.ArticleSink;
import io.newsdesk.sink.SinkConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrich and sink against a real broker: every document reaches topic and files exactly once. */
class EnrichSinkIT {

  @TempDir static Path dir;
  static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicProvisioner.ensureTopics(admin, 2, Duration.ofSeconds(30));
    }
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @Test
  void everyDocumentReachesTheSinkTopicAndFilesOnceAcrossASinkRestart() throws Exception {
    String bootstrap = kafka.bootstrapServers();
    RunReport.Marks marks = RunReport.mark(bootstrap);
    int n = 200;
    produce(bootstrap, 0, n / 2);
    Path out = dir.resolve("out");
    SinkConfig sinkConfig = SinkConfig.defaults(bootstrap, out);
    try (EnrichApp enrich =
        EnrichApp.start(
            TestComponents.create(),
            EnrichConfig.defaults(bootstrap, dir.resolve("streams")),
            Duration.ofSeconds(60))) {
      ArticleSink sink = new ArticleSink(sinkConfig);
      Thread t = new Thread(sink, "sink-1");
      t.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> sink.metrics().toFiles() > 0);
      sink.close();
      produce(bootstrap, n / 2, n);
      ArticleSink again = new ArticleSink(sinkConfig);
      Thread t2 = new Thread(again, "sink-2");
      t2.start();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        assertThat(
                new PipelineDrain(admin, EnrichConfig.DEFAULT_APPLICATION_ID, sinkConfig.groupId())
                    .await(Duration.ofSeconds(90)))
            .as("pipeline drained")
            .isTrue();
      }
      again.close();
    }

    RunReport report = RunReport.since(bootstrap, marks);
    assertThat(report.documentsIn).isEqualTo(n + 2);
    assertThat(report.articlesOut).isEqualTo(n + 1);
    assertThat(report.deadLettersByStage).containsEntry("enrich.extract", 1L);
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f)) {
          ids.add(
              line.substring(
                  line.indexOf("\"id\":\"") + 6,
                  line.indexOf("\"", line.indexOf("\"id\":\"") + 6)));
        }
      }
    }
    Set<String> distinct = new HashSet<>(ids);
    assertThat(ids).hasSize(n + 1);
    assertThat(distinct).hasSize(n + 1);
  }

  private static void produce(String bootstrap, int from, int to) {
    AvroCodec<RawDocument> codec = AvroCodec.of(RawDocument.class);
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "enable.idempotence",
                true,
                "max.request.size",
                16 << 20),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = from; i < to; i++) {
        String id = "doc-" + i;
        String body =
            "Story number " + i + "\nReport " + i + " from Baghdad about talks with Washington.";
        p.send(new ProducerRecord<>(Topics.RAW.name(), id, codec.encode(raw(id, body))));
      }
      if (from == 0) {
        p.send(new ProducerRecord<>(Topics.RAW.name(), "empty", codec.encode(raw("empty", "  "))));
        // A long document (about 3 MB) must pass every topic, internal ones included.
        String big = "Long report\n" + "Baghdad and Washington resumed talks. ".repeat(80_000);
        p.send(new ProducerRecord<>(Topics.RAW.name(), "big", codec.encode(raw("big", big))));
      }
      p.flush();
    }
  }

  private static RawDocument raw(String id, String body) {
    return RawDocument.newBuilder()
        .setId(id)
        .setSource("it")
        .setUrl("https://it.example/" + id)
        .setFetchedAt(System.currentTimeMillis())
        .setArrival(Arrival.PUSH)
        .setContentType("text/plain")
        .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
        .build();
  }
}
