package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdesk.app.Newsdesk;
import io.newsdesk.app.kafka.EmbeddedKafka;
import io.newsdesk.app.kafka.TopicProvisioner;
import io.newsdesk.enrich.EnrichApp;
import io.newsdesk.enrich.EnrichConfig;
import io.newsdesk.enrich.StoryFixtures;
import io.newsdesk.enrich.TestComponents;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near-duplicate and story state survive a restart of enrich on a real broker: a copy that arrives
 * after the restart is still flagged against, and joins the story of, an article seen before it.
 */
class StoriesRestartIT {

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
  void aCopyArrivingAfterARestartIsANearDuplicateInTheSameStory() {
    String bootstrap = kafka.bootstrapServers();
    EnrichConfig config = EnrichConfig.defaults(bootstrap, dir.resolve("streams"));
    Map<String, EnrichedArticle> seen = new HashMap<>();
    try (KafkaConsumer<String, EnrichedArticle> consumer = consumer(bootstrap)) {
      produce(bootstrap, "wire", StoryFixtures.wire());
      try (EnrichApp enrich =
          EnrichApp.start(TestComponents.create(), config, Duration.ofSeconds(60))) {
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> read(consumer, seen) && seen.size() == 1);
      }

      produce(bootstrap, "copy", StoryFixtures.syndicated());
      try (EnrichApp enrich =
          EnrichApp.start(TestComponents.create(), config, Duration.ofSeconds(60))) {
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> read(consumer, seen) && seen.size() == 2);
      }
    }
    EnrichedArticle copy = seen.get("copy");
    assertThat(copy.getDuplicateOf()).isEqualTo("wire");
    assertThat(copy.getDuplicateKind()).isEqualTo("near");
    assertThat(copy.getStoryId()).isEqualTo("wire");
    assertThat(seen.get("wire").getStoryId()).isEqualTo("wire");

    // The trends of both runs are readable from the topic; the copy is not counted twice.
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit =
          Newsdesk.commandLine()
              .execute("trends", "--bootstrap-servers", bootstrap, "--window", "1d", "--top", "5");
    } finally {
      System.setOut(stdout);
    }
    String board = printed.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(board).contains("top entities, 1d window").containsPattern("Baghdad\\s+MISC\\s+1 ");
  }

  private static boolean read(
      KafkaConsumer<String, EnrichedArticle> consumer, Map<String, EnrichedArticle> seen) {
    consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.put(r.key(), r.value()));
    return true;
  }

  private static KafkaConsumer<String, EnrichedArticle> consumer(String bootstrap) {
    KafkaConsumer<String, EnrichedArticle> c =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "stories-restart-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            Topics.ENRICHED.keySerde().deserializer(),
            Topics.ENRICHED.valueSerde().deserializer());
    c.subscribe(List.of(Topics.ENRICHED.name()));
    return c;
  }

  private static void produce(String bootstrap, String id, String body) {
    AvroCodec<RawDocument> codec = AvroCodec.of(RawDocument.class);
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "enable.idempotence", true),
            new StringSerializer(),
            new ByteArraySerializer())) {
      RawDocument raw =
          RawDocument.newBuilder()
              .setId(id)
              .setSource("it")
              .setUrl("https://" + id + ".example/story")
              .setCanonicalUrl("https://" + id + ".example/story")
              .setFetchedAt(System.currentTimeMillis())
              .setArrival(Arrival.PUSH)
              .setContentType("text/plain")
              .setCharset("UTF-8")
              .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
              .build();
      p.send(new ProducerRecord<>(Topics.RAW.name(), id, codec.encode(raw)));
      p.flush();
    }
  }
}
