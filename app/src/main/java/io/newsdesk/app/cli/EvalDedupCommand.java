package io.newsdesk.app.cli;

import io.newsdesk.enrich.dedup.NearDuplicateConfig;
import io.newsdesk.enrich.dedup.NearDuplicateEval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk eval dedup}: near-duplicate precision and recall on copies made in code from
 * ScrapingHub's article bodies.
 */
@Command(
    name = "dedup",
    description = "Near-duplicate precision/recall on edited copies of ScrapingHub article bodies.",
    mixinStandardHelpOptions = true)
public final class EvalDedupCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "${sys:newsdesk.shared.dir:-../shared}/data",
      description =
          "Shared data directory holding extraction/scrapinghub (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--threshold",
      description = "Similarity a candidate must reach (default: the shipped setting).")
  Double threshold;

  @Option(names = "--sweep", description = "Also print the figures at other thresholds.")
  boolean sweep;

  @Option(names = "--pairs", defaultValue = "10", description = "Flagged pairs to list.")
  int pairs;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the edits.")
  long seed;

  @Override
  public Integer call() throws Exception {
    Path truth = data.resolve("extraction/scrapinghub/ground-truth.json");
    if (!Files.isRegularFile(truth)) {
      System.err.println("No ground truth at " + truth + "; give --data DIR");
      return 2;
    }
    Map<String, String> bodies = NearDuplicateEval.loadBodies(truth);
    List<NearDuplicateEval.Doc> docs = NearDuplicateEval.corpus(bodies, seed);
    NearDuplicateConfig config = NearDuplicateConfig.defaults();
    if (threshold != null) {
      config = config.withThreshold(threshold);
    }
    NearDuplicateEval.run(docs, config); // warm-up for the timing
    NearDuplicateEval.Result r = NearDuplicateEval.run(docs, config);
    System.out.printf(
        "near duplicates: %d documents (%d articles, %d edited copies), shingles of %d words,"
            + " %d bands x %d rows%n",
        r.documents(),
        r.documents() - r.copies(),
        r.copies(),
        config.shingleWords(),
        config.bands(),
        config.rows());
    for (NearDuplicateEval.Flag f : r.flags().subList(0, Math.min(pairs, r.flags().size()))) {
      System.out.printf(
          "  %s %-28s -> %-16s similarity %.2f%n",
          f.correct() ? "ok " : "BAD", f.id(), f.duplicateOf(), f.similarity());
    }
    r.flags().stream()
        .filter(f -> !f.correct())
        .forEach(
            f ->
                System.out.printf(
                    "  BAD %-28s -> %-16s similarity %.2f%n",
                    f.id(), f.duplicateOf(), f.similarity()));
    print(r);
    r.recallByKind()
        .forEach(
            (k, v) ->
                System.out.printf(
                    "  recall %-12s %.3f (%d/%d)%n",
                    k.name().toLowerCase(), (double) v[0] / v[1], v[0], v[1]));
    System.out.printf(
        "cost: %.0f µs per document (signature + %d band look-ups)%n",
        r.microsPerDocument(), config.bands());
    if (sweep) {
      for (double t = 0.3; t < 0.91; t += 0.1) {
        print(NearDuplicateEval.run(docs, config.withThreshold(t)));
      }
    }
    return 0;
  }

  private static void print(NearDuplicateEval.Result r) {
    System.out.printf(
        "threshold %.2f: pairs flagged %d, correct %d, copies %d  precision %.3f  recall %.3f"
            + "  F1 %.3f%n",
        r.threshold(), r.flagged(), r.correct(), r.copies(), r.precision(), r.recall(), r.f1());
  }
}
