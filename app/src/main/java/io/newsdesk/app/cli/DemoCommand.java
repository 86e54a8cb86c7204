package io.newsdesk.app.cli;

import io.newsdesk.app.demo.DemoRun;
import io.newsdesk.app.demo.DemoSite;
import io.newsdesk.app.http.Monitoring;
import io.newsdesk.app.pipeline.KafkaEnvironment;
import io.newsdesk.app.pipeline.Pipeline;
import io.newsdesk.app.pipeline.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk demo}: the whole pipeline, offline, on the project's own sample sources. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the whole pipeline offline on an embedded Kafka over bundled sample sources, and show what it produced.")
public final class DemoCommand implements Callable<Integer> {

  private static final String MARKER = ".newsdesk-demo";

  @Option(
      names = "--dir",
      defaultValue = "./newsdesk-demo",
      description =
          "Where the demo keeps its broker data and files; emptied first (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--serve",
      description =
          "After the demo, keep the pipeline running and serve the console, /health, /metrics and"
              + " /api on --http until Ctrl-C.")
  boolean serve;

  @Mixin HttpOptions http;

  @Override
  public Integer call() throws Exception {
    prepare(dir);
    System.err.printf(
        "Newsdesk demo: %d feeds, %d page, %d pushes and %d dropped file, served from 127.0.0.1...%n",
        DemoSite.FEEDS.size(),
        DemoSite.PAGES.size(),
        DemoSite.PUSHES.size(),
        DemoSite.DROPS.size());
    try (KafkaEnvironment kafka = DemoRun.embedded(dir);
        Monitoring monitoring =
            Monitoring.start(
                serve ? http.address() : Optional.empty(), kafka.clientProperties(), System.err)) {
      DemoRun.Result r =
          DemoRun.run(
              kafka,
              dir,
              Duration.ofMinutes(5),
              new DemoRun.Hooks() {
                @Override
                public String applicationServer() {
                  return monitoring.applicationServer();
                }

                @Override
                public void started(Pipeline pipeline) {
                  pipeline.watchWith(monitoring);
                }

                @Override
                public void drained(DemoRun.Result r) {
                  print(kafka, r);
                  if (serve) {
                    System.out.printf(
                        "Serving        %s until Ctrl-C%n",
                        monitoring.enabled() ? monitoring.url() : "(--http none: nothing)");
                    System.out.flush();
                    Shutdown.await(() -> {});
                  }
                }
              });
      // Whatever ingest published comes out once, as an article or a dead letter.
      java.util.Optional<String> unaccounted = r.report().unaccounted(-1);
      if (unaccounted.isPresent()) {
        System.out.flush();
        System.err.println("newsdesk demo: FAILED: " + unaccounted.get());
        return 1;
      }
      return 0;
    }
  }

  private void print(KafkaEnvironment kafka, DemoRun.Result r) {
    Summary.print(
        System.out,
        "newsdesk demo",
        kafka,
        r.ingest(),
        r.report(),
        r.elapsed(),
        dir.resolve("out"));
    System.out.printf(
        "Pushes         %d of %d accepted (HTTP 202)%n",
        r.pushesAccepted(), DemoSite.PUSHES.size());
    System.out.printf("Try            jq . %s/out/date=*/*.jsonl | less%n", dir);
    System.out.flush();
  }

  private static void prepare(Path dir) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.exists(dir.resolve(MARKER))) {
        throw new IllegalArgumentException(
            dir + " exists and is not a demo directory; choose another --dir");
      }
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(MARKER), "Created by newsdesk demo; emptied by the next demo run.\n");
  }
}
