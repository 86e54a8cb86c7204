package io.newsdesk.app.cli;

import io.newsdesk.enrich.entities.GazetteerCompiler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk train gazetteers}: compiles the open name lists the entity model matches. */
@Command(
    name = "gazetteers",
    description =
        "Compile the entity gazetteers (GeoNames, US names, SEC companies, football clubs) into"
            + " the resource the NER features match; retrain the NER model afterwards.",
    mixinStandardHelpOptions = true)
public final class TrainGazetteersCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      description = "Folder of the lists (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/data/gazetteers")
  Path data;

  @Option(
      names = "--out",
      description = "Resource to write (default: ${DEFAULT-VALUE}).",
      defaultValue = "enrich/src/main/resources/io/newsdesk/enrich/entities/gazetteer-lists.txt.gz")
  Path out;

  @Override
  public Integer call() throws Exception {
    GazetteerCompiler.compile(data, out);
    System.out.println("wrote " + out);
    return 0;
  }
}
