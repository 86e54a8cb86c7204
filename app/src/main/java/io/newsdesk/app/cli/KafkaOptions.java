package io.newsdesk.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where Kafka is: a cluster, or the embedded broker storing under the data directory. */
public final class KafkaOptions {

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka cluster to use. Without it an embedded single-node broker is started.")
  String bootstrapServers;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "./newsdesk-data",
      description = "Embedded broker data and Streams state (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "2",
      description = "Partitions of new topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path dataDir() {
    return dataDir;
  }

  public int partitions() {
    return partitions;
  }

  /** For commands that build options in code (demo, bench). */
  public static KafkaOptions of(String bootstrapServers, Path dataDir, int partitions) {
    KafkaOptions o = new KafkaOptions();
    o.bootstrapServers = bootstrapServers;
    o.dataDir = dataDir;
    o.partitions = partitions;
    return o;
  }
}
