package io.newsdesk.sink;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.CorruptRecordException;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.DeadLetters;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Topics;
import io.newsdesk.sink.files.RollingFileWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * topic, appends them to the open files of {@link RollingFileWriter}, and commits the consumed
 * offsets together with the offset up to which the files are final. A crash aborts the transaction
 * and discards the open files; on restart the sink reads again from the first offset not in a final
 * file, sends to the topic only what the topic has not committed, and writes to the files only what
 * the final file names do not already cover: nothing lost, nothing twice.
 */
public final class ArticleSink implements Runnable, AutoCloseable {

  /** Time per article written to the files, in Newsdesk's per-stage timer. */
  private static final Timer WRITE_TIME =
      Timer.builder("newsdesk.stage")
          .description("Time per article in each pipeline stage")
          .tag("stage", "sink-write")
          .register(Metrics.globalRegistry);

  private static final Logger LOG = LoggerFactory.getLogger(ArticleSink.class);
  private static final AvroCodec<EnrichedArticle> CODEC = AvroCodec.of(EnrichedArticle.class);
  private static final String SAFE = "files-final-through=";

  private final SinkConfig config;
  private final SinkMetrics metrics = new SinkMetrics();
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final RollingFileWriter files;
  private final Map<Integer, Long> topicFrom = new HashMap<>();
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
    this.files =
        config.writeFiles()
            ? new RollingFileWriter(config.outDir(), "newsdesk", config.roll())
            : null;
  }

  public SinkMetrics metrics() {
    return metrics;
  }

  private void countFiles() {
    // Each roll publishes an .avro and a .jsonl file.
    metrics.files.set(2 * files.rolled());
    metrics.openFiles.set(2L * files.openFiles());
    metrics.fileBytes.set(files.rolledBytes() + files.openBytes());
  }

  @Override
  public void run() {
    try {
      producer.initTransactions();
      consumer.subscribe(List.of(Topics.ENRICHED.name()), new Handover());
      Map<TopicPartition, Long> committed = new HashMap<>();
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
        int rolled = files != null ? files.rollDue(System.currentTimeMillis()) : 0;
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
          positions.put(tp, consumer.position(tp));
        }
        boolean moved =
            positions.entrySet().stream()
                .anyMatch(e -> !e.getValue().equals(committed.get(e.getKey())));
        if (records.isEmpty() && !moved && rolled == 0) {
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
        if (files != null) {
          // Everything appended so far is committed (or will be replayed and skipped): publish it.
          files.close();
          countFiles();
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
  }

  private void commitBatch(
      ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> positions) {
    producer.beginTransaction();
    long now = System.currentTimeMillis();
    for (ConsumerRecord<String, byte[]> r : records) {
      // Below the committed offset a record is read again only to rebuild discarded open files.
      boolean replay = r.offset() < topicFrom.getOrDefault(r.partition(), 0L);
      if (!replay) {
        metrics.consumed.incrementAndGet();
      }
      EnrichedArticle article;
      try {
        article = CODEC.decode(r.value());
      } catch (CorruptRecordException e) {
        if (!replay) {
          deadLetter(r, e);
        }
        continue;
      }
      if (config.dropDuplicates() && article.getDuplicateOf() != null) {
        if (!replay) {
          metrics.duplicatesDropped.incrementAndGet();
        }
        continue;
      }
      if (!replay) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), r.key(), r.value()));
        metrics.toTopic.incrementAndGet();
      }
      if (files != null) {
        long t0 = System.nanoTime();
        if (files.append(r.partition(), r.offset(), r.timestamp(), article, now)) {
          metrics.toFiles.incrementAndGet();
          WRITE_TIME.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        } else {
          metrics.skippedOnDisk.incrementAndGet();
        }
      }
    }
    if (files != null) {
      files.flush();
      countFiles();
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    positions.forEach(
        (tp, pos) -> {
          long commit = Math.max(pos, topicFrom.getOrDefault(tp.partition(), 0L));
          String meta = files != null ? SAFE + files.safeOffset(tp.partition(), pos) : "";
          offsets.put(tp, new OffsetAndMetadata(commit, meta));
        });
    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
    producer.commitTransaction();
    metrics.transactions.incrementAndGet();
  }

  private void deadLetter(ConsumerRecord<String, byte[]> r, CorruptRecordException e) {
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
  }

  /** Takes partitions over: recovers their files and seeks back to the first offset not final. */
  private final class Handover implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (files != null) {
        files.rollPartitions(partitions.stream().map(TopicPartition::partition).toList());
      }
      partitions.forEach(tp -> topicFrom.remove(tp.partition()));
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      // Another member may own them now: what is open here is left for its recovery.
      partitions.forEach(tp -> topicFrom.remove(tp.partition()));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      LOG.info("sink assigned {}", partitions);
      Map<TopicPartition, OffsetAndMetadata> committed =
          consumer.committed(new HashSet<>(partitions));
      Set<Integer> ids = new HashSet<>();
      partitions.forEach(tp -> ids.add(tp.partition()));
      if (files != null) {
        files.recover(ids);
      }
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata c = committed.get(tp);
        long commit = c == null ? 0L : c.offset();
        topicFrom.put(tp.partition(), commit);
        long safe = c == null ? -1L : finalThrough(c);
        if (files != null && safe + 1 < commit) {
          LOG.info(
              "sink {} resumes at offset {} for the files (committed {}): open files were lost",
              tp,
              safe + 1,
              commit);
          consumer.seek(tp, safe + 1);
        }
      }
    }
  }

  private static long finalThrough(OffsetAndMetadata c) {
    String meta = c.metadata();
    if (meta != null && meta.startsWith(SAFE)) {
      try {
        return Long.parseLong(meta.substring(SAFE.length()));
      } catch (NumberFormatException e) {
        LOG.warn("unreadable sink offset metadata '{}'; trusting the committed offset", meta);
      }
    }
    return c.offset() - 1;
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
    if (c.groupInstanceId() != null) {
      // Static membership: a restarted sink takes its partitions back at once, no rebalance.
      p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, c.groupInstanceId());
    }
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
