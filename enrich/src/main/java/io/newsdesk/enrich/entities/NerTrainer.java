package io.newsdesk.enrich.entities;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the averaged-perceptron entity tagger on CoNLL data, deterministically: the same inputs,
 * options and seed give the same model bytes.
 */
public final class NerTrainer {

  private static final Logger log = LoggerFactory.getLogger(NerTrainer.class);

  /** Folds of the jackknife that gives the second stage first-stage labels of unseen text. */
  private static final int FOLDS = 3;

  /**
   * Training options; {@code minWeight} prunes features whose weights are all smaller; {@code
   * identityDropout} is the share of capitalised training tokens whose word-identity features are
   * hidden in each pass (see {@link NerFeatures#dropIdentity}); {@code typePrototypes}, when above
   * 0, adds the GloVe type-prototype class with that many buckets of the nearest type's lead (see
   * {@link TypePrototypes}).
   */
  public record Options(
      int epochs,
      long seed,
      float minWeight,
      int stages,
      int[] clusterSizes,
      int mixtures,
      float identityDropout,
      int typePrototypes) {
    /** The settings the shipped model was trained with. */
    public static Options defaults() {
      return new Options(7, 20260101L, 0.05f, 2, new int[0], 1, 0f, 3);
    }
  }

  private final Options options;
  private final NerFeatures features;
  private final WordClusters clusters;

  private LongIntMap index = new LongIntMap(1 << 20);
  private float[] w = new float[0];
  private double[] u = new double[0];
  private long tick = 1;

  private NerTrainer(Options options, NerFeatures features, WordClusters clusters) {
    this.options = options;
    this.clusters = clusters;
    this.features = features;
  }

  /**
   * Trains on the documents of {@code train} (one or more CoNLL files), reports F1 on {@code dev}
   * (nullable) while training, takes word classes from the GloVe vectors in {@code glove}
   * (nullable: no classes), writes the model to {@code out}.
   */
  public static void train(List<Path> train, Path dev, Path glove, Path out, Options options)
      throws IOException {
    train(train, dev, glove, out, options, 0);
  }

  /**
   * As {@link #train(List, Path, Path, Path, Options)}, with title-case and all-caps copies of a
   * share {@code caseAugment} of the training sentences added (see {@link CaseAugmentation}).
   */
  public static void train(
      List<Path> train, Path dev, Path glove, Path out, Options options, double caseAugment)
      throws IOException {
    List<ConllCorpus.Document> trainDocs = new ArrayList<>();
    for (Path p : train) {
      trainDocs.addAll(ConllCorpus.read(p));
    }
    if (caseAugment > 0) {
      int before = trainDocs.size();
      trainDocs = CaseAugmentation.augment(trainDocs, caseAugment, options.seed());
      log.info("Case augmentation: {} sentence copies added", trainDocs.size() - before);
    }
    List<ConllCorpus.Document> devDocs = dev == null ? List.of() : ConllCorpus.read(dev);
    WordClusters clusters = null;
    if (glove != null) {
      long t0 = System.nanoTime();
      GloveClusterer.Vectors vectors = GloveClusterer.read(glove, Integer.MAX_VALUE);
      clusters = GloveClusterer.cluster(vectors);
      if (options.typePrototypes() > 0) {
        clusters = TypePrototypes.extend(clusters, vectors, trainDocs, options.typePrototypes());
      }
      log.info(
          "Word classes for {} GloVe words in {} ms",
          clusters.size(),
          (System.nanoTime() - t0) / 1_000_000);
    }
    byte[] model = train(trainDocs, devDocs, clusters, options);
    Files.write(out, model);
    log.info("Wrote {} ({} bytes)", out, model.length);
  }

  /**
   * K-fold cross-validation on {@code docs} with the recipe of {@link #train}: the documents are
   * cut into {@code k} contiguous blocks (CoNLL files run in date order, so each block is news the
   * rest has not seen), a model is trained on the other blocks and scored on each. Returns the fold
   * scores in order; pool them with {@link NerEvaluation#addAll}.
   */
  public static List<NerEvaluation> crossValidate(
      List<ConllCorpus.Document> docs, int k, Path glove, Options options) throws IOException {
    return crossValidate(docs, k, glove, options, java.util.function.UnaryOperator.identity());
  }

