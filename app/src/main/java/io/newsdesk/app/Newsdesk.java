package io.newsdesk.app;

import io.newsdesk.app.cli.EvalCommand;
import io.newsdesk.app.cli.ExtractCommand;
import io.newsdesk.app.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code newsdesk} command. */
@Command(
    name = "newsdesk",
    description = "Watch news sources and turn what they publish into clean, tagged articles.",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskVersion.class,
    subcommands = {
      EvalCommand.class,
      TrainCommand.class,
      ExtractCommand.class,
      // one line per command
    })
public final class Newsdesk implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, for tests and for main. */
  public static CommandLine commandLine() {
    return new CommandLine(new Newsdesk()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
