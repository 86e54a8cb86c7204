package io.newsdesk.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.SourceState;
import io.newsdesk.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SourceStateRoundTripTest {

  private static SourceState sample(String source, String etag) {
    SourceState s = SourceStates.initial(source, "feed", 900_000);
    s.setEtag(etag);
    s.setConsecutiveFailures(2);
    s.setLastError("HTTP 503");
    SourceStates.addSeen(s, List.of("id:1", "https://x.example/1"), 10);
    SourceStates.increment(s, SourceStates.FETCHED, 3);
    return s;
  }

  @Test
  void stateSurvivesAvroEncoding() {
    SourceState s = sample("https://x.example/feed", "\"e1\"");
    AvroCodec<SourceState> codec = AvroCodec.of(SourceState.class);
    SourceState back = codec.decode(codec.encode(s));
    assertThat(back).isEqualTo(s);
    assertThat(SourceStates.seen(back)).containsExactly("id:1", "https://x.example/1");
    assertThat(SourceStates.counter(back, SourceStates.FETCHED)).isEqualTo(3);
  }

  @Test
  void seenListIsBoundedNewestLast() {
    SourceState s = SourceStates.initial("f", "feed", 1);
    SourceStates.addSeen(s, List.of("a", "b", "c"), 2);
    SourceStates.addSeen(s, List.of("b"), 2);
    assertThat(s.getSeen()).containsExactly("c", "b");
  }

  @Test
  void loadsTheLatestStatePerSourceFromTheCompactedTopic() {
    String topic = Topics.INGEST_STATE.name();
    TopicPartition tp = new TopicPartition(topic, 0);
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.updatePartitions(
        topic, List.of(new PartitionInfo(topic, 0, Node.noNode(), new Node[0], new Node[0])));
    consumer.updateBeginningOffsets(Map.of(tp, 0L));
    consumer.updateEndOffsets(Map.of(tp, 3L));
    var ser = Topics.INGEST_STATE.valueSerde().serializer();
    consumer.schedulePollTask(
        () -> {
          consumer.addRecord(record(tp, 0, "a", ser.serialize(topic, sample("a", "old"))));
          consumer.addRecord(record(tp, 1, "b", ser.serialize(topic, sample("b", "b1"))));
          consumer.addRecord(record(tp, 2, "a", ser.serialize(topic, sample("a", "new"))));
        });
    Map<String, SourceState> states = KafkaSourceStateStore.load(consumer, Duration.ofSeconds(5));
    assertThat(states).containsOnlyKeys("a", "b");
    assertThat(states.get("a").getEtag()).isEqualTo("new");
  }

  private static ConsumerRecord<byte[], byte[]> record(
      TopicPartition tp, long offset, String key, byte[] value) {
    return new ConsumerRecord<>(
        tp.topic(), tp.partition(), offset, key.getBytes(StandardCharsets.UTF_8), value);
  }
}