  /**
   * As {@link #crossValidate(List, int, Path, Options)}, each fold's model scored as {@code around}
   * wraps it: with the news rules ({@link NewsRulesRecognizer#forSentences}), what `newsdesk tag
   * --conll` writes.
   */
  public static List<NerEvaluation> crossValidate(
      List<ConllCorpus.Document> docs,
      int k,
      Path glove,
      Options options,
      java.util.function.UnaryOperator<EntityRecognizer> around)
      throws IOException {
    if (k < 2 || k > docs.size()) {
      throw new IllegalArgumentException("folds must be 2.." + docs.size() + ", was " + k);
    }
    GloveClusterer.Vectors vectors =
        glove == null ? null : GloveClusterer.read(glove, Integer.MAX_VALUE);
    WordClusters classes = vectors == null ? null : GloveClusterer.cluster(vectors);
    List<NerEvaluation> out = new ArrayList<>();
    for (int fold = 0; fold < k; fold++) {
      int from = fold * docs.size() / k;
      int to = (fold + 1) * docs.size() / k;
      List<ConllCorpus.Document> in = new ArrayList<>(docs.subList(0, from));
      in.addAll(docs.subList(to, docs.size()));
      // The type prototypes come from the training folds only, as in the recipe.
      WordClusters clusters =
          vectors == null || options.typePrototypes() == 0
              ? classes
              : TypePrototypes.extend(classes, vectors, in, options.typePrototypes());
      byte[] model = train(in, List.of(), clusters, options);
      EntityRecognizer r =
          around.apply(PerceptronEntityRecognizer.load(new ByteArrayInputStream(model)));
      NerEvaluation e = NerEvaluation.evaluate(r, docs.subList(from, to));
      log.info(
          "fold {} of {}: F1 {}",
          fold + 1,
          k,
          String.format(Locale.ROOT, "%.2f", 100 * e.f1(null)));
      out.add(e);
    }
    return out;
  }

