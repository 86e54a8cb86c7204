package io.newsdesk.app.cli;

import io.newsdesk.ingest.feed.eval.FeedEvalReport;
import io.newsdesk.ingest.feed.eval.FeedparserEval;
import io.newsdesk.ingest.feed.eval.RomeLabelEval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsdesk eval feeds DIR}: the feed parser against the feedparser and ROME corpora. */
@Command(
    name = "feeds",
    description =
        "Score the feed parser: feedparser Expect: checks that apply to what Newsdesk keeps, and"
            + " ROME's self-labelled feeds. DIR holds feedparser/ and rome/"
            + " (e.g. ../shared/data/feeds).",
    mixinStandardHelpOptions = true)
public final class EvalFeedsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "Directory with feedparser/ and rome/")
  Path dir;

  @Option(names = "--failures", description = "List up to N failed checks (default 0).")
  int failures;

  @Override
  public Integer call() throws Exception {
    Path feedparser = dir.resolve("feedparser");
    Path rome = dir.resolve("rome");
    if (!Files.isDirectory(feedparser) && !Files.isDirectory(rome)) {
      System.err.println("No feedparser/ or rome/ under " + dir);
      return 2;
    }
    if (Files.isRegularFile(feedparser.resolve("expectations-index.json"))) {
      System.out.print(FeedEvalReport.feedparser(new FeedparserEval().run(feedparser), failures));
    }
    if (Files.isDirectory(rome)) {
      System.out.print(FeedEvalReport.rome(new RomeLabelEval().run(rome), failures));
    }
    return 0;
  }
}
