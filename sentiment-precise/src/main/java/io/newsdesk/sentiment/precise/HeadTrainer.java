package io.newsdesk.sentiment.precise;

import io.newsdesk.enrich.sentiment.SentimentEvaluation;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains only the sentiment head over the frozen int8 MiniLM: features ([CLS] and the target's mean
 * state) are computed once with ONNX Runtime, then a softmax regression is fitted with Adam; the L2
 * strength is chosen on dev-rw macro-F1 only (dev-mt reported as a second check). The cheap mode
 * that fits a shared 2-core machine; {@link PreciseTrainer} fine-tunes the whole encoder.
 */
final class HeadTrainer {

  private static final float[] L2 = {1e-5f, 1e-4f, 1e-3f, 1e-2f};

  private record Data(float[][] x, int[] y) {}

  private HeadTrainer() {}

  static void train(Path newsMtsc, Path out, int threads, int epochs, long seed, PrintStream log)
      throws IOException {
    long start = System.nanoTime();
    Map<String, PreciseWeights.Entry> none = new LinkedHashMap<>();
    none.put(
        "head.weight",
        new PreciseWeights.Entry(new long[] {768, 3}, new float[768 * 3], null, null));
    none.put("head.bias", new PreciseWeights.Entry(new long[] {3}, new float[3], null, null));
    Data train;
    Data devRw;
    Data devMt;
    try (OnnxSentimentModel encoder =
        OnnxSentimentModel.of(none, OnnxSentimentModel.Precision.INT8, threads)) {
      WordPiece tokenizer = WordPiece.resource(OnnxSentimentModel.TOKENIZER);
      train = data(encoder, tokenizer, newsMtsc.resolve("train.jsonl"));
      devRw = data(encoder, tokenizer, newsMtsc.resolve("dev-rw/dev.jsonl"));
      devMt = data(encoder, tokenizer, newsMtsc.resolve("dev-mt/dev.jsonl"));
    }
    log.printf(
        "features of %d train, %d dev-rw, %d dev-mt targets in %.0f s%n",
        train.y().length, devRw.y().length, devMt.y().length, (System.nanoTime() - start) / 1e9);
    double best = -1;
    float[][] bestHead = null;
    for (float l2 : L2) {
      float[][] head = fit(train, l2, epochs, seed);
      SentimentEvaluation.Result rw = evaluate(head, devRw);
      SentimentEvaluation.Result mt = evaluate(head, devMt);
      log.printf(
          "L2 %.0e: dev-rw F1m %.4f acc %.4f | dev-mt F1m %.4f acc %.4f%n",
          l2, rw.macroF1(), rw.accuracy(), mt.macroF1(), mt.accuracy());
      if (rw.macroF1() > best) {
        best = rw.macroF1();
        bestHead = head;
      }
    }
    Map<String, PreciseWeights.Entry> weights = new LinkedHashMap<>();
    weights.put(
        "head.weight", new PreciseWeights.Entry(new long[] {768, 3}, bestHead[0], null, null));
    weights.put("head.bias", new PreciseWeights.Entry(new long[] {3}, bestHead[1], null, null));
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (OutputStream os = Files.newOutputStream(out)) {
      PreciseWeights.write(weights, os);
    }
    log.printf(
        "best dev-rw F1m %.4f; head in %s (%d bytes); %.0f s in all%n",
        best, out, Files.size(out), (System.nanoTime() - start) / 1e9);
  }

  private static Data data(OnnxSentimentModel encoder, WordPiece tokenizer, Path file)
      throws IOException {
    List<TargetSentimentModel.Labelled> labelled = TargetSentimentModel.labelled(file);
    float[][] x = new float[labelled.size()][];
    int[] y = new int[labelled.size()];
    for (int i = 0; i < labelled.size(); i += 32) {
      List<TargetInput> batch = new ArrayList<>();
      for (int k = i; k < Math.min(labelled.size(), i + 32); k++) {
        TargetSentimentModel.Labelled l = labelled.get(k);
        batch.add(TargetInput.of(tokenizer, l.sentence(), l.spans()));
        y[k] = l.label();
      }
      float[][] f = encoder.features(batch);
      System.arraycopy(f, 0, x, i, f.length);
    }
    return new Data(x, y);
  }

  /** Softmax regression with Adam over shuffled mini-batches of 32; returns {weight, bias}. */
  static float[][] fit(Data d, float l2, int epochs, long seed) {
    int n = d.y().length;
    int f = d.x()[0].length;
    float[] w = new float[f * 3];
    float[] b = new float[3];
    float[] mw = new float[w.length];
    float[] vw = new float[w.length];
    float[] mb = new float[3];
    float[] vb = new float[3];
    float[] gw = new float[w.length];
    float[] gb = new float[3];
    Random random = new Random(seed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int t = 0;
    float lr = 1e-3f;
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int s = order[i];
        order[i] = order[j];
        order[j] = s;
      }
      for (int s = 0; s < n; s += 32) {
        java.util.Arrays.fill(gw, 0);
        java.util.Arrays.fill(gb, 0);
        int e = Math.min(n, s + 32);
        for (int k = s; k < e; k++) {
          float[] x = d.x()[order[k]];
          float[] p = softmax(OnnxSentimentModel.scores(w, b, x));
          p[d.y()[order[k]]] -= 1;
          for (int c = 0; c < 3; c++) {
            gb[c] += p[c];
            for (int q = 0; q < f; q++) {
              gw[q * 3 + c] += p[c] * x[q];
            }
          }
        }
        int size = e - s;
        t++;
        for (int q = 0; q < w.length; q++) {
          gw[q] = gw[q] / size + l2 * w[q];
        }
        for (int c = 0; c < 3; c++) {
          gb[c] /= size;
        }
        adam(w, gw, mw, vw, lr, t);
        adam(b, gb, mb, vb, lr, t);
      }
    }
    return new float[][] {w, b};
  }

  private static void adam(float[] p, float[] g, float[] m, float[] v, float lr, int t) {
    double c1 = 1 - Math.pow(0.9, t);
    double c2 = 1 - Math.pow(0.999, t);
    for (int i = 0; i < p.length; i++) {
      m[i] = 0.9f * m[i] + 0.1f * g[i];
      v[i] = 0.999f * v[i] + 0.001f * g[i] * g[i];
      p[i] -= (float) (lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8));
    }
  }

  private static float[] softmax(float[] s) {
    float max = Math.max(s[0], Math.max(s[1], s[2]));
    double sum = 0;
    float[] p = new float[s.length];
    for (int c = 0; c < s.length; c++) {
      p[c] = (float) Math.exp(s[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < s.length; c++) {
      p[c] /= sum;
    }
    return p;
  }

  private static SentimentEvaluation.Result evaluate(float[][] head, Data d) {
    int[][] confusion = new int[3][3];
    for (int i = 0; i < d.y().length; i++) {
      float[] s = OnnxSentimentModel.scores(head[0], head[1], d.x()[i]);
      int best = s[1] > s[0] ? 1 : 0;
      best = s[2] > s[best] ? 2 : best;
      confusion[d.y()[i]][best]++;
    }
    return TargetSentimentModel.score(confusion);
  }

  /** {@code HeadTrainer <newsmtsc folder> <out>}. */
  public static void main(String[] args) throws IOException {
    train(Path.of(args[0]), Path.of(args[1]), 2, 30, 17, System.out);
  }
}
