package io.newsdesk.app.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (combined KRaft broker and controller) running in this JVM on 127.0.0.1,
 * storing under a data directory so that a restart keeps every topic and offset.
 *
 * <p>This is the only class that touches Kafka's internal server classes, which carry no
 * compatibility promise: re-test it on every Kafka upgrade.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;
  private static final int BIND_ATTEMPTS = 5;

  private final Path dataDir;
  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Duration startupTime;

  private EmbeddedKafka(
      Path dataDir, KafkaRaftServer server, String bootstrapServers, Duration startupTime) {
    this.dataDir = dataDir;
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.startupTime = startupTime;
  }

  /**
   * Starts a broker storing under {@code dataDir} (formatted on first use) and waits until it
   * serves requests.
   */
  public static EmbeddedKafka start(Path dataDir) {
    long t0 = System.nanoTime();
    Path logDir = dataDir.toAbsolutePath().resolve("kafka");
    LOG.info("starting embedded Kafka in {}", logDir);
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Kafka data directory " + logDir, e);
    }
    RuntimeException last = null;
    for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
      int brokerPort = freePort();
      int controllerPort = freePort();
      Properties props = brokerProperties(logDir, brokerPort, controllerPort);
      KafkaConfig config = KafkaConfig.fromProps(props, false);
      formatIfNeeded(logDir, NODE_ID, Uuid.randomUuid().toString());
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      try {
        server.startup();
      } catch (RuntimeException e) {
        // A free port picked by opening and closing a socket can be taken meanwhile: retry.
        last = e;
        shutdownQuietly(server);
        if (causedByBind(e)) {
          LOG.warn(
              "embedded Kafka could not bind port {} or {}, retrying", brokerPort, controllerPort);
          continue;
        }
        throw e;
      }
      String bootstrap = "127.0.0.1:" + brokerPort;
      awaitReady(bootstrap, Duration.ofSeconds(60));
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      LOG.info(
          "embedded Kafka ready at {} in {} ms (data in {})", bootstrap, took.toMillis(), logDir);
      return new EmbeddedKafka(dataDir, server, bootstrap, took);
    }
    throw new IllegalStateException("embedded Kafka could not bind a port", last);
  }

  /** {@code host:port} for clients. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** How long {@link #start} took until the broker answered. */
  public Duration startupTime() {
    return startupTime;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    shutdownQuietly(server);
  }

  /**
   * What every Newsdesk KRaft node sets, single node or cluster member: a combined broker and
   * controller on 127.0.0.1, plain listeners, our message size, no topics created by accident, no
   * rebalance delay, one log cleaner thread. Callers add replication and sizing.
   */
  static Map<String, String> commonNodeSettings(
      int nodeId, String voters, Path logDir, int brokerPort, int controllerPort) {
    return Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", String.valueOf(nodeId)),
        Map.entry("controller.quorum.voters", voters),
        Map.entry(
            "listeners",
            "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
        Map.entry("controller.listener.names", "CONTROLLER"),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("log.dirs", logDir.toString()),
        Map.entry("message.max.bytes", String.valueOf(TopicProvisioner.MAX_MESSAGE_BYTES)),
        Map.entry("auto.create.topics.enable", "false"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        Map.entry("log.cleaner.threads", "1"),
        Map.entry("broker.heartbeat.interval.ms", "500"));
  }

  private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.putAll(
        commonNodeSettings(
            NODE_ID, NODE_ID + "@127.0.0.1:" + controllerPort, logDir, brokerPort, controllerPort));
    // One node: one partition per coordinator topic (fewer logs to recover after a crash).
    p.putAll(internalTopicSettings(1, 1, 1));
    p.putAll(
        Map.ofEntries(
            Map.entry("num.partitions", "1"),
            Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024)),
            Map.entry("num.network.threads", "2"),
            Map.entry("num.io.threads", "4"),
            // Short recovery after kill -9: the recovery point advances with every flush, so flush
            // and checkpoint it every few seconds and keep segments small; the controller drops
            // the dead incarnation's session quickly.
            Map.entry("num.recovery.threads.per.data.dir", "2"),
            Map.entry("log.segment.bytes", String.valueOf(64 * 1024 * 1024)),
            Map.entry("log.flush.interval.ms", "5000"),
            Map.entry("log.flush.scheduler.interval.ms", "2000"),
            Map.entry("log.flush.offset.checkpoint.interval.ms", "5000"),
            Map.entry("log.flush.start.offset.checkpoint.interval.ms", "5000"),
            Map.entry("broker.session.timeout.ms", "3000"),
            // A transaction whose producer never came back is aborted within seconds, so that
            // read_committed readers are not held behind it for long.
            Map.entry("transaction.abort.timed.out.transaction.cleanup.interval.ms", "5000")));
    return p;
  }

  /**
   * Formats a node's storage directory for KRaft unless it already holds a formatted node (a
   * restart keeps its data).
   */
  static void formatIfNeeded(Path logDir, int nodeId, String clusterId) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
      new Formatter()
          .setPrintStream(quiet)
          .setClusterId(clusterId)
          .setNodeId(nodeId)
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setControllerListenerName("CONTROLLER")
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
    }
  }

  /**
   * Replication of the internal topics (consumer offsets, transaction state, share state): {@code
   * replicas} copies, {@code minIsr} of them in sync for a write, {@code partitions} partitions
   * each.
   */
  static Map<String, String> internalTopicSettings(int replicas, int minIsr, int partitions) {
    String r = String.valueOf(replicas);
    String isr = String.valueOf(minIsr);
    String n = String.valueOf(partitions);
    return Map.of(
        "offsets.topic.replication.factor", r,
        "offsets.topic.num.partitions", n,
        "transaction.state.log.replication.factor", r,
        "transaction.state.log.min.isr", isr,
        "transaction.state.log.num.partitions", n,
        "share.coordinator.state.topic.replication.factor", r,
        "share.coordinator.state.topic.min.isr", isr);
  }

  private static void awaitReady(String bootstrap, Duration timeout) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        Exception last = null;
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted waiting for embedded Kafka", e);
        } catch (Exception e) {
          last = e;
        }
        // An answer without brokers (the node not yet unfenced) counts against the deadline too.
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "embedded Kafka did not become ready at " + bootstrap, last);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted waiting for embedded Kafka", e);
        }
      }
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  private static boolean causedByBind(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static void shutdownQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("embedded Kafka did not shut down cleanly", e);
    }
  }
}
