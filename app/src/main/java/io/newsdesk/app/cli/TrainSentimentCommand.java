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

  @Override
  public Integer call() throws Exception {
    byte[] model = SentimentTrainer.train(train, SentimentTrainer.Config.defaults());
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
