package io.newsdesk.ingest.publish;

import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.SourceState;
import io.newsdesk.schema.Topics;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each batch in one Kafka transaction (idempotent producer), so documents and the source
 * state that records them are committed together.
 */
public final class KafkaDocumentSink implements DocumentSink {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaDocumentSink.class);

  /** Largest serialized record sent by default: the producer's max.request.size below. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

  private static final int KEPT_BYTES_OF_OVERSIZED = 64 * 1024;

  /**
   * A consumer group generation to commit with: the offsets this instance has read of the sources
   * topic and its group metadata. A transaction carrying them commits only while this instance is
   * still the group's member of that generation, so an instance the group gave up on (a zombie)
   * cannot publish what its successor publishes too.
   */
  public record Fence(
      java.util.Map<
              org.apache.kafka.common.TopicPartition,
              org.apache.kafka.clients.consumer.OffsetAndMetadata>
          offsets,
      org.apache.kafka.clients.consumer.ConsumerGroupMetadata group) {}

  private Producer<byte[], byte[]> producer;
  private final int maxRecordBytes;
  private boolean fatal;
  private boolean fencedByTwin;
  private java.util.function.Supplier<Producer<byte[], byte[]>> factory;
  private volatile java.util.function.Supplier<Fence> fencing;

  /**
   * A sink on a new transactional producer.
   *
   * @param props client properties; must hold bootstrap.servers
   * @param transactionalId stable per ingest process, so a restarted process fences its zombie
   */
  public static KafkaDocumentSink create(Properties props, String transactionalId) {
    Properties p = new Properties();
    p.putAll(props);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
        transactionalId != null ? transactionalId : "newsdesk-ingest-" + UUID.randomUUID());
    // lz4: raw pages average ~170 KB; zstd packs them tighter but costs the producer, the broker
    // (which decompresses to validate) and every consumer several times lz4's CPU per page.
    p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(DEFAULT_MAX_RECORD_BYTES));
    int max = Integer.parseInt(p.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG).toString());
    java.util.function.Supplier<Producer<byte[], byte[]>> factory =
        () -> {
          KafkaProducer<byte[], byte[]> producer =
              new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
          producer.initTransactions();
          return producer;
        };
    KafkaDocumentSink sink = new KafkaDocumentSink(factory.get(), max - 1024);
    sink.factory = factory;
    return sink;
  }

  /** A sink on an existing producer whose transactions are already initialised (tests). */
  public KafkaDocumentSink(Producer<byte[], byte[]> producer) {
    this(producer, DEFAULT_MAX_RECORD_BYTES - 1024);
  }

  /**
   * A sink that turns documents larger than {@code maxRecordBytes} serialized into dead letters, so
   * one oversized page cannot block its source's transaction forever.
   */
  public KafkaDocumentSink(Producer<byte[], byte[]> producer, int maxRecordBytes) {
    this.producer = producer;
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * From now on, every batch with a source's state commits with the group generation {@code fence}
   * answers (null: none yet), as Kafka's consumer-group fencing of transactions asks.
   */
  public void fenceWith(java.util.function.Supplier<Fence> fence) {
    this.fencing = fence;
  }

  @Override
  public synchronized void publish(Batch batch) throws PublishException {
    if (batch.isEmpty()) {
      return;
    }
    if (fatal) {
      if (fencedByTwin || factory == null) {
        throw new PublishException("producer was fenced or failed fatally; restart ingest", null);
      }
      // A producer in an error state it cannot abort (e.g. its transaction timed out on a slow
      // cluster): start a new one under the same transactional id, which aborts what was open.
      try {
        producer.close(java.time.Duration.ofSeconds(5));
      } catch (KafkaException closeFailed) {
        LOG.debug("Closing the failed producer failed", closeFailed);
      }
      try {
        producer = factory.get();
        fatal = false;
        LOG.warn("Kafka producer replaced after a fatal error; publishing again");
      } catch (KafkaException e) {
        throw new PublishException("cannot replace the failed producer: " + e.getMessage(), e);
      }
    }
    try {
      producer.beginTransaction();
      for (RawDocument d : batch.documents()) {
        ProducerRecord<byte[], byte[]> r = record(Topics.RAW, d.getId(), d);
        if (r.value().length > maxRecordBytes) {
          LOG.warn(
              "Document {} from {} is {} bytes serialized, over {}; dead-lettered",
              d.getUrl(),
              d.getSource(),
              r.value().length,
              maxRecordBytes);
          producer.send(record(Topics.DEAD_LETTERS, d.getUrl(), oversized(d, r.value().length)));
        } else {
          producer.send(r);
        }
      }
      for (DeadLetter d : batch.deadLetters()) {
        String key = d.getUrl() != null ? d.getUrl().toString() : d.getStage().toString();
        producer.send(record(Topics.DEAD_LETTERS, key, d));
      }
      SourceState s = batch.state();
      if (s != null) {
        producer.send(record(Topics.INGEST_STATE, s.getSource().toString(), s));
        java.util.function.Supplier<Fence> f = fencing;
        Fence fence = f == null || "folder".equals(s.getKind()) ? null : f.get();
        if (fence != null && !fence.offsets().isEmpty()) {
          producer.sendOffsetsToTransaction(fence.offsets(), fence.group());
        }
      }
      producer.commitTransaction();
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      fatal = true;
      // Fenced by another process under the same transactional id: replacing would fence it back.
      fencedByTwin = e instanceof ProducerFencedException || e instanceof AuthorizationException;
      LOG.error("Kafka producer failed fatally; no more batches will be published", e);
      throw new PublishException("fatal producer error: " + e.getMessage(), e);
    } catch (KafkaException e) {
      try {
        producer.abortTransaction();
      } catch (KafkaException abortFailed) {
        fatal = true;
        LOG.error("Could not abort Kafka transaction", abortFailed);
      }
      throw new PublishException("transaction aborted: " + e.getMessage(), e);
    }
  }

  private DeadLetter oversized(RawDocument d, int size) {
    byte[] body = new byte[Math.min(d.getBody().remaining(), KEPT_BYTES_OF_OVERSIZED)];
    d.getBody().duplicate().get(body);
    return DeadLetter.newBuilder()
        .setStage("ingest.publish")
        .setReason(
            "document larger than "
                + maxRecordBytes
                + " bytes serialized ("
                + size
                + "); first "
                + body.length
                + " bytes of the body kept")
        .setOriginalBytes(java.nio.ByteBuffer.wrap(body))
        .setUrl(d.getUrl())
        .setSource(d.getSource())
        .setTopic(Topics.RAW.name())
        .setKey(d.getId())
        .setOccurredAt(System.currentTimeMillis())
        .setAttributes(new java.util.HashMap<>(java.util.Map.of("size", String.valueOf(size))))
        .build();
  }

  private static <V> ProducerRecord<byte[], byte[]> record(
      Topics.Topic<String, V> topic, String key, V value) {
    return new ProducerRecord<>(
        topic.name(),
        topic.keySerde().serializer().serialize(topic.name(), key),
        topic.valueSerde().serializer().serialize(topic.name(), value));
  }

  @Override
  public synchronized void close() {
    producer.close();
  }
}
