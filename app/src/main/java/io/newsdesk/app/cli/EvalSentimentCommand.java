package io.newsdesk.app.cli;

import io.newsdesk.enrich.sentiment.SentimentEvaluation;
import io.newsdesk.enrich.sentiment.TargetSentiment;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk eval sentiment}: F1m and accuracy of target sentiment on NewsMTSC. */
@Command(
    name = "sentiment",
    description =
        "Score sentiment toward entities on NewsMTSC dev-rw and dev-mt: macro-F1 (F1m),"
            + " accuracy, and targets/s on one thread.",
    mixinStandardHelpOptions = true)
public final class EvalSentimentCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private static final String DATA =
      "${sys:newsdesk.shared.dir:-../shared}/data/sentiment/newsmtsc";

  @Option(
      names = "--newsmtsc",
      split = ",",
      defaultValue = DATA + "/dev-rw/dev.jsonl," + DATA + "/dev-mt/dev.jsonl",
      description = "Labelled NewsMTSC JSON lines (default: dev-rw and dev-mt).")
  List<Path> files;

  @Option(
      names = "--seconds",
      defaultValue = "4",
      description = "How long to measure targets/s on one thread (0 skips it).")
  double seconds;

  @Option(names = "--model", description = "A model file instead of the shipped one.")
  Path model;

  @Option(
      names = "--precise",
      description = "Score the precise model (module sentiment-precise) instead of the fast one.")
  boolean precise;

  @Override
  public Integer call() throws Exception {
    if (precise) {
      TargetSentimentModel.Provider provider;
      try {
        provider = TargetSentimentModel.provider("precise");
      } catch (IllegalStateException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      try (TargetSentimentModel m = provider.load()) {
        System.out.println("model " + m.version());
        for (Path file : files) {
          System.out.println(file + ": " + TargetSentimentModel.evaluate(m, file).summary());
        }
        if (seconds > 0) {
          System.out.printf(
              "%.0f targets/s on one thread (per CPU-second)%n",
              TargetSentimentModel.targetsPerSecond(m, files, seconds));
        }
      }
      return 0;
    }
    TargetSentiment m = model == null ? TargetSentiment.standard() : TargetSentiment.read(model);
    System.out.println("model " + m.version());
    for (Path file : files) {
      System.out.println(file + ": " + SentimentEvaluation.evaluate(m, file).summary());
    }
    if (seconds > 0) {
      System.out.printf(
          "%.0f targets/s on one thread (per CPU-second)%n",
          SentimentEvaluation.targetsPerSecond(m, files, seconds));
    }
    return 0;
  }
}
