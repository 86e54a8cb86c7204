package io.newsdesk.app.cli;

import io.newsdesk.enrich.entities.ConllCorpus;
import io.newsdesk.enrich.entities.EntityRecognizer;
import io.newsdesk.enrich.entities.NerEvaluation;
import io.newsdesk.enrich.entities.PerceptronEntityRecognizer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk eval ner}: conlleval precision, recall and F1 of the entity model. */
@Command(
    name = "ner",
    description = "Score the named-entity model on a CoNLL file (exact span and type).",
    mixinStandardHelpOptions = true)
public final class EvalNerCommand implements Callable<Integer> {

  @Option(names = "--conll", required = true, description = "CoNLL file with gold tags.")
  Path conll;

  @Option(names = "--model", description = "Model file (default: the shipped model).")
  Path model;

  @Override
  public Integer call() throws Exception {
    EntityRecognizer recognizer =
        model == null
            ? PerceptronEntityRecognizer.loadDefault()
            : PerceptronEntityRecognizer.load(model);
    NerEvaluation e = NerEvaluation.evaluate(recognizer, ConllCorpus.read(conll));
    System.out.println("model: " + recognizer.version());
    System.out.print(e.report());
    return 0;
  }
}
