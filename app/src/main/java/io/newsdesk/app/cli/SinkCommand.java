package io.newsdesk.app.cli;

import io.newsdesk.app.http.Monitoring;
import io.newsdesk.app.pipeline.KafkaEnvironment;
import io.newsdesk.sink.ArticleSink;
import io.newsdesk.sink.SinkConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk sink}: the sink on its own, for scale-out. */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description = "Run the sink stage against a cluster.")
public final class SinkCommand implements Callable<Integer> {

  @Mixin KafkaOptions kafka;
  @Mixin RollOptions roll;
  @Mixin HttpOptions http;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Directory for *.avro and *.jsonl files.")
  Path out;

  @Option(names = "--drop-duplicates", description = "Leave articles flagged as duplicates out.")
  boolean dropDuplicates;

  @Option(
      names = "--instance-id",
      defaultValue = "0",
      description =
          "Stable id of this sink process (its transactional id and static group member id).")
  String instanceId;

  @Override
  public Integer call() {
    try (KafkaEnvironment env = KafkaEnvironment.open(kafka);
        Monitoring monitoring =
            Monitoring.start(http.address(), env.clientProperties(), System.err)) {
      SinkConfig config =
          SinkConfig.defaults(env.bootstrapServers(), out)
              .withDropDuplicates(dropDuplicates)
              .withTransactionalId("newsdesk-sink-" + instanceId)
              .withRoll(roll.policy());
      ArticleSink sink = new ArticleSink(config);
      Thread t = new Thread(sink, "newsdesk-sink");
      t.start();
      monitoring.watchSink(sink.metrics(), t::isAlive);
      System.err.printf(
          "sink running against %s, files in %s%n", env.bootstrapServers(), out.toAbsolutePath());
      Shutdown.await(sink::close);
      return 0;
    }
  }
}
