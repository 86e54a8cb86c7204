package io.newsdesk.app.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One node (combined KRaft broker and controller, 127.0.0.1) of a small real cluster, run as its
 * own JVM: {@code java -cp newsdesk.jar io.newsdesk.app.kafka.ClusterNode ID DIR BROKER_PORT
 * CONTROLLER_PORT VOTERS CLUSTER_ID}, VOTERS as {@code 1@127.0.0.1:9093,2@...}. Replication factor
 * 3 and min.insync.replicas 2 for every topic, internal ones included, so one node may die. Storage
 * is formatted on first start and kept, so a node killed with SIGKILL restarts on it. Used by the
 * cluster fault test; like {@link EmbeddedKafka}, it touches Kafka's internal classes.
 */
public final class ClusterNode {

  private ClusterNode() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println(
          "usage: ClusterNode NODE_ID DATA_DIR BROKER_PORT CONTROLLER_PORT VOTERS CLUSTER_ID");
      System.exit(2);
    }
    int nodeId = Integer.parseInt(args[0]);
    Path logDir = Path.of(args[1]).toAbsolutePath();
    int brokerPort = Integer.parseInt(args[2]);
    int controllerPort = Integer.parseInt(args[3]);
    String voters = args[4];
    String clusterId = args[5];
    Files.createDirectories(logDir);
    EmbeddedKafka.formatIfNeeded(logDir, nodeId, clusterId);
    KafkaRaftServer server =
        new KafkaRaftServer(
            KafkaConfig.fromProps(
                properties(nodeId, logDir, brokerPort, controllerPort, voters), false),
            Time.SYSTEM);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    server.startup();
    System.out.println("node " + nodeId + " started at 127.0.0.1:" + brokerPort);
    server.awaitShutdown();
  }

  /** The node's broker properties. */
  static Properties properties(
      int nodeId, Path logDir, int brokerPort, int controllerPort, String voters) {
    Properties p = new Properties();
    p.putAll(EmbeddedKafka.commonNodeSettings(nodeId, voters, logDir, brokerPort, controllerPort));
    p.putAll(EmbeddedKafka.internalTopicSettings(3, 2, 3));
    p.putAll(
        Map.ofEntries(
            Map.entry("num.partitions", "2"),
            Map.entry("default.replication.factor", "3"),
            Map.entry("min.insync.replicas", "2"),
            Map.entry(
                "replica.fetch.max.bytes", String.valueOf(TopicProvisioner.MAX_MESSAGE_BYTES)),
            Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024)),
            Map.entry("num.network.threads", "1"),
            Map.entry("num.io.threads", "2"),
            Map.entry("num.replica.fetchers", "1"),
            Map.entry("log.segment.bytes", String.valueOf(16 * 1024 * 1024)),
            Map.entry("broker.session.timeout.ms", "4000"),
            Map.entry("unclean.leader.election.enable", "false")));
    return p;
  }
}
