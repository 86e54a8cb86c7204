package io.newsdesk.app.cli;

import io.newsdesk.app.http.Monitoring;
import io.newsdesk.app.pipeline.KafkaEnvironment;
import io.newsdesk.enrich.EnrichApp;
import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.enrich.EnrichConfig;
import io.newsdesk.enrich.dedup.NearDuplicateConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk enrich}: the Streams application on its own, for scale-out. */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description = "Run the enrich stage (Kafka Streams) against a cluster.")
public final class EnrichCommand implements Callable<Integer> {

  @Mixin KafkaOptions kafka;
  @Mixin HttpOptions http;
  @Mixin SentimentOptions sentiment;

  @Option(names = "--threads", description = "Stream threads (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--near-duplicate-days",
      defaultValue = "7",
      description =
          "How long near-duplicate band keys are kept, in days (default: ${DEFAULT-VALUE}).")
  int nearDuplicateDays;

  @Option(
      names = "--near-duplicate-threshold",
      description = "Similarity a near-duplicate candidate must reach (default: 0.4).")
  Double nearDuplicateThreshold;

  @Override
  public Integer call() {
    try (KafkaEnvironment env = KafkaEnvironment.open(kafka);
        Monitoring monitoring =
            Monitoring.start(http.address(), env.clientProperties(), System.err)) {
      EnrichConfig config =
          EnrichConfig.defaults(env.bootstrapServers(), kafka.dataDir().resolve("streams"))
              .withThreads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
              .withApplicationServer(monitoring.applicationServer())
              .withPartitions(env.partitions());
      NearDuplicateConfig near =
          config.nearDuplicates().withRetention(Duration.ofDays(nearDuplicateDays));
      if (nearDuplicateThreshold != null) {
        near = near.withThreshold(nearDuplicateThreshold);
      }
      config = config.withNearDuplicates(near);
      EnrichApp app =
          EnrichApp.start(
              sentiment.apply(EnrichComponents.standard()), config, Duration.ofSeconds(120));
      monitoring.watchStreams(app.streams());
      System.err.printf("enrich running against %s%n", env.bootstrapServers());
      Shutdown.await(app::close);
      return app.failure() == null ? 0 : 1;
    }
  }
}
