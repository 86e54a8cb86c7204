package io.newsdesk.app.cli;

import io.newsdesk.app.bench.EndToEndBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk bench}: the end-to-end benchmark on a fresh embedded broker. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure documents/s from ingest to sink, time per document in each stage, and peak heap.")
public final class BenchCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--documents",
      defaultValue = "2000",
      description = "How many documents (default: ${DEFAULT-VALUE}).")
  int documents;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description = "Partitions of the topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--warmup",
      paramLabel = "N|auto",
      defaultValue = "auto",
      description =
          "Documents run through the whole pipeline before timing starts, not counted: N, or"
              + " auto: rounds of 500 until the JIT compilers take under 10%% of a round's CPU"
              + " (at most 10000), the steady state of a long-running pipeline"
              + " (default: ${DEFAULT-VALUE}; 0 times a cold start).")
  String warmup;

  @Option(
      names = "--skip-stages",
      description =
          "Skip the one-thread pass over each enrich stage (about half of a run's time), for"
              + " A/B runs of the pipeline around the NLP; the NLP is then compiled during the"
              + " warm-up instead.")
  boolean skipStages;

  @Option(
      names = "--hostile",
      description =
          "Instead: time the worst-case documents (5 MB dense with names, a 1 MB single line)"
              + " through every per-document enrich step and show what the limits cut.")
  boolean hostile;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "../shared/data",
      description =
          "Shared data: real article pages from extraction/scrapinghub/html when present,"
              + " generated pages otherwise (default: ${DEFAULT-VALUE}).")
  Path data;

  @Override
  public Integer call() throws Exception {
    if (hostile) {
      io.newsdesk.app.bench.HostileDocumentBench.print(
          System.out,
          io.newsdesk.app.bench.HostileDocumentBench.runAll(
              io.newsdesk.enrich.EnrichComponents.standard()));
      return 0;
    }
    int warmupDocuments;
    if (warmup.equalsIgnoreCase("auto")) {
      warmupDocuments = EndToEndBench.AUTO_WARMUP;
    } else {
      try {
        warmupDocuments = Integer.parseInt(warmup.strip());
      } catch (NumberFormatException e) {
        warmupDocuments = -2;
      }
      if (warmupDocuments < 0) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--warmup takes a number of documents (0 or more) or auto, not '" + warmup + "'");
      }
    }
    Path dir = Files.createTempDirectory("newsdesk-bench");
    try {
      EndToEndBench.Result r =
          EndToEndBench.run(documents, dir, partitions, data, warmupDocuments, !skipStages);
      EndToEndBench.print(System.out, r, partitions);
      if (r.unaccounted().isPresent()) {
        // The figures of a run that did not deliver everything measure nothing: fail, loudly.
        System.out.flush();
        System.err.println("newsdesk bench: FAILED: " + r.unaccounted().get());
        return 1;
      }
      return 0;
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
