package io.newsdesk.app;

import io.newsdesk.app.cli.BenchCommand;
import io.newsdesk.app.cli.DemoCommand;
import io.newsdesk.app.cli.EnrichCommand;
import io.newsdesk.app.cli.EvalCommand;
import io.newsdesk.app.cli.ExtractCommand;
import io.newsdesk.app.cli.IngestCommand;
import io.newsdesk.app.cli.RunCommand;
import io.newsdesk.app.cli.SinkCommand;
import io.newsdesk.app.cli.SourcesCommand;
import io.newsdesk.app.cli.TagCommand;
import io.newsdesk.app.cli.TrainCommand;
import io.newsdesk.app.cli.TrendsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code newsdesk} command. */
@Command(
    name = "newsdesk",
    description = "Watch news sources and turn what they publish into clean, tagged articles.",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskVersion.class,
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      IngestCommand.class,
      SourcesCommand.class,
      EnrichCommand.class,
      SinkCommand.class,
      TagCommand.class,
      BenchCommand.class,
      EvalCommand.class,
      TrainCommand.class,
      ExtractCommand.class,
      TrendsCommand.class,
      // one line per command
    })
public final class Newsdesk implements Runnable {

  static {
    // Avro 1.12 reads its trusted packages once, when its validator class loads: set them first.
    if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
      System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.newsdesk.schema");
    }
  }

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
