package io.newsdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.enrich.entities.DefaultEntityTagger;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import io.newsdesk.enrich.sentiment.UnlabelledTargets;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk train sentiment-pseudo-labels}: news targets outside NewsMTSC labelled by the
 * precise model, for {@code train sentiment --pseudo}.
 */
@Command(
    name = "sentiment-pseudo-labels",
    description =
        "Label people and organisations in news sentences (CoNLL-2003 train, English scrapinghub"
            + " article bodies, names in NewsMTSC train that are not its targets) with the precise"
            + " model (module sentiment-precise,"
            + " -Pprecise): NewsMTSC lines with each target's polarity and class probabilities,"
            + " for `train sentiment --pseudo`.",
    mixinStandardHelpOptions = true)
public final class TrainPseudoLabelsCommand implements Callable<Integer> {

  private static final String DATA = "${sys:newsdesk.shared.dir:-../shared}/data";

  @Option(
      names = "--conll",
      defaultValue = DATA + "/ner/conll2003/eng.train",
      description = "CoNLL-2003 file: its sentences and gold PER/ORG names (skipped when absent).")
  Path conll;

  @Option(
      names = "--articles",
      defaultValue = DATA + "/extraction/scrapinghub/ground-truth.json",
      description =
          "JSON {id: {articleBody}}: sentences and the PER/ORG names our tagger finds in them"
              + " (skipped when absent).")
  Path articles;

  @Option(
      names = "--newsmtsc-train",
      defaultValue = DATA + "/sentiment/newsmtsc/train.jsonl",
      description =
          "NewsMTSC train: the PER/ORG names our tagger finds in its sentences that are not"
              + " targets there (skipped when absent; never the dev or test splits).")
  Path newsMtscTrain;

  @Option(
      names = "--out",
      defaultValue = "target/sentiment-pseudo-labels.jsonl",
      description = "Where to write the labelled lines (data: keep it out of the repository).")
  Path out;

  @Option(
      names = "--sentiment",
      defaultValue = "precise",
      paramLabel = "MODEL",
      description = "The teacher: a plugged-in sentiment model (default precise).")
  String teacher;

  @Option(names = "--threads", defaultValue = "2", description = "Labelling threads.")
  int threads;

  /** Where unlabelled targets come from. */
  enum Source {
    newsmtsc,
    conll,
    articles
  }

  @Option(
      names = "--sources",
      split = ",",
      defaultValue = "newsmtsc",
      description =
          "Which of newsmtsc, conll, articles to label (default ${DEFAULT-VALUE}: what the"
              + " shipped model was trained with; the other two, out of domain, cost dev-rw F1m).")
  java.util.Set<Source> sources;

  @Override
  public Integer call() throws Exception {
    List<UnlabelledTargets.Candidate> candidates = new ArrayList<>();
    if (sources.contains(Source.conll) && Files.isRegularFile(conll)) {
      candidates.addAll(UnlabelledTargets.fromConll(conll));
      System.out.printf("%s: %d sentences%n", conll, candidates.size());
    }
    if (sources.contains(Source.articles) && Files.isRegularFile(articles)) {
      List<String> bodies = new ArrayList<>();
      new ObjectMapper()
          .readTree(articles.toFile())
          .forEach(a -> bodies.add(a.path("articleBody").asText("")));
      List<UnlabelledTargets.Candidate> found =
          UnlabelledTargets.fromArticles(bodies, DefaultEntityTagger.loadDefault());
      System.out.printf("%s: %d sentences%n", articles, found.size());
      candidates.addAll(found);
    }
    if (sources.contains(Source.newsmtsc) && Files.isRegularFile(newsMtscTrain)) {
      List<UnlabelledTargets.Candidate> found =
          UnlabelledTargets.fromNewsMtsc(newsMtscTrain, DefaultEntityTagger.loadDefault());
      System.out.printf("%s: %d sentences%n", newsMtscTrain, found.size());
      candidates.addAll(found);
    }
    if (candidates.isEmpty()) {
      System.err.println("no unlabelled targets from " + sources + ": is ../shared/data there?");
      return 1;
    }
    double[][][] labels = new double[candidates.size()][][];
    String version;
    long start = System.nanoTime();
    try (TargetSentimentModel model = TargetSentimentModel.provider(teacher).loadAlone()) {
      version = model.version();
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < labels.length; ) {
                    UnlabelledTargets.Candidate c = candidates.get(i);
                    labels[i] = model.probabilities(c.sentence(), c.targets());
                    if (i % 2000 == 0) {
                      System.out.printf("  %d/%d sentences%n", i, labels.length);
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
    }
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    long targets = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < labels.length; i++) {
        ObjectNode line = candidates.get(i).toJson();
        line.put("teacher", version);
        for (int j = 0; j < labels[i].length; j++) {
          double[] p = labels[i][j];
          int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
          ObjectNode t = (ObjectNode) line.path("targets").get(j);
          t.put("polarity", 2.0 + 2.0 * best);
          var probs = t.putArray("probabilities");
          for (double v : p) {
            probs.add(Math.round(v * 1e4) / 1e4);
          }
          targets++;
        }
        w.write(line.toString());
        w.newLine();
      }
    }
    System.out.printf(
        "Wrote %s: %d targets in %d sentences labelled by %s (%.0f s)%n",
        out, targets, labels.length, version, (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
