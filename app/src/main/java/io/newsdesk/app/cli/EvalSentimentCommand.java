package io.newsdesk.app.cli;

import io.newsdesk.enrich.sentiment.SentimentEvaluation;
import io.newsdesk.enrich.sentiment.TargetSentiment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk eval sentiment}: F1m and accuracy of target sentiment on NewsMTSC. */
@Command(
    name = "sentiment",
    description = "Score sentiment toward entities on a NewsMTSC file: macro-F1 (F1m), accuracy.",
    mixinStandardHelpOptions = true)
public final class EvalSentimentCommand implements Callable<Integer> {

  @Option(
      names = "--newsmtsc",
      defaultValue =
          "${sys:newsdesk.shared.dir:-../shared}/data/sentiment/newsmtsc/dev-rw/dev.jsonl",
      description = "Labelled NewsMTSC JSON lines.")
  Path file;

  @Option(names = "--model", description = "A model file instead of the shipped one.")
  Path model;

  @Override
  public Integer call() throws Exception {
    TargetSentiment m = model == null ? TargetSentiment.standard() : TargetSentiment.read(model);
    System.out.println(file + " [" + m.version() + "]");
    System.out.println(SentimentEvaluation.evaluate(m, file).summary());
    return 0;
  }
}
