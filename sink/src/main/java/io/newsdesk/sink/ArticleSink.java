package io.newsdesk.sink;

import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.CorruptRecordException;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.DeadLetters;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Topics;
import io.newsdesk.sink.files.DatedFileWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes enriched articles and, per poll, in one Kafka transaction: writes them to the sink
 * topic, writes and renames their files, and commits the consumed offsets. A crash anywhere aborts
 * the transaction; on restart the files' names say which offsets are already on disk, so nothing is
 * lost and nothing is written twice, in the topic or in the files.
 */
public final class ArticleSink implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleSink.class);
  private static final AvroCodec<EnrichedArticle> CODEC = AvroCodec.of(EnrichedArticle.class);

  private final SinkConfig config;
  private final SinkMetrics metrics = new SinkMetrics();
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final DatedFileWriter files;
  private final Map<Integer, Long> lastOnDisk = new ConcurrentHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;

  public ArticleSink(SinkConfig config) {
    this.config = config;
    this.consumer =
        new KafkaConsumer<>(
            consumerProps(config), new StringDeserializer(), new ByteArrayDeserializer());
    this.producer =
        new KafkaProducer<>(
            producerProps(config), new StringSerializer(), new ByteArraySerializer());
    this.files = config.writeFiles() ? new DatedFileWriter(config.outDir(), "newsdesk") : null;
  }

  public SinkMetrics metrics() {
    return metrics;
  }

  @Override
  public void run() {
    try {
      producer.initTransactions();
      consumer.subscribe(
          List.of(Topics.ENRICHED.name()),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              if (files != null) {
                java.util.Set<Integer> assigned = new java.util.HashSet<>();
                partitions.forEach(tp -> assigned.add(tp.partition()));
                assigned.forEach(lastOnDisk::remove);
                lastOnDisk.putAll(files.recover(assigned));
              }
            }
          });
      Map<TopicPartition, Long> committed = new HashMap<>();
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
          positions.put(tp, consumer.position(tp));
        }
        boolean moved =
            positions.entrySet().stream()
                .anyMatch(e -> !e.getValue().equals(committed.get(e.getKey())));
        if (records.isEmpty() && !moved) {
          continue;
        }
        commitBatch(records, positions);
        committed.putAll(positions);
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      try {
        consumer.close(Duration.ofSeconds(5));
      } finally {
        producer.close(Duration.ofSeconds(5));
        stopped.countDown();
      }
    }
  }

  private void commitBatch(
      ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> positions) {
    producer.beginTransaction();
    Map<Integer, List<DatedFileWriter.Entry>> toFiles = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      metrics.consumed.incrementAndGet();
      EnrichedArticle article;
      try {
        article = CODEC.decode(r.value());
      } catch (CorruptRecordException e) {
        DeadLetter dl =
            DeadLetters.of("sink.decode", e.getMessage(), e, r.value(), System.currentTimeMillis())
                .setTopic(r.topic())
                .setPartition(r.partition())
                .setOffset(r.offset())
                .setKey(r.key())
                .build();
        producer.send(
            new ProducerRecord<>(
                Topics.DEAD_LETTERS.name(), r.key(), AvroCodec.of(DeadLetter.class).encode(dl)));
        metrics.deadLetters.incrementAndGet();
        continue;
      }
      if (config.dropDuplicates() && article.getDuplicateOf() != null) {
        metrics.duplicatesDropped.incrementAndGet();
        continue;
      }
      producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), r.key(), r.value()));
      metrics.toTopic.incrementAndGet();
      if (files != null) {
        long onDisk = lastOnDisk.getOrDefault(r.partition(), -1L);
        if (r.offset() <= onDisk) {
          metrics.skippedOnDisk.incrementAndGet();
        } else {
          toFiles
              .computeIfAbsent(r.partition(), p -> new ArrayList<>())
              .add(new DatedFileWriter.Entry(r.offset(), article));
        }
      }
    }
    for (Map.Entry<Integer, List<DatedFileWriter.Entry>> e : toFiles.entrySet()) {
      DatedFileWriter.Written w = files.write(e.getKey(), e.getValue());
      List<DatedFileWriter.Entry> batch = e.getValue();
      lastOnDisk.put(e.getKey(), batch.get(batch.size() - 1).offset());
      metrics.toFiles.addAndGet(w.records());
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    positions.forEach((tp, pos) -> offsets.put(tp, new OffsetAndMetadata(pos)));
    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
    producer.commitTransaction();
    metrics.transactions.incrementAndGet();
  }

  /** Stops the loop after the current batch and waits for it to close. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Properties consumerProps(SinkConfig c) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, c.groupId());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, c.maxBatchRecords());
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    return p;
  }

  private static Properties producerProps(SinkConfig c) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, c.transactionalId());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return p;
  }
}
