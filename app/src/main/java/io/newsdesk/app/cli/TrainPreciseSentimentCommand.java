package io.newsdesk.app.cli;

import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk train sentiment-precise}: rebuilds the precise sentiment model (module
 * sentiment-precise, built with {@code -Pprecise}) from NewsMTSC.
 */
@Command(
    name = "sentiment-precise",
    description =
        "Train the precise sentiment model (MiniLM, module sentiment-precise) on NewsMTSC train,"
            + " choosing on dev-rw only. Default: fine-tunes the top layers (--set top=2) and the"
            + " head with DJL over cached lower-layer states (in memory); --head-only fits the head"
            + " over the frozen int8 encoder (minutes); --finetune fine-tunes the whole encoder"
            + " (hours on 2 cores).",
    mixinStandardHelpOptions = true)
public final class TrainPreciseSentimentCommand implements Callable<Integer> {

  @Option(
      names = "--newsmtsc",
      defaultValue = "${sys:newsdesk.shared.dir:-../shared}/data/sentiment/newsmtsc",
      description = "NewsMTSC folder: train.jsonl, dev-rw/dev.jsonl, dev-mt/dev.jsonl.")
  Path data;

  @Option(
      names = "--out",
      defaultValue =
          "sentiment-precise/src/main/resources/io/newsdesk/sentiment/precise/minilm-newsmtsc.bin.gz",
      description = "Where to write the weights.")
  Path out;

  @Option(
      names = "--finetune",
      description = "Fine-tune the whole encoder (DJL, PyTorch on the CPU).")
  boolean finetune;

  @Option(names = "--head-only", description = "Fit only the head over the frozen int8 encoder.")
  boolean headOnly;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Training settings, e.g. top=2 epochs=2 batch=32 lr=1e-4 head-lr=1e-3 class-weights=true"
              + " eval-every=60 patience=3 threads=2 (see the module's trainers).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    Map<String, String> options = new LinkedHashMap<>(settings);
    if (finetune && headOnly) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "--finetune and --head-only exclude each other");
    }
    options.put("mode", finetune ? "finetune" : headOnly ? "head" : "top");
    TargetSentimentModel.provider("precise").train(data, out, options, System.out);
    return 0;
  }
}
