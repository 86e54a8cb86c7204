package io.newsdesk.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

/** A cluster node takes the settings every node shares and adds replication: Kafka accepts them. */
class ClusterNodeSettingsTest {

  @Test
  void aClusterNodeIsACommonNodeWithReplicationThreeAndTwoInSync() {
    Path logs = Path.of("target", "cluster-node-settings");
    String voters = "1@127.0.0.1:19001,2@127.0.0.1:19002,3@127.0.0.1:19003";
    Properties p = ClusterNode.properties(2, logs, 19102, 19002, voters);
    EmbeddedKafka.commonNodeSettings(2, voters, logs, 19102, 19002)
        .forEach((k, v) -> assertThat(p.getProperty(k)).as(k).isEqualTo(v));
    assertThat(p.getProperty("default.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("min.insync.replicas")).isEqualTo("2");
    assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
    KafkaConfig config = KafkaConfig.fromProps(p, false);
    assertThat(config.nodeId()).isEqualTo(2);
  }
}
