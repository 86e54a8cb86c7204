package io.newsdesk.app.cli;

import io.newsdesk.app.http.Monitoring;
import io.newsdesk.app.pipeline.IngestWiring;
import io.newsdesk.app.pipeline.KafkaEnvironment;
import io.newsdesk.app.pipeline.Pipeline;
import io.newsdesk.app.pipeline.RunReport;
import io.newsdesk.app.pipeline.Summary;
import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.ingest.IngestSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsdesk run}: the whole pipeline in one process. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run ingest, enrich and sink in one process (embedded Kafka without --bootstrap-servers).")
public final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Spec CommandSpec spec;
  @Mixin KafkaOptions kafka;
  @Mixin IngestOptions ingest;
  @Mixin RollOptions roll;
  @Mixin HttpOptions http;
  @Mixin SentimentOptions sentiment;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Files: date-partitioned *.avro and *.jsonl (default: <data-dir>/out).")
  Path out;

  @Option(
      names = "--once",
      description =
          "Poll every source once, wait until the pipeline drained, print the summary and exit.")
  boolean once;

  @Option(
      names = "--drop-duplicates",
      description = "Leave articles flagged as duplicates out of the sink.")
  boolean dropDuplicates;

  @Option(
      names = "--drain-timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "With --once: how long to wait for the pipeline to drain (default: ${DEFAULT-VALUE}).")
  long drainTimeout;

  @Override
  public Integer call() throws Exception {
    IngestWiring.Sources sources = ingest.sources();
    if (once && sources.listenPort() != null) {
      throw new ParameterException(
          spec.commandLine(), "--listen needs a running pipeline: drop --once");
    }
    Path files = out != null ? out : kafka.dataDir().resolve("out");
    // The models load while the broker starts: both take seconds, and a restart waits for both.
    sentiment.check();
    CompletableFuture<EnrichComponents> components =
        CompletableFuture.supplyAsync(() -> sentiment.apply(EnrichComponents.standard()));
    try (KafkaEnvironment env = KafkaEnvironment.open(kafka);
        Monitoring monitoring =
            Monitoring.start(
                once ? Optional.empty() : http.address(), env.clientProperties(), System.err);
        Pipeline pipeline =
            Pipeline.start(
                env,
                join(components),
                kafka.dataDir(),
                files,
                dropDuplicates,
                roll.policy(),
                monitoring.applicationServer(),
                // A long run needs not wait for enrich's restore: ingest and the sink start now.
                once ? Duration.ofSeconds(60) : Duration.ZERO);
        IngestWiring wiring =
            IngestWiring.open(env, ingest.config(kafka.dataDir()), sources, "run")) {
      if (!once) {
        pipeline.watchWith(monitoring);
        wiring.startShared();
        BootstrapFile.write(kafka.dataDir(), env.bootstrapServers());
        LOG.info("newsdesk run: broker, sink, enrich and ingest started");
        monitoring.watchIngest(() -> null);
        System.err.printf(
            "Newsdesk running on %s; files in %s. Ctrl-C to stop.%n",
            env.bootstrapServers(), files.toAbsolutePath());
        // The JVM exits when the hook returns: stop the sink there so it rolls its open files.
        Shutdown.await(pipeline::close);
        return 0;
      }
      RunReport.Marks marks = RunReport.mark(env.bootstrapServers());
      long t0 = System.nanoTime();
      IngestSummary summary = wiring.service().runOnce();
      if (!pipeline.awaitDrained(Duration.ofSeconds(drainTimeout))) {
        System.err.println(
            "The pipeline did not drain within "
                + drainTimeout
                + " s; the summary shows what got through.");
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
      pipeline.close(); // rolls the open sink files so that the summary counts them
      RunReport report = RunReport.since(env.bootstrapServers(), marks);
      Summary.print(System.out, "newsdesk run --once", env, summary, report, elapsed, files);
      return pipeline.enrichFailure() == null ? 0 : 1;
    }
  }

  private static EnrichComponents join(CompletableFuture<EnrichComponents> components) {
    try {
      return components.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
