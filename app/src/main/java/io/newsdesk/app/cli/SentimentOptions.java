package io.newsdesk.app.cli;

import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.enrich.sentiment.BudgetedSentimentAnnotator;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import picocli.CommandLine.Option;

/** {@code --sentiment fast|precise} and {@code --sentiment-budget N} for run, enrich and tag. */
public final class SentimentOptions {

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

  boolean precise() {
    return !model.equals("fast");
  }

  /** Fails fast, before anything starts, when the chosen model is not on the class path. */
  void check() {
    if (precise()) {
      TargetSentimentModel.provider(model);
    }
  }

  /** The components with the chosen sentiment model; fails fast when it is not on the class path. */
  EnrichComponents apply(EnrichComponents components) {
    if (!precise()) {
      return components;
    }
    TargetSentimentModel m = TargetSentimentModel.provider(model).load();
    return new EnrichComponents(
        components.extractor(),
        components.tagger(),
        new BudgetedSentimentAnnotator(components.sentiment(), m, budget));
  }
}
