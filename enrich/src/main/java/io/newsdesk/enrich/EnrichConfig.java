package io.newsdesk.enrich;

import io.newsdesk.enrich.dedup.NearDuplicateConfig;
import io.newsdesk.enrich.stories.StoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the enrich Streams application, with defaults in one place and validated on
 * construction (the offending key is named).
 */
public record EnrichConfig(
    String bootstrapServers,
    String applicationId,
    Path stateDir,
    int threads,
    Duration commitInterval,
    Duration duplicateRetention,
    NearDuplicateConfig nearDuplicates,
    StoryConfig stories,
    String applicationServer,
    int partitions) {

  public static final String DEFAULT_APPLICATION_ID = "newsdesk-enrich";

  /**
   * Under exactly_once_v2 every commit is a transaction: markers on every partition written,
   * offsets, a flush. 1 s instead of 200 ms: newsdesk bench (1,000 real pages) went from 39.9 to
   * 28.8 CPU ms per document (broker and client I/O 6.7 to 2.7, GC 14.2 to 10.7); a record waits up
   * to one interval per transactional hop (about six from raw to enriched).
   */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(1000);

  /** Record cache of the trend buckets and band tallies, shared by an instance's stream threads. */
  public static final long TREND_CACHE_BYTES = 16L * 1024 * 1024;

  public static final Duration DEFAULT_DUPLICATE_RETENTION = Duration.ofDays(7);

  /**
   * Partitions of the internal topics an article waits in for its near-duplicate and story answers
   * (and of everything after: the article store, trends): how many tasks share that work. The same
   * as the default {@code --partitions} of new topics. Fixed once the application has started: a
   * different number needs an application reset (the internal topics exist).
   */
  public static final int DEFAULT_PARTITIONS = 2;

  /** How long the broker lets a Streams transaction stay open before it aborts it. */
  public static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(60);

  public EnrichConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrap.servers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrap.servers must not be blank");
    }
    if (applicationId == null || applicationId.isBlank()) {
      throw new IllegalArgumentException("enrich.application.id must not be blank");
    }
    Objects.requireNonNull(stateDir, "enrich.state.dir");
    if (threads < 1) {
      throw new IllegalArgumentException("enrich.threads must be at least 1, was " + threads);
    }
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("enrich.commit.interval must be positive");
    }
    if (duplicateRetention.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("enrich.duplicate.retention must be at least 1 minute");
    }
    Objects.requireNonNull(nearDuplicates, "enrich.near");
    Objects.requireNonNull(stories, "enrich.story");
    if (partitions < 1) {
      throw new IllegalArgumentException("enrich.partitions must be at least 1, was " + partitions);
    }
    if (applicationServer != null && !applicationServer.matches("\\S+:\\d{1,5}")) {
      throw new IllegalArgumentException(
          "application.server must be HOST:PORT (this instance's HTTP address), was "
              + applicationServer);
    }
  }

  /** The same settings with {@code n} stream threads. */
  public EnrichConfig withThreads(int n) {
    return new EnrichConfig(
        bootstrapServers,
        applicationId,
        stateDir,
        n,
        commitInterval,
        duplicateRetention,
        nearDuplicates,
        stories,
        applicationServer,
        partitions);
  }

  /** The same settings with other near-duplicate settings. */
  public EnrichConfig withNearDuplicates(NearDuplicateConfig near) {
    return new EnrichConfig(
        bootstrapServers,
        applicationId,
        stateDir,
        threads,
        commitInterval,
        duplicateRetention,
        near,
        stories,
        applicationServer,
        partitions);
  }

  /** The same settings with other story settings. */
  public EnrichConfig withStories(StoryConfig s) {
    return new EnrichConfig(
        bootstrapServers,
        applicationId,
        stateDir,
        threads,
        commitInterval,
        duplicateRetention,
        nearDuplicates,
        s,
        applicationServer,
        partitions);
  }

  /** The same settings with {@code n} partitions of the internal article topics. */
  public EnrichConfig withPartitions(int n) {
    return new EnrichConfig(
        bootstrapServers,
        applicationId,
        stateDir,
        threads,
        commitInterval,
        duplicateRetention,
        nearDuplicates,
        stories,
        applicationServer,
        n);
  }

  /** Defaults for everything but the cluster and the state directory. */
  public static EnrichConfig defaults(String bootstrapServers, Path stateDir) {
    return new EnrichConfig(
        bootstrapServers,
        DEFAULT_APPLICATION_ID,
        stateDir,
        1,
        DEFAULT_COMMIT_INTERVAL,
        DEFAULT_DUPLICATE_RETENTION,
        NearDuplicateConfig.defaults(),
        StoryConfig.defaults(),
        null,
        DEFAULT_PARTITIONS);
  }

  /**
   * The same settings, advertising {@code hostPort} (this instance's HTTP address) as Kafka
   * Streams' {@code application.server}, so that other instances can route interactive queries for
   * keys held here; null advertises nothing.
   */
  public EnrichConfig withApplicationServer(String hostPort) {
    return new EnrichConfig(
        bootstrapServers,
        applicationId,
        stateDir,
        threads,
        commitInterval,
        duplicateRetention,
        nearDuplicates,
        stories,
        hostPort,
        partitions);
  }

  /** Streams properties: exactly-once v2, idempotent producers, read-committed input. */
  public Properties streamsProperties() {
    Properties p = new Properties();
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    // The record cache serves the trend buckets and the pending band tallies (the other
    // processor stores are built without caching, so that interactive queries of duplicate and
    // story state see every write at once). Cached, an entity's five-minute bucket is updated in
    // memory and written to RocksDB, its changelog and newsdesk.entity-trends once per commit
    // instead of once per mention (each mention touches one bucket; it touched 14 windows before
    // the hour and day views were summed from buckets).
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, TREND_CACHE_BYTES);
    if (applicationServer != null) {
      p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    p.put(StreamsConfig.producerPrefix("max.request.size"), 16 * 1024 * 1024);
    // Streams' exactly-once default of 10 s lets the broker abort a transaction that is slow but
    // alive (a cold JVM restoring and enriching on a loaded machine): the thread is fenced, its
    // tasks closed dirty, their stores wiped and restored, the same records enriched again. 60 s is
    // the producer default, as in the sink and ingest. A restarted instance still fences its dead
    // self's transactions at once (same transactional ids), so recovery does not wait on this.
    p.put(
        StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
        (int) TRANSACTION_TIMEOUT.toMillis());
    // Every internal and output topic carries whole articles (text, entities): batches of 256 KB
    // hold several articles instead of one per 16 KB batch (the producer default), from the
    // producer's buffer pool; lz4 is cheap and shrinks what the broker writes and consumers read.
    p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
    p.put(StreamsConfig.producerPrefix("batch.size"), 256 * 1024);
    p.put(StreamsConfig.consumerPrefix("max.partition.fetch.bytes"), 16 * 1024 * 1024);
    p.put(StreamsConfig.consumerPrefix("max.poll.records"), 100);
    // Repartition and changelog topics carry whole articles: allow what the raw topic allows.
    p.put(StreamsConfig.topicPrefix("max.message.bytes"), 16 * 1024 * 1024);
    // Fast restart. Static membership (group.instance.id, set by EnrichApp.start): a restarted
    // instance takes its tasks back at once instead
    // of waiting for the session timeout of its dead self. Under exactly-once, Kafka Streams 4.3
    // wipes the stores after an unclean stop and restores them from the changelogs, so keep those
    // short: windowed changelogs keep 10 minutes beyond their windows (not a day), and segments
    // of internal topics roll every 10 minutes so that compaction and retention can act.
    p.put(StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG, 600_000L);
    p.put(StreamsConfig.topicPrefix("segment.ms"), 600_000L);
    p.put(StreamsConfig.topicPrefix("min.cleanable.dirty.ratio"), 0.1);
    return p;
  }

  /**
   * This instance's static group member id, kept in the state directory so that it survives
   * restarts and differs between instances with their own state.
   */
  static String instanceId(Path stateDir, String applicationId) {
    Path file = stateDir.resolve("instance-id");
    try {
      if (Files.exists(file)) {
        String id = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!id.isEmpty()) {
          return id;
        }
      }
      Files.createDirectories(stateDir);
      String id = applicationId + "-" + UUID.randomUUID().toString().substring(0, 8);
      Files.writeString(file, id, StandardCharsets.UTF_8);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep enrich instance id in " + file, e);
    }
  }
}
