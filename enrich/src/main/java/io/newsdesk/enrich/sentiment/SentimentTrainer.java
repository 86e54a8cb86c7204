package io.newsdesk.enrich.sentiment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains the target sentiment model on NewsMTSC: seeded, single-threaded, same data same bytes. */
public final class SentimentTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(SentimentTrainer.class);

  /** Hyper-parameters; {@link #defaults()} are the ones tuned on NewsMTSC's dev sets. */
  public record Config(
      int bits,
      int epochs,
      double l2,
      double rate,
      int minCount,
      double classWeightPower,
      boolean average,
      long seed,
      int hidden,
      double netRate,
      double netL2,
      int members) {

    /** The settings the shipped model was trained with. */
    public static Config defaults() {
      return new Config(18, 4, 0.1, 0.01, 1, 1.0, false, 20260601L, 32, 0.003, 1e-5, 5);
    }

    public Config withMembers(int v) {
      return new Config(
          bits,
          epochs,
          l2,
          rate,
          minCount,
          classWeightPower,
          average,
          seed,
          hidden,
          netRate,
          netL2,
          v);
    }

    public Config withHidden(int v) {
      return new Config(
          bits,
          epochs,
          l2,
          rate,
          minCount,
          classWeightPower,
          average,
          seed,
          v,
          netRate,
          netL2,
          members);
    }

    public Config withNetRate(double v) {
      return new Config(
          bits,
          epochs,
          l2,
          rate,
          minCount,
          classWeightPower,
          average,
          seed,
          hidden,
          v,
          netL2,
          members);
    }

    public Config withNetL2(double v) {
      return new Config(
          bits,
          epochs,
          l2,
          rate,
          minCount,
          classWeightPower,
          average,
          seed,
          hidden,
          netRate,
          v,
          members);
    }

    public Config withSeed(long v) {
      return new Config(
          bits,
          epochs,
          l2,
          rate,
          minCount,
          classWeightPower,
          average,
          v,
          hidden,
          netRate,
          netL2,
          members);
    }

    public Config withBits(int v) {
      return new Config(
          v,
          epochs,
          l2,
          rate,
          minCount,
          classWeightPower,
          average,
          seed,
          hidden,
          netRate,
          netL2,
          members);
    }

    public Config withL2(double v) {
      return new Config(
          bits,
          epochs,
          v,
          rate,
          minCount,
          classWeightPower,
          average,
          seed,
          hidden,
          netRate,
          netL2,
          members);
    }

    public Config withEpochs(int v) {
      return new Config(
          bits,
          v,
          l2,
          rate,
          minCount,
          classWeightPower,
          average,
          seed,
          hidden,
          netRate,
          netL2,
          members);
    }

    public Config withRate(double v) {
      return new Config(
          bits,
          epochs,
          l2,
          v,
          minCount,
          classWeightPower,
          average,
          seed,
          hidden,
          netRate,
          netL2,
          members);
    }

    public Config withMinCount(int v) {
      return new Config(
          bits,
          epochs,
          l2,
          rate,
          v,
          classWeightPower,
          average,
          seed,
          hidden,
          netRate,
          netL2,
          members);
    }

    public Config withAverage(boolean v) {
      return new Config(
          bits,
          epochs,
          l2,
          rate,
          minCount,
          classWeightPower,
          v,
          seed,
          hidden,
          netRate,
          netL2,
          members);
    }

    public Config withClassWeightPower(double v) {
      return new Config(
          bits, epochs, l2, rate, minCount, v, average, seed, hidden, netRate, netL2, members);
    }
  }

  /**
   * How pseudo-labelled targets (a teacher's class probabilities) join the gold ones: only those
   * whose top probability reaches {@code minConfidence}, each counting {@code weight} of a gold
   * target, trained towards the teacher's probabilities ({@code soft}) or its arg-max label; with
   * {@code balanced}, the pseudo-labelled classes are balanced among themselves (as the gold ones
   * are) so that the teacher's class mix on other text does not move the student's prior.
   */
  public record Pseudo(double weight, double minConfidence, boolean soft, boolean balanced) {

    public Pseudo(double weight, double minConfidence, boolean soft) {
      this(weight, minConfidence, soft, false);
    }

    public Pseudo {
      if (weight < 0 || minConfidence < 0 || minConfidence > 1) {
        throw new IllegalArgumentException(
            "pseudo weight must be >= 0 and min confidence in [0, 1]: "
                + weight
                + ", "
                + minConfidence);
      }
    }

    /** The settings the shipped model was trained with. */
    public static Pseudo defaults() {
      return new Pseudo(1.0, 0.0, true);
    }
  }

  /**
   * One training target: sparse and dense features, label, and for pseudo-labelled targets the
   * teacher's probabilities (null: the label alone) and the target's weight.
   */
  private record Example(
      int[] index, float[] value, float[] dense, int label, float[] soft, float weight) {

    boolean gold() {
      return soft == null && weight == 1f;
    }
  }

  private SentimentTrainer() {}

  /** Trains on a NewsMTSC file and returns the serialized model. */
  public static byte[] train(Path trainFile, Config config) throws IOException {
    return serialize(train(NewsMtsc.read(trainFile), config));
  }

  /** Word classes the features use: k-means over the 40,000 most frequent GloVe words. */
  public static byte[] buildWordClusters(Path glove) throws IOException {
    return WordClusters.build(glove, 40_000, 800, 10);
  }

  /**
   * Word vectors the dense features use: the 40,000 most frequent GloVe words, with the lexicon's
   * polarity extended to each of them through its nearest neighbours.
   */
  public static byte[] buildWordVectors(Path glove) throws IOException {
    return WordVectors.build(glove, 40_000, Lexicon.defaults()).write();
  }

  static byte[] serialize(LinearModel model) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      model.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Trains on a NewsMTSC file and, next to it, the pseudo-labelled lines of {@code pseudoFile}
   * (written by {@code newsdesk train sentiment-pseudo-labels}).
   */
  public static byte[] train(Path trainFile, Path pseudoFile, Config config, Pseudo pseudo)
      throws IOException {
    return serialize(train(NewsMtsc.read(trainFile), NewsMtsc.read(pseudoFile), config, pseudo));
  }

  static LinearModel train(List<NewsMtsc.Line> lines, Config config) {
    return train(lines, List.of(), config, Pseudo.defaults());
  }

  static LinearModel train(
      List<NewsMtsc.Line> lines, List<NewsMtsc.Line> pseudoLines, Config config, Pseudo pseudo) {
    List<Example> examples = featurize(lines, config.bits(), null);
    if (!pseudoLines.isEmpty() && pseudo.weight() > 0) {
      List<Example> extra = featurize(pseudoLines, config.bits(), pseudo);
      LOG.info(
          "Pseudo-labelled targets: {} of confidence >= {} (weight {}, {})",
          extra.size(),
          pseudo.minConfidence(),
          pseudo.weight(),
          pseudo.soft() ? "soft" : "hard");
      examples = new ArrayList<>(examples);
      examples.addAll(extra);
    }
    if (config.members() <= 1) {
      return fit(examples, config, pseudo.balanced());
    }
    List<LinearModel> members = new ArrayList<>();
    for (int k = 0; k < config.members(); k++) {
      members.add(fit(examples, config.withSeed(config.seed() + k), pseudo.balanced()));
    }
    return average(members);
  }

  /**
   * The averaged ensemble of {@code members} (same features, different seeds) as one model: the
   * mean of the linear weights, and the networks side by side as one wider hidden layer whose
   * output weights are divided by the number of members; its scores are the members' mean scores.
   */
  static LinearModel average(List<LinearModel> members) {
    int n = members.size();
    LinearModel first = members.get(0);
    float[] w = new float[first.w.length];
    float[] bias = new float[LinearModel.LABELS];
    for (LinearModel m : members) {
      for (int i = 0; i < w.length; i++) {
        w[i] += m.w[i] / n;
      }
      for (int c = 0; c < bias.length; c++) {
        bias[c] += m.bias[c] / n;
      }
    }
    if (first.net == null) {
      return new LinearModel(first.bits, w, bias);
    }
    int in = first.net.inputs;
    int h = first.net.hidden;
    float[] w1 = new float[n * h * in];
    float[] b1 = new float[n * h];
    float[] w2 = new float[LinearModel.LABELS * n * h];
    for (int k = 0; k < n; k++) {
      DenseNetwork net = members.get(k).net;
      System.arraycopy(net.w1, 0, w1, k * h * in, h * in);
      System.arraycopy(net.b1, 0, b1, k * h, h);
      for (int c = 0; c < LinearModel.LABELS; c++) {
        for (int j = 0; j < h; j++) {
          w2[c * n * h + k * h + j] = net.w2[c * h + j] / n;
        }
      }
    }
    return new LinearModel(first.bits, w, bias, new DenseNetwork(in, n * h, w1, b1, w2));
  }

  private static LinearModel fit(List<Example> examples, Config config, boolean balancePseudo) {
    int dims = 1 << config.bits();
    int[] count = new int[dims];
    for (Example e : examples) {
      int[] seen = Arrays.stream(e.index()).distinct().toArray();
      for (int i : seen) {
        count[i]++;
      }
    }
    // Class weights balance the gold targets; pseudo-labelled ones take their label's weight.
    int[] perLabel = new int[LinearModel.LABELS];
    int gold = 0;
    for (Example e : examples) {
      if (e.gold()) {
        perLabel[e.label()]++;
        gold++;
      }
    }
    double[] classWeight = new double[LinearModel.LABELS];
    for (int c = 0; c < classWeight.length; c++) {
      double balanced = gold / (double) (LinearModel.LABELS * Math.max(1, perLabel[c]));
      classWeight[c] = Math.pow(balanced, config.classWeightPower());
    }
    double[] pseudoClassWeight = classWeight;
    if (balancePseudo) {
      int[] perPseudo = new int[LinearModel.LABELS];
      for (Example e : examples) {
        if (!e.gold()) {
          perPseudo[e.label()]++;
        }
      }
      int pseudo = examples.size() - gold;
      pseudoClassWeight = new double[LinearModel.LABELS];
      for (int c = 0; c < classWeight.length; c++) {
        double balanced = pseudo / (double) (LinearModel.LABELS * Math.max(1, perPseudo[c]));
        pseudoClassWeight[c] = Math.pow(balanced, config.classWeightPower());
      }
    }
    float[] w = new float[LinearModel.LABELS * dims];
    float[] g2 = new float[LinearModel.LABELS * dims];
    // Averaged SGD: u accumulates step-weighted updates so that the mean is w - u / step.
    float[] u = config.average() ? new float[w.length] : null;
    float[] biasU = new float[LinearModel.LABELS];
    long step = 1;
    float[] bias = new float[LinearModel.LABELS];
    float[] biasG2 = new float[LinearModel.LABELS];
    Random random = new Random(config.seed());
    int[] order = new int[examples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double[] s = new double[LinearModel.LABELS];
    DenseNetwork net =
        config.hidden() > 0
            ? DenseNetwork.initial(TargetFeatures.DENSE_INPUTS, config.hidden(), config.seed())
            : null;
    DenseNetwork.Adam adam =
        net == null ? null : new DenseNetwork.Adam(net, config.netRate(), config.netL2());
    float[] h = new float[Math.max(1, config.hidden())];
    double[] dScores = new double[LinearModel.LABELS];
    double rate = config.rate();
    float l2 = (float) config.l2();
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      double loss = 0;
      for (int o : order) {
        Example e = examples.get(o);
        Arrays.fill(s, 0);
        for (int c = 0; c < s.length; c++) {
          s[c] = bias[c];
        }
        for (int k = 0; k < e.index().length; k++) {
          int idx = e.index()[k];
          if (count[idx] < config.minCount()) {
            continue;
          }
          for (int c = 0; c < s.length; c++) {
            s[c] += w[LinearModel.LABELS * idx + c] * e.value()[k];
          }
        }
        if (net != null) {
          net.addScores(e.dense(), h, s);
        }
        double max = Math.max(s[0], Math.max(s[1], s[2]));
        double z = 0;
        for (int c = 0; c < s.length; c++) {
          s[c] = Math.exp(s[c] - max);
          z += s[c];
        }
        double cw = (e.gold() ? classWeight : pseudoClassWeight)[e.label()] * e.weight();
        loss -= cw * Math.log(s[e.label()] / z);
        for (int c = 0; c < s.length; c++) {
          double want = e.soft() != null ? e.soft()[c] : c == e.label() ? 1 : 0;
          double g = cw * (s[c] / z - want);
          dScores[c] = g;
          biasG2[c] += (float) (g * g);
          float db = (float) (rate * g / Math.sqrt(biasG2[c] + 1e-8));
          bias[c] -= db;
          biasU[c] -= step * db;
          for (int k = 0; k < e.index().length; k++) {
            int idx = e.index()[k];
            if (count[idx] < config.minCount()) {
              continue;
            }
            int p = LinearModel.LABELS * idx + c;
            float grad = (float) (g * e.value()[k]) + l2 * w[p];
            g2[p] += grad * grad;
            float dw = (float) (rate * grad / Math.sqrt(g2[p] + 1e-8));
            w[p] -= dw;
            if (u != null) {
              u[p] -= step * dw;
            }
          }
        }
        if (adam != null) {
          adam.step(e.dense(), h, dScores);
        }
        step++;
      }
      LOG.debug("epoch {} loss {}", epoch, loss / order.length);
    }
    LOG.info(
        "Trained on {} targets ({} negative, {} neutral, {} positive)",
        examples.size(),
        perLabel[0],
        perLabel[1],
        perLabel[2]);
    if (u != null) {
      for (int i = 0; i < w.length; i++) {
        w[i] -= u[i] / step;
      }
      for (int c = 0; c < bias.length; c++) {
        bias[c] -= biasU[c] / step;
      }
    }
    return new LinearModel(config.bits(), w, bias, net);
  }

  /** Examples of the labelled targets; with {@code pseudo}, of the confident pseudo-labelled. */
  private static List<Example> featurize(List<NewsMtsc.Line> lines, int bits, Pseudo pseudo) {
    Lexicon lex = Lexicon.defaults();
    FeatureVector fv = new FeatureVector(bits);
    List<Example> out = new ArrayList<>();
    for (NewsMtsc.Line line : lines) {
      Tokens t = Tokens.of(line.sentence());
      float[] base = new float[t.size];
      float[] adj = new float[t.size];
      Valences.score(lex, t, 0, t.size, base, adj);
      MentionRoles roles = NewsMtscTagging.roles(t, line);
      for (int j = 0; j < line.targets().size(); j++) {
        NewsMtsc.Target target = line.targets().get(j);
        if (target.label() < 0) {
          continue;
        }
        float[] soft = null;
        float weight = 1f;
        if (pseudo != null) {
          float[] p = target.probabilities();
          if (p == null || Math.max(p[0], Math.max(p[1], p[2])) < pseudo.minConfidence()) {
            continue;
          }
          soft = pseudo.soft() ? p : new float[] {0, 0, 0};
          if (!pseudo.soft()) {
            soft[target.label()] = 1;
          }
          weight = (float) pseudo.weight();
        }
        fv.clear();
        roles.window(0, t.size, j, target.spans());
        TargetFeatures.extract(lex, t, roles, t.size, base, adj, fv);
        out.add(
            new Example(
                Arrays.copyOf(fv.index, fv.size),
                Arrays.copyOf(fv.value, fv.size),
                fv.expandWords(TargetFeatures.vectors()),
                target.label(),
                soft,
                weight));
      }
    }
    return out;
  }
}
