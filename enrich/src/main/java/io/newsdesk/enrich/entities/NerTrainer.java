package io.newsdesk.enrich.entities;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the averaged-perceptron entity tagger on CoNLL data, deterministically: the same inputs,
 * options and seed give the same model bytes.
 */
public final class NerTrainer {

  private static final Logger log = LoggerFactory.getLogger(NerTrainer.class);

  /** Training options; {@code minWeight} prunes features whose weights are all smaller. */
  public record Options(int epochs, long seed, float minWeight) {
    /** The settings the shipped model was trained with. */
    public static Options defaults() {
      return new Options(12, 20260101L, 0.05f);
    }
  }

  private final Options options;
  private final NerFeatures features;
  private final WordClusters clusters;

  private LongIntMap index = new LongIntMap(1 << 20);
  private float[] w = new float[0];
  private double[] u = new double[0];
  private long tick = 1;

  private NerTrainer(Options options, Gazetteer gazetteer, WordClusters clusters) {
    this.options = options;
    this.clusters = clusters;
    this.features = new NerFeatures(gazetteer, clusters);
  }

  /** Trains on {@code train}, reports F1 on {@code dev} (nullable) per epoch, writes the model. */
  public static void train(Path train, Path dev, Path out, Options options) throws IOException {
    List<ConllCorpus.Document> trainDocs = ConllCorpus.read(train);
    List<ConllCorpus.Document> devDocs = dev == null ? List.of() : ConllCorpus.read(dev);
    byte[] model = train(trainDocs, devDocs, null, options);
    Files.write(out, model);
    log.info("Wrote {} ({} bytes)", out, model.length);
  }

  /** Trains and returns the serialised model. */
  static byte[] train(
      List<ConllCorpus.Document> trainDocs,
      List<ConllCorpus.Document> devDocs,
      WordClusters clusters,
      Options options)
      throws IOException {
    Gazetteer gazetteer = Gazetteer.loadDefault();
    NerTrainer t = new NerTrainer(options, gazetteer, clusters);
    List<NerFeatures.Doc> docs = new ArrayList<>();
    List<int[][]> gold = new ArrayList<>();
    long tokens = 0;
    for (ConllCorpus.Document d : trainDocs) {
      if (d.sentences().isEmpty()) {
        continue;
      }
      docs.add(t.features.prepare(d.words()));
      int[][] g = new int[d.sentences().size()][];
      for (int s = 0; s < g.length; s++) {
        g[s] = Labels.fromIob2(d.sentences().get(s).gold());
        tokens += g[s].length;
      }
      gold.add(g);
    }
    log.info("Training on {} documents, {} tokens", docs.size(), tokens);
    Random random = new Random(options.seed());
    Integer[] order = new Integer[docs.size()];
    for (int e = 0; e < options.epochs(); e++) {
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      shuffle(order, random);
      long mistakes = 0;
      long[] m = new long[1];
      for (int k : order) {
        GreedyDecoder.decode(
            t.features,
            docs.get(k),
            t::scoreTraining,
            gold.get(k),
            (f, n, g, p) -> {
              m[0]++;
              t.update(f, n, g, p);
            });
      }
      mistakes = m[0];
      String devScore = "";
      if (!devDocs.isEmpty()) {
        NerModel avg = t.averaged("dev");
        NerEvaluation ev =
            NerEvaluation.evaluate(new PerceptronEntityRecognizer(avg, gazetteer), devDocs);
        devScore = String.format(java.util.Locale.ROOT, " dev F1 %.4f", ev.f1(null));
      }
      log.info(
          "Epoch {}: {} token errors ({}%), {} features{}",
          e + 1,
          mistakes,
          String.format(java.util.Locale.ROOT, "%.2f", 100.0 * mistakes / tokens),
          t.index.size(),
          devScore);
    }
    String version =
        String.format(
            java.util.Locale.ROOT,
            "perceptron-ner-en/1 epochs=%d seed=%d clusters=%d",
            options.epochs(),
            options.seed(),
            clusters == null ? 0 : clusters.size());
    NerModel model = t.averaged(version);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.write(bytes, options.minWeight());
    byte[] out = bytes.toByteArray();
    if (!devDocs.isEmpty()) {
      NerModel stored = NerModel.read(new ByteArrayInputStream(out));
      NerEvaluation ev =
          NerEvaluation.evaluate(new PerceptronEntityRecognizer(stored, gazetteer), devDocs);
      log.info(
          "Stored model: {} features, {} bytes; dev:\n{}",
          stored.features(),
          out.length,
          ev.report());
    }
    return out;
  }

  private static void shuffle(Integer[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer x = a[i];
      a[i] = a[j];
      a[j] = x;
    }
  }

  private void scoreTraining(long[] feats, int n, float[] scores) {
    tick++;
    Arrays.fill(scores, 0f);
    int labels = Labels.COUNT;
    for (int f = 0; f < n; f++) {
      int row = index.get(feats[f]);
      if (row < 0) {
        continue;
      }
      int base = row * labels;
      for (int l = 0; l < labels; l++) {
        scores[l] += w[base + l];
      }
    }
  }

  private void update(long[] feats, int n, int gold, int predicted) {
    int labels = Labels.COUNT;
    for (int f = 0; f < n; f++) {
      int row = index.getOrAdd(feats[f]);
      int need = (row + 1) * labels;
      if (need > w.length) {
        int cap = Math.max(need, w.length * 3 / 2 + labels * 1024);
        w = Arrays.copyOf(w, cap);
        u = Arrays.copyOf(u, cap);
      }
      int base = row * labels;
      w[base + gold] += 1;
      u[base + gold] += tick;
      w[base + predicted] -= 1;
      u[base + predicted] -= tick;
    }
  }

  /** The averaged weights as an immutable model. */
  private NerModel averaged(String version) {
    int rows = index.size();
    int labels = Labels.COUNT;
    float[] avg = new float[rows * labels];
    for (int i = 0; i < avg.length; i++) {
      avg[i] = (float) (w[i] - u[i] / tick);
    }
    LongIntMap copy = new LongIntMap(rows);
    for (long key : index.keys()) {
      copy.put(key, index.get(key));
    }
    return new NerModel(copy, avg, labels, clusters, version);
  }
}