  /** Trains and returns the serialised model. */
  static byte[] train(
      List<ConllCorpus.Document> trainDocs,
      List<ConllCorpus.Document> devDocs,
      WordClusters clusters,
      Options options)
      throws IOException {
    Gazetteer gazetteer = Gazetteer.loadDefault();
    NerFeatures features = new NerFeatures(gazetteer, clusters);
    List<NerFeatures.Doc> docs = new ArrayList<>();
    List<int[][]> gold = new ArrayList<>();
    for (ConllCorpus.Document d : trainDocs) {
      if (d.sentences().isEmpty()) {
        continue;
      }
      docs.add(features.prepare(d.words()));
      int[][] g = new int[d.sentences().size()][];
      for (int s = 0; s < g.length; s++) {
        g[s] = Labels.fromIob2(d.sentences().get(s).gold());
      }
      gold.add(g);
    }
    List<NerFeatures.Doc> devPrepared = new ArrayList<>();
    List<int[][]> devGold = new ArrayList<>();
    for (ConllCorpus.Document d : devDocs) {
      if (d.sentences().isEmpty()) {
        continue;
      }
      devPrepared.add(features.prepare(d.words()));
      int[][] g = new int[d.sentences().size()][];
      for (int s = 0; s < g.length; s++) {
        g[s] = Labels.fromIob2(d.sentences().get(s).gold());
      }
      devGold.add(g);
    }
    log.info("Training stage 1 on {} documents", docs.size());
    NerModel stage1 = mixed(options, features, clusters, docs, gold, devPrepared, devGold, "1");
    NerModel stage2 = null;
    if (options.stages() > 1) {
      // Second-stage features come from first-stage predictions the model has not been trained
      // on, as they will be at tagging time: each fold is tagged by a model trained on the others.
      int folds = FOLDS;
      List<NerFeatures.Doc> stacked = new ArrayList<>(docs);
      for (int fold = 0; fold < folds; fold++) {
        List<NerFeatures.Doc> in = new ArrayList<>();
        List<int[][]> inGold = new ArrayList<>();
        for (int k = 0; k < docs.size(); k++) {
          if (k % folds != fold) {
            in.add(docs.get(k));
            inGold.add(gold.get(k));
          }
        }
        NerModel m =
            mixed(options, features, clusters, in, inGold, List.of(), List.of(), "fold" + fold);
        for (int k = fold; k < docs.size(); k += folds) {
          int[][] pred = ViterbiDecoder.decode(features, docs.get(k), null, m::score, null, null);
          stacked.set(k, features.withStage1(docs.get(k), pred));
        }
      }
      List<NerFeatures.Doc> devStacked = new ArrayList<>();
      for (NerFeatures.Doc d : devPrepared) {
        devStacked.add(
            features.withStage1(
                d, ViterbiDecoder.decode(features, d, null, stage1::score, null, null)));
      }
      log.info("Training stage 2");
      stage2 = mixed(options, features, clusters, stacked, gold, devStacked, devGold, "2");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (stage2 == null) {
      NerModel.writeAll(bytes, options.minWeight(), stage1);
    } else {
      NerModel.writeAll(bytes, options.minWeight(), stage1, stage2);
    }
    byte[] out = bytes.toByteArray();
    if (!devDocs.isEmpty()) {
      PerceptronEntityRecognizer stored =
          PerceptronEntityRecognizer.load(new ByteArrayInputStream(out));
      NerEvaluation ev = NerEvaluation.evaluate(stored, devDocs);
      log.info(
          "Stored model: {} features, {} bytes; dev:\n{}",
          stored.featureCount(),
          out.length,
          ev.report());
    }
    return out;
  }

  /**
   * Trains {@code options.mixtures()} models that differ only in the order they see the data and
   * averages their weights, which steadies the result against the luck of one order.
   */
  private static NerModel mixed(
      Options options,
      NerFeatures features,
      WordClusters clusters,
      List<NerFeatures.Doc> docs,
      List<int[][]> gold,
      List<NerFeatures.Doc> dev,
      List<int[][]> devGold,
      String name) {
    int k = Math.max(1, options.mixtures());
    List<NerModel> models = new ArrayList<>();
    for (int m = 0; m < k; m++) {
      models.add(
          new NerTrainer(options, features, clusters)
              .run(
                  docs,
                  gold,
                  k == 1 ? dev : List.of(),
                  devGold,
                  name + "." + m,
                  options.seed() + m));
    }
    if (k == 1) {
      return models.get(0);
    }
    NerModel avg = average(models);
    if (!dev.isEmpty()) {
      NerEvaluation ev = new NerEvaluation();
      for (int d = 0; d < dev.size(); d++) {
        int[][] pred = ViterbiDecoder.decode(features, dev.get(d), null, avg::score, null, null);
        for (int s = 0; s < pred.length; s++) {
          ev.add(Labels.toIob2(devGold.get(d)[s]), Labels.toIob2(pred[s]));
        }
      }
      log.info(
          "Stage {}: mixture of {} dev F1 {}",
          name,
          k,
          String.format(Locale.ROOT, "%.4f", ev.f1(null)));
    }
    return avg;
  }

  private static NerModel average(List<NerModel> models) {
    LongIntMap union = new LongIntMap(models.get(0).features() * 2);
    List<long[]> keys = new ArrayList<>();
    for (NerModel m : models) {
      long[] k = m.index.keys();
      Arrays.sort(k);
      keys.add(k);
    }
    for (long[] k : keys) {
      for (long key : k) {
        union.getOrAdd(key);
      }
    }
    int labels = Labels.COUNT;
    float[] w = new float[union.size() * labels];
    for (int m = 0; m < models.size(); m++) {
      NerModel model = models.get(m);
      for (long key : keys.get(m)) {
        int from = model.index.get(key) * labels;
        int to = union.get(key) * labels;
        for (int l = 0; l < labels; l++) {
          w[to + l] += model.weights[from + l] / models.size();
        }
      }
    }
    return new NerModel(union, w, labels, models.get(0).clusters, models.get(0).version);
  }

  private NerModel run(
      List<NerFeatures.Doc> docs,
      List<int[][]> gold,
      List<NerFeatures.Doc> dev,
      List<int[][]> devGold,
      String name,
      long seed) {
    long tokens = 0;
    for (int[][] g : gold) {
      for (int[] s : g) {
        tokens += s.length;
      }
    }
    Random random = new Random(seed);
    Random dropout = new Random(~seed);
    Integer[] order = new Integer[docs.size()];
    for (int e = 0; e < options.epochs(); e++) {
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      shuffle(order, random);
      long[] m = new long[1];
      for (int k : order) {
        NerFeatures.Doc doc =
            options.identityDropout() > 0
                ? NerFeatures.dropIdentity(docs.get(k), dropout, options.identityDropout())
                : docs.get(k);
        int[][] pred =
            ViterbiDecoder.decode(
                features, doc, null, this::scoreTraining, gold.get(k), this::update);
        for (int s = 0; s < pred.length; s++) {
          for (int i = 0; i < pred[s].length; i++) {
            if (pred[s][i] != gold.get(k)[s][i]) {
              m[0]++;
            }
          }
        }
      }
      String devScore = "";
      if (!dev.isEmpty() && (e + 1) % 2 == 0) {
        NerModel avg = averaged("dev");
        NerEvaluation ev = new NerEvaluation();
        for (int k = 0; k < dev.size(); k++) {
          int[][] pred = ViterbiDecoder.decode(features, dev.get(k), null, avg::score, null, null);
          for (int s = 0; s < pred.length; s++) {
            ev.add(Labels.toIob2(devGold.get(k)[s]), Labels.toIob2(pred[s]));
          }
        }
        devScore = String.format(Locale.ROOT, " dev F1 %.4f", ev.f1(null));
      }
      log.info(
          "Stage {} epoch {}: {} token errors ({}%), {} features{}",
          name,
          e + 1,
          m[0],
          String.format(Locale.ROOT, "%.2f", 100.0 * m[0] / tokens),
          index.size(),
          devScore);
    }
    String version =
        String.format(
                Locale.ROOT,
                "perceptron-ner-en/2 viterbi stages=%d epochs=%d mixtures=%d seed=%d clusters=%d",
                options.stages(),
                options.epochs(),
                options.mixtures(),
                options.seed(),
                clusters == null ? 0 : clusters.size())
            + (options.identityDropout() > 0
                ? String.format(Locale.ROOT, " identity-dropout=%.2f", options.identityDropout())
                : "")
            + (options.typePrototypes() > 0 ? " type-prototypes=" + options.typePrototypes() : "");
    return averaged(version);
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

  private void update(long[] feats, int n, int label, float delta) {
    int labels = Labels.COUNT;
    for (int f = 0; f < n; f++) {
      int row = index.getOrAdd(feats[f]);
      int need = (row + 1) * labels;
      if (need > w.length) {
        int cap = Math.max(need, w.length * 3 / 2 + labels * 1024);
        w = Arrays.copyOf(w, cap);
        u = Arrays.copyOf(u, cap);
      }
      w[row * labels + label] += delta;
      u[row * labels + label] += delta * tick;
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
