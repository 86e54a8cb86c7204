package io.newsdesk.sentiment.precise;

import io.newsdesk.enrich.sentiment.TargetSentiment;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The precise model's class probabilities blended with the fast model's: a weighted geometric mean
 * (log-linear pool), {@code p ∝ precise^(1 - w) * fast^w}. The two models err differently (a
 * fine-tuned encoder, a feature model over lexicons, GloVe and target structure; they disagree on a
 * quarter of the dev targets), and the fast one costs about 1% of the precise one's time. With
 * {@code w} from 0.15 to 0.3 both NewsMTSC dev sets gain (README, Precise sentiment); 0.25 ships.
 */
final class BlendedSentimentModel implements TargetSentimentModel {

  /** The fast model's weight in the blend when none is set. */
  static final double DEFAULT_WEIGHT = 0.25;

  // Keeps a zero probability of either model from vetoing a class outright.
  private static final double FLOOR = 1e-9;

  private final OnnxSentimentModel precise;
  private final TargetSentiment fast;
  private final double weight;

  BlendedSentimentModel(OnnxSentimentModel precise, TargetSentiment fast, double weight) {
    if (!(weight >= 0 && weight < 1)) {
      throw new IllegalArgumentException("blend weight must be in [0, 1), was " + weight);
    }
    this.precise = precise;
    this.fast = fast;
    this.weight = weight;
  }

  /** Parses a blend weight, failing with what is allowed. */
  static double weight(String text) {
    double w;
    try {
      w = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "newsdesk.precise.blend must be a number from 0 (the precise model alone) to below 1,"
              + " not '"
              + text
              + "'",
          e);
    }
    if (!(w >= 0 && w < 1)) {
      throw new IllegalArgumentException(
          "newsdesk.precise.blend must be from 0 (the precise model alone) to below 1, not "
              + text);
    }
    return w;
  }

  /** The normalised log-linear blend of two distributions over the same classes. */
  static double[] blend(double[] precise, double[] fast, double weight) {
    double[] scores = new double[precise.length];
    for (int c = 0; c < scores.length; c++) {
      scores[c] =
          (1 - weight) * Math.log(Math.max(precise[c], FLOOR))
              + weight * Math.log(Math.max(fast[c], FLOOR));
    }
    return OnnxSentimentModel.softmax(scores);
  }

  @Override
  public int[] predict(String sentence, List<int[]> targets) {
    return predictAll(List.of(new Sentence(sentence, targets))).get(0);
  }

  @Override
  public List<int[]> predictAll(List<Sentence> sentences) {
    List<double[][]> p = probabilitiesAll(sentences);
    List<int[]> out = new ArrayList<>(p.size());
    for (double[][] rows : p) {
      int[] labels = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        labels[i] = TargetSentiment.argmax(rows[i]);
      }
      out.add(labels);
    }
    return out;
  }

  @Override
  public double[][] probabilities(String sentence, List<int[]> targets) {
    return probabilitiesAll(List.of(new Sentence(sentence, targets))).get(0);
  }

  private List<double[][]> probabilitiesAll(List<Sentence> sentences) {
    List<double[][]> p = precise.probabilitiesAll(sentences);
    for (int s = 0; s < p.size(); s++) {
      Sentence sentence = sentences.get(s);
      double[][] f = fast.probabilities(sentence.text(), sentence.targets());
      double[][] rows = p.get(s);
      for (int i = 0; i < rows.length; i++) {
        rows[i] = blend(rows[i], f[i], weight);
      }
    }
    return p;
  }

  @Override
  public String version() {
    return precise.version()
        + "+"
        + fast.version()
        + String.format(Locale.ROOT, " blend %.2f", weight);
  }

  @Override
  public void close() {
    precise.close();
  }
}
