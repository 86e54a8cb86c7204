package io.newsdesk.app.cli;

import io.newsdesk.enrich.sentiment.SentimentEvaluation;
import io.newsdesk.enrich.sentiment.SentimentTrainer;
import io.newsdesk.enrich.sentiment.TargetSentiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk train sentiment}: rebuilds the shipped target sentiment model from NewsMTSC. */
@Command(
    name = "sentiment",
    description = "Train sentiment toward entities on NewsMTSC (seeded: same data, same bytes).",
    mixinStandardHelpOptions = true)
public final class TrainSentimentCommand implements Callable<Integer> {

  private static final String DATA =
      "${sys:newsdesk.shared.dir:-../shared}/data/sentiment/newsmtsc";

  @Option(names = "--train", defaultValue = DATA + "/train.jsonl", description = "NewsMTSC train.")
  Path train;

  @Option(
      names = "--dev",
      split = ",",
      defaultValue = DATA + "/dev-rw/dev.jsonl," + DATA + "/dev-mt/dev.jsonl",
      description = "Labelled NewsMTSC files to score the new model on.")
  List<Path> dev;

  @Option(
      names = "--out",
      defaultValue = "enrich/src/main/resources/io/newsdesk/enrich/sentiment/newsmtsc-model.bin.gz",
      description = "Where to write the model.")
  Path out;

  @Option(
      names = "--pseudo",
      paramLabel = "FILE.jsonl",
      description =
          "Also train on targets the precise model labelled (written by `newsdesk train"
              + " sentiment-pseudo-labels`, which needs -Pprecise); none by default.")
  Path pseudo;

  @Option(
      names = "--pseudo-weight",
      defaultValue = "1.0",
      description =
          "Weight of a pseudo-labelled target against a gold one (default ${DEFAULT-VALUE}).")
  double pseudoWeight;

  @Option(
      names = "--pseudo-min-confidence",
      defaultValue = "0.0",
      description =
          "Leave out pseudo-labelled targets whose top class probability is below this (default"
              + " ${DEFAULT-VALUE}).")
  double pseudoMinConfidence;

  @Option(
      names = "--pseudo-hard",
      description = "Train towards the teacher's arg-max label instead of its probabilities.")
  boolean pseudoHard;

  @Option(
      names = "--pseudo-balanced",
      description =
          "Balance the pseudo-labelled classes among themselves, so that the teacher's class mix"
              + " does not move the student's prior.")
  boolean pseudoBalanced;

  @Option(
      names = "--rebuild-clusters",
      description =
          "First rebuild the GloVe word classes (k-means) into --clusters-out from --glove; the"
              + " model trained in the same run still uses the classes on the classpath, so"
              + " rebuild the jar and train again after changing them.")
  boolean rebuildClusters;

  @Option(
      names = "--glove",
      defaultValue =
          "${sys:newsdesk.shared.dir:-../shared}/data/embeddings/glove-6b-100d-top120k.txt.gz",
      description = "GloVe vectors, gzipped text, most frequent words first.")
  Path glove;

  @Option(
      names = "--clusters-out",
      defaultValue = "enrich/src/main/resources/io/newsdesk/enrich/sentiment/glove-clusters.tsv.gz",
      description = "Where to write the word classes.")
  Path clustersOut;

  @Option(
      names = "--rebuild-vectors",
      description =
          "First rebuild the compact GloVe vectors and the lexicon polarity extended through them"
              + " into --vectors-out from --glove; as with --rebuild-clusters, rebuild the jar and"
              + " train again afterwards.")
  boolean rebuildVectors;

  @Option(
      names = "--vectors-out",
      defaultValue = "enrich/src/main/resources/io/newsdesk/enrich/sentiment/glove-vectors.bin.gz",
      description = "Where to write the word vectors.")
  Path vectorsOut;

  @Override
  public Integer call() throws Exception {
    if (rebuildVectors) {
      byte[] vectors = SentimentTrainer.buildWordVectors(glove);
      Files.write(vectorsOut, vectors);
      System.out.printf("Wrote %s (%d bytes)%n", vectorsOut, vectors.length);
      if (!rebuildClusters) {
        return 0;
      }
    }
    if (rebuildClusters) {
      byte[] clusters = SentimentTrainer.buildWordClusters(glove);
      Files.write(clustersOut, clusters);
      System.out.printf("Wrote %s (%d bytes)%n", clustersOut, clusters.length);
      return 0;
    }
    byte[] model =
        pseudo == null
            ? SentimentTrainer.train(train, SentimentTrainer.Config.defaults())
            : SentimentTrainer.train(
                train,
                pseudo,
                SentimentTrainer.Config.defaults(),
                new SentimentTrainer.Pseudo(
                    pseudoWeight, pseudoMinConfidence, !pseudoHard, pseudoBalanced));
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.write(out, model);
    TargetSentiment trained = TargetSentiment.read(out);
    System.out.printf("Wrote %s (%d bytes, %s)%n", out, model.length, trained.version());
    for (Path d : dev) {
      if (Files.isRegularFile(d)) {
        System.out.println(d + ": " + SentimentEvaluation.evaluate(trained, d).summary());
      }
    }
    return 0;
  }
}
