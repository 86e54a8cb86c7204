package io.newsdesk.app.cli;

import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.enrich.sentiment.BudgetedSentimentAnnotator;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --sentiment fast|precise} and {@code --sentiment-budget N} for run, enrich and tag. */
public final class SentimentOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--sentiment",
      defaultValue = "fast",
      paramLabel = "fast|precise",
      description =
          "Sentiment toward entities: fast (built in, default) or precise (fine-tuned MiniLM, module"
              + " sentiment-precise; bin/newsdesk builds it when asked).")
  String model;

  @Option(
      names = "--sentiment-budget",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "With --sentiment precise: only the N most salient entities per article go through the"
              + " precise model, the others keep the fast one's sentiment (0: all).")
  int budget;

  /** The chosen plugged-in model (precise() only). */
  TargetSentimentModel load() {
    return provider().load();
  }

  boolean precise() {
    return !model.equals("fast");
  }

  /** Fails fast, before anything starts, when the chosen model is not on the class path. */
  void check() {
    if (precise()) {
      provider();
    }
  }

  private TargetSentimentModel.Provider provider() {
    try {
      return TargetSentimentModel.provider(model);
    } catch (IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * The components with the chosen sentiment model; fails fast when it is not on the class path.
   */
  EnrichComponents apply(EnrichComponents components) {
    if (!precise()) {
      return components;
    }
    TargetSentimentModel m = load();
    return new EnrichComponents(
        components.extractor(),
        components.tagger(),
        new BudgetedSentimentAnnotator(components.sentiment(), m, budget));
  }
}
