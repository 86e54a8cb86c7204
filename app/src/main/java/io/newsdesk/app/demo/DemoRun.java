package io.newsdesk.app.demo;

import io.newsdesk.app.cli.KafkaOptions;
import io.newsdesk.app.pipeline.IngestWiring;
import io.newsdesk.app.pipeline.KafkaEnvironment;
import io.newsdesk.app.pipeline.Pipeline;
import io.newsdesk.app.pipeline.RunReport;
import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.IngestSummary;
import io.newsdesk.ingest.receive.PushReceiver;
import io.newsdesk.ingest.receive.PushTokens;
import io.newsdesk.sink.files.RollPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * One demo run: serve the sample site, run the pipeline on an embedded broker, poll the feeds and
 * pages once, drop a file, push the plain-text scrapes, and wait until everything reached the sink.
 * Used by {@code newsdesk demo} and by the end-to-end test.
 */
public final class DemoRun {

  /** What the run produced. */
  public record Result(
      IngestSummary ingest, RunReport report, Duration elapsed, int pushesAccepted) {}

  /** What a caller does while the pipeline runs: once it started, and once it drained. */
  public interface Hooks {
    /** The HTTP address enrich advertises for interactive queries; null: none. */
    default String applicationServer() {
      return null;
    }

    /** The pipeline just started. */
    default void started(Pipeline pipeline) {}

    /** Everything reached the sink; the pipeline keeps running until this returns. */
    default void drained(Result result) throws Exception {}
  }

  private DemoRun() {}

  /** Runs against {@code kafka}; data and files go under {@code dir}. */
  public static Result run(KafkaEnvironment kafka, Path dir, Duration drainTimeout)
      throws Exception {
    return run(kafka, dir, drainTimeout, new Hooks() {});
  }

  /** Runs against {@code kafka}, calling {@code hooks} while the pipeline runs. */
  public static Result run(KafkaEnvironment kafka, Path dir, Duration drainTimeout, Hooks hooks)
      throws Exception {
    Path drop = dir.resolve("drop");
    Files.createDirectories(drop);
    try (DemoSite site = DemoSite.start();
        Pipeline pipeline =
            Pipeline.start(
                kafka,
                EnrichComponents.standard(),
                dir.resolve("data"),
                dir.resolve("out"),
                false,
                RollPolicy.defaults(),
                hooks.applicationServer(),
                Pipeline.ENRICH_WAIT)) {
      hooks.started(pipeline);
      RunReport.Marks marks = RunReport.mark(kafka.bootstrapServers());
      long t0 = System.nanoTime();
      for (String f : DemoSite.DROPS) {
        Files.writeString(
            drop.resolve(Path.of(f).getFileName()), DemoSite.resource(f), StandardCharsets.UTF_8);
      }
      IngestWiring.Sources sources =
          new IngestWiring.Sources(
              DemoSite.FEEDS.stream().map(site::url).toList(),
              DemoSite.PAGES.stream().map(site::url).toList(),
              drop,
              null);
      // One local host serves everything: a short per-host delay keeps the demo quick.
      IngestConfig config =
          IngestConfig.defaults().toBuilder()
              .perHostMinDelay(Duration.ofMillis(20))
              .allowNetworks(java.util.List.of("127.0.0.1/32"))
              .build();
      IngestSummary summary;
      int accepted = 0;
      try (IngestWiring ingest = IngestWiring.open(kafka, config, sources, "demo")) {
        summary = ingest.service().runOnce();
        String token = PushTokens.generate();
        PushReceiver receiver =
            new PushReceiver(
                    config.toBuilder().pushToken(token).build(),
                    0,
                    ingest.sink(),
                    Clock.systemUTC(),
                    () -> true)
                .start();
        try {
          accepted = push(receiver.port(), token);
        } finally {
          receiver.close();
        }
      }
      if (!pipeline.awaitDrained(drainTimeout)) {
        throw new IllegalStateException("the demo pipeline did not drain within " + drainTimeout);
      }
      if (pipeline.enrichFailure() != null) {
        throw new IllegalStateException("enrich failed", pipeline.enrichFailure());
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
      Result result =
          new Result(summary, RunReport.since(kafka.bootstrapServers(), marks), elapsed, accepted);
      hooks.drained(result);
      return result;
    }
  }

  /** Opens a fresh embedded broker under {@code dir/data}. */
  public static KafkaEnvironment embedded(Path dir) {
    return KafkaEnvironment.open(KafkaOptions.of(null, dir.resolve("data"), 2));
  }

  private static int push(int port, String token) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int accepted = 0;
    for (String p : DemoSite.PUSHES) {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/articles"))
              .header("Content-Type", "text/plain; charset=utf-8")
              .header("Authorization", "Bearer " + token)
              .POST(
                  HttpRequest.BodyPublishers.ofString(DemoSite.resource(p), StandardCharsets.UTF_8))
              .build();
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() == 202) {
        accepted++;
      } else {
        System.err.printf("push of %s refused: %d %s%n", p, res.statusCode(), res.body());
      }
    }
    return accepted;
  }
}
