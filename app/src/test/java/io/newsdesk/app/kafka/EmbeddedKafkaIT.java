package io.newsdesk.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

  @TempDir Path dataDir;

  @Test
  void keepsTopicsAndRecordsAcrossARestart() throws Exception {
    String topic = Topics.DEAD_LETTERS.name();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        TopicProvisioner.ensureTopics(admin, 2, Duration.ofSeconds(30));
        assertThat(admin.listTopics().names().get())
            .containsAll(Topics.all().stream().map(Topics.Topic::name).toList());
      }
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", kafka.bootstrapServers(), "enable.idempotence", true),
              new StringSerializer(),
              new StringSerializer())) {
        for (int i = 0; i < 10; i++) {
          producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
        }
      }
    }
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
      assertThat(readAll(kafka.bootstrapServers(), topic, 10)).hasSize(10);
    }
  }

  private static List<String> readAll(String bootstrap, String topic, int expected) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("group.id", "embedded-kafka-it");
    p.put("auto.offset.reset", "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      while (values.size() < expected && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
