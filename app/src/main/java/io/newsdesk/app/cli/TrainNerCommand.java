package io.newsdesk.app.cli;

import io.newsdesk.enrich.entities.NerTrainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk train ner}: rebuilds the entity model from CoNLL-2003, deterministically. */
@Command(
    name = "ner",
    description = "Train the named-entity model (averaged perceptron) on CoNLL data.",
    mixinStandardHelpOptions = true)
public final class TrainNerCommand implements Callable<Integer> {

  @Option(names = "--train", required = true, description = "CoNLL training file (eng.train).")
  Path train;

  @Option(names = "--dev", description = "CoNLL file to report F1 on while training (eng.testa).")
  Path dev;

  @Option(
      names = "--unlabelled",
      description = "Folder of HTML pages for word classes (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/data/extraction")
  Path unlabelled;

  @Option(names = "--out", required = true, description = "Model file to write (.bin.gz).")
  Path out;

  @Option(names = "--epochs", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
  int epochs = NerTrainer.Options.defaults().epochs();

  @Option(names = "--seed", description = "Shuffling seed (default: ${DEFAULT-VALUE}).")
  long seed = NerTrainer.Options.defaults().seed();

  @Override
  public Integer call() throws Exception {
    NerTrainer.Options d = NerTrainer.Options.defaults();
    NerTrainer.Options options =
        new NerTrainer.Options(
            epochs, seed, d.minWeight(), d.stages(), d.clusterSizes(), d.mixtures());
    NerTrainer.train(train, dev, unlabelled, out, options);
    return 0;
  }
}
