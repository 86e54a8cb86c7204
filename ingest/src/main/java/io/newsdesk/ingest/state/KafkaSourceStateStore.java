package io.newsdesk.ingest.state;

import io.newsdesk.schema.SourceState;
import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads every source's state by reading the compacted state topic to its end (committed). */
public final class KafkaSourceStateStore {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceStateStore.class);

  private KafkaSourceStateStore() {}

  /** Reads {@code newsdesk.ingest-state} with read_committed isolation and no group. */
  public static Map<String, SourceState> load(Properties props, Duration timeout) {
    Properties p = new Properties();
    p.putAll(props);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsdesk-ingest-state-" + UUID.randomUUID());
    try (Consumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      return load(c, timeout);
    }
  }

  /** Reads the state topic with a given consumer (assigns all partitions, seeks to start). */
  public static Map<String, SourceState> load(Consumer<byte[], byte[]> c, Duration timeout) {
    String topic = Topics.INGEST_STATE.name();
    List<PartitionInfo> infos = c.partitionsFor(topic, timeout);
    Map<String, SourceState> out = new HashMap<>();
    if (infos == null || infos.isEmpty()) {
      LOG.warn("State topic {} has no partitions; starting without state", topic);
      return out;
    }
    List<TopicPartition> parts =
        infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    c.assign(parts);
    c.seekToBeginning(parts);
    // With read_committed, end offsets are the last stable offsets: everything committed.
    Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    var deser = Topics.INGEST_STATE.valueSerde().deserializer();
    while (!reachedEnd(c, end)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out reading " + topic + " to its end after " + timeout.toMillis() + " ms");
      }
      for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
        String key = Topics.INGEST_STATE.keySerde().deserializer().deserialize(topic, r.key());
        if (r.value() == null) {
          out.remove(key);
        } else {
          out.put(key, deser.deserialize(topic, r.value()));
        }
      }
    }
    LOG.info("Loaded state of {} sources from {}", out.size(), topic);
    return out;
  }

  private static boolean reachedEnd(Consumer<byte[], byte[]> c, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (c.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
