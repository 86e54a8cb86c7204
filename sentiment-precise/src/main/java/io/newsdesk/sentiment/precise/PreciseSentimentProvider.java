package io.newsdesk.sentiment.precise;

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

  @Override
  public TargetSentimentModel load() {
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
