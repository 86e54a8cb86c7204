package io.newsdesk.app.cli;

import io.newsdesk.enrich.extract.eval.BenchmarkRunner;
import io.newsdesk.enrich.extract.eval.ScrapingHubBenchmark;
import io.newsdesk.enrich.extract.eval.ShingleScore;
import io.newsdesk.enrich.extract.eval.TrafilaturaBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk eval extraction}: article-body quality on ScrapingHub's and trafilatura's sets.
 */
@Command(
    name = "extraction",
    description = "Score article extraction: ScrapingHub (shingle F1) or trafilatura (segments).",
    mixinStandardHelpOptions = true)
public final class EvalExtractionCommand implements Callable<Integer> {

  @Option(names = "--truth", description = "ScrapingHub ground-truth.json")
  Path truth;

  @Option(names = "--html", description = "Directory of <id>.html.gz pages")
  Path html;

  @Option(
      names = "--predictions",
      description = "Score this predictions file instead of running our extractor")
  Path predictions;

  @Option(names = "--trafilatura", description = "trafilatura-eval directory (has tests/)")
  Path trafilatura;

  @Option(names = "--worst", description = "List the N worst pages", defaultValue = "0")
  int worst;

  @Override
  public Integer call() throws Exception {
    if (trafilatura != null) {
      return trafilatura();
    }
    if (truth == null) {
      System.err.println("Give --truth (with --html or --predictions) or --trafilatura");
      return 2;
    }
    ScrapingHubBenchmark bench = ScrapingHubBenchmark.load(truth);
    ScrapingHubBenchmark.Result r;
    String what;
    long start = System.nanoTime();
    if (predictions != null) {
      r = bench.score(ScrapingHubBenchmark.readPredictions(predictions));
      what = predictions.getFileName().toString();
    } else if (html != null) {
      BenchmarkRunner runner = new BenchmarkRunner();
      r = bench.run(html, runner::text);
      what = "newsdesk";
    } else {
      System.err.println("Give --html DIR or --predictions FILE");
      return 2;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%s: F1 %.3f  precision %.3f  recall %.3f  (%d pages, %.1f s)%n",
        what, r.f1(), r.precision(), r.recall(), r.pages().size(), seconds);
    if (worst > 0) {
      List<ScrapingHubBenchmark.Page> pages = new ArrayList<>(r.pages());
      pages.sort(Comparator.comparingDouble(p -> f1(p.score())));
      for (ScrapingHubBenchmark.Page p : pages.subList(0, Math.min(worst, pages.size()))) {
        System.out.printf(
            "  %s  P %.2f R %.2f  %s%n",
            p.id().substring(0, 12), p.score().precision(), p.score().recall(), p.url());
      }
    }
    return 0;
  }

  private Integer trafilatura() throws Exception {
    BenchmarkRunner runner = new BenchmarkRunner();
    long start = System.nanoTime();
    TrafilaturaBenchmark.Result r = TrafilaturaBenchmark.load(trafilatura).run(runner::predict);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "trafilatura-eval: F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f"
            + "  (%d pages, %d missing, %.1f s)%n",
        r.f1(), r.precision(), r.recall(), r.accuracy(), r.pages(), r.missing(), seconds);
    System.out.printf(
        "  segments: %d/%d found, %d/%d boilerplate kept out%n",
        r.tp(), r.tp() + r.fn(), r.tn(), r.tn() + r.fp());
    System.out.printf(
        "  title %.3f (%d)  author %.3f (%d)  date %.3f (%d)%n",
        r.title().value(),
        r.title().total(),
        r.author().value(),
        r.author().total(),
        r.date().value(),
        r.date().total());
    return 0;
  }

  private static double f1(ShingleScore s) {
    double p = s.precision();
    double r = s.recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
