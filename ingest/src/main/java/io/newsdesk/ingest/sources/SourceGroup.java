package io.newsdesk.ingest.sources;

import io.newsdesk.ingest.IngestService;
import io.newsdesk.schema.Source;
import io.newsdesk.schema.SourceState;
import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This ingest instance's share of {@code newsdesk.sources}: a member of the consumer group {@value
 * #GROUP_ID}. On assignment it reads its partitions from the start, takes over the stored state of
 * their sources and watches them; each later record adds, changes or (tombstone, disabled) removes
 * a source at once; on revocation it stops their polls and waits for polls in flight to commit
 * before the partitions move on. When an instance dies, the group gives its partitions to the
 * others after the session timeout.
 */
public final class SourceGroup implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SourceGroup.class);

  /** The consumer group of ingest instances. */
  public static final String GROUP_ID = "newsdesk-ingest";

  private static final String TOPIC = Topics.SOURCES.name();
  private static final Duration HANDOVER = Duration.ofSeconds(30);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final IngestService service;
  private final Supplier<Map<String, SourceState>> storedState;
  private final Map<Integer, Map<String, Source>> owned = new HashMap<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile io.newsdesk.ingest.publish.KafkaDocumentSink.Fence fence;

  /**
   * A member of the group, not yet started.
   *
   * @param clientProps bootstrap.servers and any client settings
   * @param sessionTimeout how long until a dead instance's sources move to the others
   * @param service a started ingest service that polls what this member is given
   * @param storedState reads every source's committed state (the ingest-state topic)
   */
  public SourceGroup(
      Properties clientProps,
      Duration sessionTimeout,
      IngestService service,
      Supplier<Map<String, SourceState>> storedState) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(sessionTimeout.toMillis()));
    p.put(
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
        String.valueOf(Math.max(500, sessionTimeout.toMillis() / 4)));
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsdesk-ingest-sources-" + UUID.randomUUID());
    this.consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.service = service;
    this.storedState = storedState;
    this.thread = new Thread(this::run, "newsdesk-ingest-sources");
    thread.setDaemon(true);
  }

  /** Joins the group and starts following the catalog. */
  public SourceGroup start() {
    thread.start();
    return this;
  }

  /** The sources this member polls now, by id (a copy). */
  public synchronized Map<String, Source> owned() {
    Map<String, Source> out = new HashMap<>();
    owned.values().forEach(out::putAll);
    return out;
  }

  /**
   * The group generation this member is in, with its positions on the sources topic, for the
   * transactions of its polls (null before the first assignment).
   */
  public io.newsdesk.ingest.publish.KafkaDocumentSink.Fence fence() {
    return fence;
  }

  private void updateFence() {
    Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets =
        new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      offsets.put(
          tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(consumer.position(tp)));
    }
    fence =
        offsets.isEmpty()
            ? null
            : new io.newsdesk.ingest.publish.KafkaDocumentSink.Fence(
                offsets, consumer.groupMetadata());
  }

  private void run() {
    try {
      consumer.subscribe(List.of(TOPIC), new Listener());
      while (!closed) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          apply(r);
        }
        updateFence();
      }
    } catch (WakeupException e) {
      if (!closed) {
        LOG.error("Sources consumer woken up unexpectedly", e);
      }
    } catch (RuntimeException e) {
      LOG.error("Sources consumer failed; this instance stops taking sources", e);
    } finally {
      try {
        consumer.close(Duration.ofSeconds(10));
      } catch (RuntimeException e) {
        LOG.warn("Closing the sources consumer failed", e);
      }
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> r) {
    Map<String, Source> mine;
    synchronized (this) {
      mine = owned.computeIfAbsent(r.partition(), k -> new HashMap<>());
    }
    String id = Topics.SOURCES.keySerde().deserializer().deserialize(TOPIC, r.key());
    Source before;
    Source after;
    synchronized (this) {
      before = mine.get(id);
      SourceCatalog.apply(mine, r);
      after = mine.get(id);
    }
    if (before != null && (after == null || !before.getUrl().equals(after.getUrl()))) {
      service.unwatch(before.getUrl());
      LOG.info("Source {} ({}) removed", id, before.getUrl());
    }
    if (after != null) {
      if (after.getEnabled()) {
        service.watch(
            after.getUrl(),
            after.getKind(),
            after.getMinIntervalMs() == null ? null : Duration.ofMillis(after.getMinIntervalMs()),
            after.getMaxIntervalMs() == null ? null : Duration.ofMillis(after.getMaxIntervalMs()));
        if (before == null) {
          LOG.info("Watching {} {} ({})", after.getKind(), after.getUrl(), id);
        }
      } else {
        service.unwatch(after.getUrl());
      }
    }
  }

  private final class Listener implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      // Sources that come from another instance resume from what it committed last.
      service.adoptStates(storedState.get());
      consumer.seekToBeginning(partitions);
      updateFence();
      LOG.info("Ingest took partitions {} of {}", partitions, TOPIC);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // Polls finishing now commit in the generation that revokes these partitions.
      updateFence();
      List<String> urls = drop(partitions);
      try {
        if (!service.awaitIdle(urls, HANDOVER)) {
          LOG.warn("Polls of revoked sources still running after {}", HANDOVER);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!partitions.isEmpty()) {
        LOG.info("Ingest gave up partitions {} of {}", partitions, TOPIC);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      drop(partitions);
      LOG.warn("Ingest lost partitions {} of {}", partitions, TOPIC);
    }

    private List<String> drop(Collection<TopicPartition> partitions) {
      List<String> urls = new ArrayList<>();
      synchronized (SourceGroup.this) {
        for (TopicPartition tp : partitions) {
          Map<String, Source> gone = owned.remove(tp.partition());
          if (gone != null) {
            gone.values().forEach(s -> urls.add(s.getUrl()));
          }
        }
      }
      urls.forEach(service::unwatch);
      return urls;
    }
  }

  /** Leaves the group (its partitions move to the other instances at once). */
  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
