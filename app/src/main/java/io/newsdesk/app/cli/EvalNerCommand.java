package io.newsdesk.app.cli;

import io.newsdesk.enrich.entities.ConllCorpus;
import io.newsdesk.enrich.entities.EntityRecognizer;
import io.newsdesk.enrich.entities.NerEvaluation;
import io.newsdesk.enrich.entities.PerceptronEntityRecognizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk eval ner}: conlleval precision, recall and F1 per type, and tokens/s. */
@Command(
    name = "ner",
    description = "Score the named-entity model on a CoNLL file (exact span and type).",
    mixinStandardHelpOptions = true)
public final class EvalNerCommand implements Callable<Integer> {

  @Option(names = "--conll", required = true, description = "CoNLL file with gold tags.")
  Path conll;

  @Option(names = "--model", description = "Model file (default: the shipped model).")
  Path model;

  @Override
  public Integer call() throws Exception {
    EntityRecognizer recognizer =
        model == null
            ? PerceptronEntityRecognizer.loadDefault()
            : PerceptronEntityRecognizer.load(model);
    List<ConllCorpus.Document> docs = ConllCorpus.read(conll);
    NerEvaluation e = NerEvaluation.evaluate(recognizer, docs);
    System.out.println("model: " + recognizer.version());
    System.out.print(e.report());
    // Speed on this one thread, measured on a second pass once the code is compiled.
    long tokens = 0;
    for (ConllCorpus.Document d : docs) {
      for (String[] s : d.words()) {
        tokens += s.length;
      }
    }
    // Best of three passes, timed by the wall clock and by this thread's CPU time (which a busy
    // shared machine does not inflate).
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double wall = Double.MAX_VALUE;
    double cpu = Double.MAX_VALUE;
    for (int pass = 0; pass < 3; pass++) {
      long t0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      NerEvaluation.evaluate(recognizer, docs);
      wall = Math.min(wall, (System.nanoTime() - t0) / 1e9);
      cpu = Math.min(cpu, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "speed: %.0f tokens/s on one thread (%d tokens; %.0f tokens per CPU-second)%n",
        tokens / wall,
        tokens,
        tokens / cpu);
    return 0;
  }
}
