package io.newsdesk.enrich.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Sentiment toward a target mention in a sentence, from the trained NewsMTSC model. Thread-safe.
 */
public final class TargetSentiment {

  /** Where the shipped model sits on the classpath. */
  public static final String MODEL_RESOURCE = "/io/newsdesk/enrich/sentiment/newsmtsc-model.bin.gz";

  static final String[] LABELS = {"negative", "neutral", "positive"};

  private static volatile TargetSentiment standard;

  private final Lexicon lex;
  private final LinearModel model;
  private final String version;

  /** One feature vector per thread, reused from sentence to sentence. */
  private final ThreadLocal<FeatureVector> scratch;

  TargetSentiment(Lexicon lex, LinearModel model, String version) {
    this.lex = lex;
    this.model = model;
    this.version = version;
    this.scratch = ThreadLocal.withInitial(() -> new FeatureVector(model.bits));
  }

  /** The shipped model, loaded once. */
  public static TargetSentiment standard() {
    TargetSentiment s = standard;
    if (s == null) {
      synchronized (TargetSentiment.class) {
        s = standard;
        if (s == null) {
          try (InputStream in = TargetSentiment.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("Missing model " + MODEL_RESOURCE);
            }
            s = fromBytes(in.readAllBytes());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          standard = s;
        }
      }
    }
    return s;
  }

  /** A model written by {@link SentimentTrainer}. */
  public static TargetSentiment read(Path file) throws IOException {
    return fromBytes(Files.readAllBytes(file));
  }

  static TargetSentiment fromBytes(byte[] bytes) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    LinearModel m = LinearModel.read(new java.io.ByteArrayInputStream(bytes));
    return new TargetSentiment(
        Lexicon.defaults(),
        m,
        String.format(
            "newsmtsc-%s-%08x", m.net == null ? "logreg" : "net" + m.net.hidden, crc.getValue()));
  }

  /** Name and checksum of the model. */
  public String version() {
    return version;
  }

  LinearModel model() {
    return model;
  }

  Lexicon lexicon() {
    return lex;
  }

  /**
   * The calling thread's feature vector: {@link #probabilities} clears it, so one caller at a time
   * per thread uses it for one sentence after another.
   */
  FeatureVector newVector() {
    return scratch.get();
  }

  /**
   * Probabilities (negative, neutral, positive) toward the target whose mentions are the character
   * spans {@code targets} (pairs start, end; main mention first) in {@code sentence}; {@code
   * others} (nullable) are spans of other entities.
   */
  public double[] probabilities(String sentence, int[] targets, int[] others) {
    Tokens t = Tokens.of(sentence);
    float[] base = new float[t.size];
    float[] adj = new float[t.size];
    Valences.score(lex, t, 0, t.size, base, adj);
    MentionRoles roles = new MentionRoles(t);
    for (int k = 0; k + 1 < targets.length; k += 2) {
      roles.mark(targets[k], targets[k + 1], 0);
    }
    if (others != null) {
      for (int k = 0; k + 1 < others.length; k += 2) {
        roles.mark(others[k], others[k + 1], 1);
      }
    }
    double[] out = new double[3];
    probabilities(t, 0, t.size, base, adj, roles, 0, targets, newVector(), out);
    return out;
  }

  /**
   * Probabilities (negative, neutral, positive) toward each of the targets of one sentence, each
   * target's mentions its own entity (as NewsMTSC marks them, and as {@code tag --targets} scores
   * them): one row per target, in order.
   */
  public double[][] probabilities(String sentence, java.util.List<int[]> targets) {
    Tokens t = Tokens.of(sentence);
    float[] base = new float[t.size];
    float[] adj = new float[t.size];
    Valences.score(lex, t, 0, t.size, base, adj);
    MentionRoles roles = roles(t, targets);
    FeatureVector fv = newVector();
    double[][] out = new double[targets.size()][3];
    for (int j = 0; j < out.length; j++) {
      probabilities(t, 0, t.size, base, adj, roles, j, targets.get(j), fv, out[j]);
    }
    return out;
  }

  /** The targets' mentions marked in {@code t}, target j as entity j. */
  static MentionRoles roles(Tokens t, java.util.List<int[]> targets) {
    MentionRoles roles = new MentionRoles(t);
    for (int j = 0; j < targets.size(); j++) {
      int[] spans = targets.get(j);
      for (int k = 0; k + 1 < spans.length; k += 2) {
        roles.mark(spans[k], spans[k + 1], j);
      }
    }
    return roles;
  }

  /**
   * Probabilities toward {@code entity} (as marked in {@code roles}) whose mentions in the sentence
   * {@code [from, to)} are {@code spans}, main mention first.
   */
  void probabilities(
      Tokens t,
      int from,
      int to,
      float[] base,
      float[] adj,
      MentionRoles roles,
      int entity,
      int[] spans,
      FeatureVector fv,
      double[] out) {
    fv.clear();
    roles.window(from, to, entity, spans);
    TargetFeatures.extract(lex, t, roles, to, base, adj, fv);
    model.probabilities(fv, out);
  }

  public static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }
}
