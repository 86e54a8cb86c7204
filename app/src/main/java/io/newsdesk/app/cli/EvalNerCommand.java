package io.newsdesk.app.cli;

import io.newsdesk.enrich.entities.ConllCorpus;
import io.newsdesk.enrich.entities.EntityRecognizer;
import io.newsdesk.enrich.entities.NerEvaluation;
import io.newsdesk.enrich.entities.NerTrainer;
import io.newsdesk.enrich.entities.PerceptronEntityRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk eval ner}: conlleval precision, recall and F1 per type, and tokens/s. */
@Command(
    name = "ner",
    description = "Score the named-entity model on a CoNLL file (exact span and type).",
    mixinStandardHelpOptions = true)
public final class EvalNerCommand implements Callable<Integer> {

  @Option(names = "--conll", description = "CoNLL file with gold tags.")
  Path conll;

  @Option(
      names = "--cv",
      description =
          "Instead: k-fold cross-validation on the --train file(s) with the training recipe of"
              + " `newsdesk train ner` (k contiguous blocks; trains k models), each fold scored"
              + " as --rules says (the news rules for given sentences by default; none: the"
              + " recognizer alone).")
  Integer cv;

  @Option(
      names = "--train",
      split = ",",
      description =
          "CoNLL file(s) to cross-validate on, with --cv (eng.train); with --conll, the file(s)"
              + " the model was trained on: adds the scores of the unseen names (gold entities"
              + " whose text is no entity there).")
  List<Path> train;

  @Option(
      names = "--glove",
      description = "GloVe vectors for word classes, with --cv (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/data/embeddings/glove-6b-100d-top120k.txt.gz")
  Path glove;

  @Option(names = "--model", description = "Model file (default: the shipped model).")
  Path model;

  @picocli.CommandLine.Mixin NameRules rules;

  @Override
  public Integer call() throws Exception {
    if (cv != null) {
      return crossValidate();
    }
    if (conll == null) {
      System.err.println("--conll FILE is required (or --cv K --train FILE)");
      return 2;
    }
    EntityRecognizer recognizer =
        model == null
            ? PerceptronEntityRecognizer.loadDefault()
            : PerceptronEntityRecognizer.load(model);
    recognizer = rules.apply(recognizer);
    List<ConllCorpus.Document> docs = ConllCorpus.read(conll);
    Set<String> seen = null;
    if (train != null && !train.isEmpty()) {
      List<ConllCorpus.Document> trained = new ArrayList<>();
      for (Path p : train) {
        trained.addAll(ConllCorpus.read(p));
      }
      seen = NerEvaluation.entityNames(trained);
    }
    NerEvaluation e = NerEvaluation.evaluate(recognizer, docs, seen);
    System.out.println("model: " + recognizer.version());
    System.out.print(e.report());
    System.out.print(e.unseenReport());
    System.out.print(e.unseenErrorReport());
    // Speed on this one thread in the steady state: the scoring pass above and one more untimed
    // pass warm the code up (JIT); then whole passes are timed until at least five seconds of this
    // thread's CPU have gone by. CPU time is what a busy shared machine does not inflate.
    long tokens = 0;
    for (ConllCorpus.Document d : docs) {
      for (String[] s : d.words()) {
        tokens += s.length;
      }
    }
    tagAll(recognizer, docs);
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = mx.getCurrentThreadCpuTime();
    int passes = 0;
    long cpuNanos;
    do {
      tagAll(recognizer, docs);
      passes++;
      cpuNanos = mx.getCurrentThreadCpuTime() - c0;
    } while (cpuNanos < 5_000_000_000L || passes < 3);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = cpuNanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "speed (after 2 untimed warm-up passes; %d timed passes of %d tokens, %.1f s wall, %.1f s"
            + " CPU): %.0f tokens/s on one thread, %.0f tokens per CPU-second%n",
        passes,
        tokens,
        wall,
        cpu,
        tokens * passes / wall,
        tokens * passes / cpu);
    return 0;
  }

  private static void tagAll(EntityRecognizer recognizer, List<ConllCorpus.Document> docs) {
    for (ConllCorpus.Document d : docs) {
      if (!d.sentences().isEmpty()) {
        recognizer.tagDocument(d.words());
      }
    }
  }

  private int crossValidate() throws Exception {
    if (train == null || train.isEmpty()) {
      System.err.println("--cv needs --train FILE (eng.train)");
      return 2;
    }
    if (!Files.exists(glove)) {
      System.err.println("GloVe vectors not found: " + glove);
      return 2;
    }
    List<ConllCorpus.Document> docs = new ArrayList<>();
    for (Path p : train) {
      docs.addAll(ConllCorpus.read(p));
    }
    List<NerEvaluation> folds =
        NerTrainer.crossValidate(docs, cv, glove, NerTrainer.Options.defaults(), rules::apply);
    NerEvaluation pooled = new NerEvaluation();
    for (int i = 0; i < folds.size(); i++) {
      System.out.printf(
          Locale.ROOT,
          "fold %d of %d: F1 %.2f%n",
          i + 1,
          folds.size(),
          100 * folds.get(i).f1(null));
      pooled.addAll(folds.get(i));
    }
    System.out.printf(
        Locale.ROOT,
        "%d-fold cross-validation on %s (rules: %s), pooled:%n",
        cv,
        train,
        rules.mode);
    System.out.print(pooled.report());
    return 0;
  }
}
