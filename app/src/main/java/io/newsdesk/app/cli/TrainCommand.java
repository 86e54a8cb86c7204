package io.newsdesk.app.cli;

import picocli.CommandLine.Command;

/** {@code newsdesk train ...}: rebuilds a committed model from ../shared/data, exactly (seeded). */
@Command(
    name = "train",
    description = "Rebuild a shipped model from training data.",
    mixinStandardHelpOptions = true,
    subcommands = {
      TrainSentimentCommand.class,
      TrainPreciseSentimentCommand.class,
      TrainPseudoLabelsCommand.class,
      TrainNerCommand.class,
      TrainGazetteersCommand.class,
      // one line per trainer
    })
public final class TrainCommand implements Runnable {
  @Override
  public void run() {
    System.err.println("Name what to train; see: newsdesk train --help");
  }
}
