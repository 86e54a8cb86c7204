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
            + " choosing on dev-rw only. Default: the head over the frozen int8 encoder;"
            + " --finetune fine-tunes the whole encoder with DJL (hours on 2 cores).",
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

  @Option(names = "--finetune", description = "Fine-tune the encoder (DJL, PyTorch on the CPU).")
  boolean finetune;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Training settings, e.g. epochs=3 batch=16 lr=5e-5 threads=2 (see the module's trainers).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    Map<String, String> options = new LinkedHashMap<>(settings);
    options.put("mode", finetune ? "finetune" : "head");
    TargetSentimentModel.provider("precise").train(data, out, options, System.out);
    return 0;
  }
}
