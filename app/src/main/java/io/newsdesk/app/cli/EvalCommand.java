package io.newsdesk.app.cli;

import picocli.CommandLine.Command;

/** {@code newsdesk eval ...}: quality measured with the same metric the published figures use. */
@Command(
    name = "eval",
    description = "Measure quality against public benchmarks (../shared/data).",
    mixinStandardHelpOptions = true,
    subcommands = {
      EvalSentimentCommand.class,
      EvalNerCommand.class,
      EvalExtractionCommand.class,
      EvalFeedsCommand.class,
      EvalDedupCommand.class,
      // one line per evaluator
    })
public final class EvalCommand implements Runnable {
  @Override
  public void run() {
    System.err.println("Name what to evaluate; see: newsdesk eval --help");
  }
}
