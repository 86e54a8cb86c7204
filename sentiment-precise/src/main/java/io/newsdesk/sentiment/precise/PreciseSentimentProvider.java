package io.newsdesk.sentiment.precise;

import io.newsdesk.enrich.sentiment.TargetSentiment;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** {@code --sentiment precise}: the fine-tuned MiniLM, found by {@link java.util.ServiceLoader}. */
public final class PreciseSentimentProvider implements TargetSentimentModel.Provider {

  @Override
  public String name() {
    return "precise";
  }

  /**
   * The fine-tuned MiniLM blended with the fast model at the weight of the system property {@code
   * newsdesk.precise.blend} (default {@value BlendedSentimentModel#DEFAULT_WEIGHT}; 0: the MiniLM
   * alone).
   */
  @Override
  public TargetSentimentModel load() {
    double weight =
        BlendedSentimentModel.weight(
            System.getProperty(
                "newsdesk.precise.blend", String.valueOf(BlendedSentimentModel.DEFAULT_WEIGHT)));
    OnnxSentimentModel precise = OnnxSentimentModel.load();
    return weight == 0
        ? precise
        : new BlendedSentimentModel(precise, TargetSentiment.standard(), weight);
  }

  /** The fine-tuned MiniLM alone, the teacher of the fast model's pseudo-labels. */
  @Override
  public TargetSentimentModel loadAlone() {
    return OnnxSentimentModel.load();
  }

  @Override
  public void train(Path newsMtsc, Path out, Map<String, String> options, PrintStream log)
      throws IOException {
    String mode = options.getOrDefault("mode", "top");
    if ("finetune".equals(mode)) {
      PreciseTrainer.train(newsMtsc, out, PreciseTrainer.Options.from(options), log);
    } else if ("top".equals(mode)) {
      TopLayerTrainer.train(newsMtsc, out, TopLayerTrainer.Options.from(options), log);
    } else {
      HeadTrainer.train(
          newsMtsc,
          out,
          Integer.parseInt(options.getOrDefault("threads", "2")),
          Integer.parseInt(options.getOrDefault("epochs", "30")),
          Long.parseLong(options.getOrDefault("seed", "17")),
          log);
    }
  }
}
