package io.newsdesk.app.pipeline;

import io.newsdesk.app.cli.KafkaOptions;
import io.newsdesk.app.kafka.EmbeddedKafka;
import io.newsdesk.app.kafka.HangingTransactions;
import io.newsdesk.app.kafka.TopicProvisioner;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/** The Kafka a command talks to: the given cluster, or an embedded broker it started. */
public final class KafkaEnvironment implements AutoCloseable {

  /** Time between two scans for hanging transactions. */
  static final Duration HANGING_SCAN_INTERVAL = Duration.ofSeconds(5);

  private final EmbeddedKafka embedded;
  private final String bootstrapServers;
  private final int partitions;
  private HangingTransactions hanging;

  private KafkaEnvironment(EmbeddedKafka embedded, String bootstrapServers, int partitions) {
    this.embedded = embedded;
    this.bootstrapServers = bootstrapServers;
    this.partitions = partitions;
  }

  /** Connects (starting the embedded broker when no cluster is named) and creates the topics. */
  public static KafkaEnvironment open(KafkaOptions options) {
    EmbeddedKafka embedded = null;
    String bootstrap = options.bootstrapServers();
    if (bootstrap == null || bootstrap.isBlank()) {
      embedded = EmbeddedKafka.start(options.dataDir());
      bootstrap = embedded.bootstrapServers();
    }
    KafkaEnvironment env = new KafkaEnvironment(embedded, bootstrap, options.partitions());
    try (Admin admin = env.admin()) {
      TopicProvisioner.ensureTopics(admin, options.partitions(), Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
    // A broker killed mid-transaction can leave a transaction no one will ever end, which stalls
    // every exactly-once reader behind it: found and aborted within two scans.
    env.hanging = HangingTransactions.watch(env.admin(), HANGING_SCAN_INTERVAL);
    return env;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Partitions of new topics ({@code --partitions}); also those of the enrich topics an article
   * waits in for its answers ({@code EnrichConfig.partitions}).
   */
  public int partitions() {
    return partitions;
  }

  /** Start-up time of the embedded broker, or null when a cluster was given. */
  public Duration embeddedStartup() {
    return embedded == null ? null : embedded.startupTime();
  }

  public Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrapServers));
  }

  /** Client properties naming only the cluster. */
  public Properties clientProperties() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    return p;
  }

  /** Hanging transactions this process found and aborted. */
  public long hangingTransactionsAborted() {
    return hanging == null ? 0 : hanging.aborted();
  }

  @Override
  public void close() {
    if (hanging != null) {
      hanging.close();
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
