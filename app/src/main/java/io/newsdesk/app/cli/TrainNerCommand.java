package io.newsdesk.app.cli;

import io.newsdesk.enrich.entities.NerTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk train ner}: rebuilds the entity model from CoNLL-2003, deterministically. */
@Command(
    name = "ner",
    description =
        "Train the named-entity model (averaged structured perceptron, Viterbi) on CoNLL data.",
    mixinStandardHelpOptions = true)
public final class TrainNerCommand implements Callable<Integer> {

  @Option(
      names = "--train",
      required = true,
      split = ",",
      description = "CoNLL training file(s), comma-separated (eng.train, or eng.train,eng.testa).")
  List<Path> train;

  @Option(names = "--dev", description = "CoNLL file to report F1 on while training (eng.testa).")
  Path dev;

  @Option(
      names = "--glove",
      description = "GloVe vectors for word classes (default: ${DEFAULT-VALUE}).",
      defaultValue = "../shared/data/embeddings/glove-6b-100d-top120k.txt.gz")
  Path glove;

  @Option(names = "--out", required = true, description = "Model file to write (.bin.gz).")
  Path out;

  @Option(names = "--epochs", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
  int epochs = NerTrainer.Options.defaults().epochs();

  @Option(
      names = "--mixtures",
      description =
          "Models averaged per stage, each seeing another order (default: ${DEFAULT-VALUE}).")
  int mixtures = NerTrainer.Options.defaults().mixtures();

  @Option(names = "--seed", description = "Shuffling seed (default: ${DEFAULT-VALUE}).")
  long seed = NerTrainer.Options.defaults().seed();

  @Option(
      names = "--identity-dropout",
      description =
          "Share of capitalised training tokens whose word-identity features are hidden in each"
              + " pass, so the model learns names from shape, word classes, gazetteers and context"
              + " (default: ${DEFAULT-VALUE}).")
  float identityDropout = NerTrainer.Options.defaults().identityDropout();

  @Option(
      names = "--type-prototypes",
      description =
          "Buckets of the GloVe type-prototype word class (the nearest type's prototype and its"
              + " lead over the second, from the training names); 0 for none. Chosen on the"
              + " Wikipedia-style dev set: the same on testa, better on text that is not news"
              + " (default: ${DEFAULT-VALUE}).")
  int typePrototypes = NerTrainer.Options.defaults().typePrototypes();

  @Option(
      names = "--case-augment",
      description =
          "Share of training sentences added again in title case or in capitals (every other"
              + " copy), as headlines and datelines set them (default: ${DEFAULT-VALUE}).")
  double caseAugment = 0;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(glove)) {
      System.err.println("GloVe vectors not found: " + glove);
      return 2;
    }
    NerTrainer.Options d = NerTrainer.Options.defaults();
    NerTrainer.Options options =
        new NerTrainer.Options(
            epochs,
            seed,
            d.minWeight(),
            d.stages(),
            d.clusterSizes(),
            mixtures,
            identityDropout,
            typePrototypes);
    NerTrainer.train(train, dev, glove, out, options, caseAugment);
    return 0;
  }
}
