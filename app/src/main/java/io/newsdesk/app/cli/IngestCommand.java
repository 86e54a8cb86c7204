package io.newsdesk.app.cli;

import io.newsdesk.app.http.Monitoring;
import io.newsdesk.app.pipeline.IngestWiring;
import io.newsdesk.app.pipeline.KafkaEnvironment;
import io.newsdesk.ingest.IngestSummary;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk ingest}: the ingest stage on its own, for scale-out. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Run the ingest stage against a cluster.")
public final class IngestCommand implements Callable<Integer> {

  @Mixin KafkaOptions kafka;
  @Mixin IngestOptions ingest;
  @Mixin HttpOptions http;

  @Option(
      names = "--instance-id",
      description =
          "Stable id of this ingest process (its transactional id; default: the host name)."
              + " Two instances on one machine need two ids.")
  String instanceId;

  @Option(names = "--once", description = "Poll every source once and exit.")
  boolean once;

  private String instanceId() {
    if (instanceId != null && !instanceId.isBlank()) {
      return instanceId;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "0";
    }
  }

  @Override
  public Integer call() throws Exception {
    try (KafkaEnvironment env = KafkaEnvironment.open(kafka);
        Monitoring monitoring =
            Monitoring.start(
                once ? Optional.empty() : http.address(), env.clientProperties(), System.err);
        IngestWiring wiring =
            IngestWiring.open(
                env, ingest.config(kafka.dataDir()), ingest.sources(), instanceId())) {
      if (once) {
        IngestSummary s = wiring.service().runOnce();
        System.out.printf(
            "ingested %d documents, %d dead letters, %d failed sources in %d ms%n",
            s.documents(), s.deadLetters(), s.failedSources(), s.elapsedMs());
        return 0;
      }
      wiring.startShared();
      monitoring.watchIngest(() -> null);
      Shutdown.await(() -> {});
      return 0;
    }
  }
}
