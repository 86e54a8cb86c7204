package io.newsdesk.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A target sentiment model plugged in from another module through {@link ServiceLoader} (the fast
 * model is built in): {@code --sentiment precise} selects the provider named {@code precise} when
 * its module is on the class path, and fails fast with how to build it when not.
 */
public interface TargetSentimentModel extends AutoCloseable {

  /**
   * Labels (0 negative, 1 neutral, 2 positive) of targets in one sentence; each target is its
   * mentions' character spans {@code [from0, to0, from1, to1, ...]}, the main mention first.
   */
  int[] predict(String sentence, List<int[]> targets);

  /** One sentence and its targets, as {@link #predict} takes them. */
  record Sentence(String text, List<int[]> targets) {}

  /**
   * Labels of the targets of many sentences, one array per sentence in order, as {@link #predict}
   * gives them. A model that can run inputs in batches overrides it (the precise one, which batches
   * only when asked, see its {@code newsdesk.precise.batch}); callers with many sentences at hand
   * (an article, an evaluation) pass them together.
   */
  default List<int[]> predictAll(List<Sentence> sentences) {
    List<int[]> out = new ArrayList<>(sentences.size());
    for (Sentence s : sentences) {
      out.add(predict(s.text(), s.targets()));
    }
    return out;
  }

  /**
   * Class probabilities (negative, neutral, positive) of the targets, as {@link #predict} takes
   * them; a model without calibrated scores gives its label probability 1.
   */
  default double[][] probabilities(String sentence, List<int[]> targets) {
    int[] labels = predict(sentence, targets);
    double[][] out = new double[labels.length][3];
    for (int i = 0; i < labels.length; i++) {
      out[i][labels[i]] = 1;
    }
    return out;
  }

  /** Name and version, recorded on every article. */
  String version();

  @Override
  default void close() {}

  /** Finds and builds a model; registered in {@code META-INF/services}. */
  interface Provider {

    /** What {@code --sentiment} calls it, e.g. {@code precise}. */
    String name();

    TargetSentimentModel load();

    /**
     * The model alone, without what {@link #load} may combine it with (the precise model blends in
     * the fast one): for labelling data the fast model then learns from.
     */
    default TargetSentimentModel loadAlone() {
      return load();
    }

    /**
     * Rebuilds the model from the NewsMTSC folder ({@code train.jsonl}, {@code dev-rw/dev.jsonl},
     * {@code dev-mt/dev.jsonl}) into {@code out}, logging progress to {@code log}.
     */
    void train(
        Path newsMtsc, Path out, java.util.Map<String, String> options, java.io.PrintStream log)
        throws IOException;
  }

  /** The provider named {@code name}, or an error saying how to put it on the class path. */
  static Provider provider(String name) {
    for (Provider p : ServiceLoader.load(Provider.class)) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "sentiment model '"
            + name
            + "' is not on the class path: build it with `mvn -B -Pprecise package -DskipTests`"
            + " (module sentiment-precise) and run bin/newsdesk, which adds its jar when asked for"
            + " --sentiment "
            + name);
  }

  /** One labelled NewsMTSC target, for training: the sentence, the target's spans, label 0..2. */
  record Labelled(String sentence, int[] spans, int label) {}

  /** The labelled targets of a NewsMTSC file. */
  static List<Labelled> labelled(Path newsMtsc) throws IOException {
    List<Labelled> out = new ArrayList<>();
    for (NewsMtsc.Line line : NewsMtsc.read(newsMtsc)) {
      for (NewsMtsc.Target t : line.targets()) {
        if (t.label() >= 0) {
          out.add(new Labelled(line.sentence(), t.spans(), t.label()));
        }
      }
    }
    return out;
  }

  /** F1m, accuracy and confusion of {@code model} on a labelled NewsMTSC file. */
  static SentimentEvaluation.Result evaluate(TargetSentimentModel model, Path newsMtsc)
      throws IOException {
    int[][] confusion = new int[3][3];
    List<NewsMtsc.Line> lines = NewsMtsc.read(newsMtsc);
    for (int from = 0; from < lines.size(); from += CHUNK) {
      List<NewsMtsc.Line> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
      List<int[]> predicted = predict(model, chunk);
      for (int i = 0; i < chunk.size(); i++) {
        for (int j = 0; j < predicted.get(i).length; j++) {
          int gold = chunk.get(i).targets().get(j).label();
          if (gold >= 0) {
            confusion[gold][predicted.get(i)[j]]++;
          }
        }
      }
    }
    return SentimentEvaluation.score(confusion);
  }

  /**
   * Lines of a file scored per {@link #predictAll} call in {@link #evaluate} and {@link
   * #targetsPerSecond}: about as many targets as the sentences of a long article.
   */
  int CHUNK = 32;

  /** F1m and accuracy from a confusion matrix (rows gold, columns predicted). */
  static SentimentEvaluation.Result score(int[][] confusion) {
    return SentimentEvaluation.score(confusion);
  }

  /** As {@link NewsMtscTagging#tag}: NewsMTSC lines in, the same lines with polarity out. */
  static long tag(TargetSentimentModel model, BufferedReader in, Writer out) throws IOException {
    return NewsMtscTagging.tag(line -> predict(model, line), in, out);
  }

  /**
   * Targets per CPU-second of the calling thread over the files, after a warm-up; about {@code
   * seconds} long.
   */
  static double targetsPerSecond(TargetSentimentModel model, List<Path> files, double seconds)
      throws IOException {
    List<NewsMtsc.Line> lines = new ArrayList<>();
    for (Path f : files) {
      lines.addAll(NewsMtsc.read(f));
    }
    if (lines.isEmpty()) {
      return 0;
    }
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    List<List<NewsMtsc.Line>> chunks = new ArrayList<>();
    for (int from = 0; from < lines.size(); from += CHUNK) {
      chunks.add(lines.subList(from, Math.min(lines.size(), from + CHUNK)));
    }
    long warmUntil = System.nanoTime() + (long) (seconds * 0.25e9);
    for (int i = 0; System.nanoTime() < warmUntil; i = (i + 1) % chunks.size()) {
      predict(model, chunks.get(i));
    }
    long cpuStart = threads.getCurrentThreadCpuTime();
    long targets = 0;
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % chunks.size()) {
      for (int[] labels : predict(model, chunks.get(i))) {
        targets += labels.length;
      }
    }
    return targets / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
  }

  private static int[] predict(TargetSentimentModel model, NewsMtsc.Line line) {
    return predict(model, List.of(line)).get(0);
  }

  private static List<int[]> predict(TargetSentimentModel model, List<NewsMtsc.Line> lines) {
    List<Sentence> sentences = new ArrayList<>(lines.size());
    for (NewsMtsc.Line line : lines) {
      List<int[]> spans = new ArrayList<>();
      for (NewsMtsc.Target t : line.targets()) {
        spans.add(t.spans());
      }
      sentences.add(new Sentence(line.sentence(), spans));
    }
    return model.predictAll(sentences);
  }
}
