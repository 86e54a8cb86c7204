package io.newsdesk.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conlleval-style scores: an entity counts as correct only with the exact span and type; precision,
 * recall and F1 per type and micro-averaged overall. Not thread-safe while adding.
 */
public final class NerEvaluation {

  private final Map<String, long[]> counts = new TreeMap<>(); // type -> {correct, predicted, gold}

  /** Adds one sentence's gold and predicted tags (IOB1 or IOB2). */
  public void add(String[] gold, String[] predicted) {
    List<String> g = spans(gold);
    List<String> p = spans(predicted);
    for (String s : g) {
      counts.computeIfAbsent(typeOf(s), k -> new long[3])[2]++;
    }
    for (String s : p) {
      long[] c = counts.computeIfAbsent(typeOf(s), k -> new long[3]);
      c[1]++;
      if (g.contains(s)) {
        c[0]++;
      }
    }
  }

  /** Adds another evaluation's counts to this one (pooled folds). */
  public void addAll(NerEvaluation other) {
    other.counts.forEach(
        (type, c) -> {
          long[] mine = counts.computeIfAbsent(type, k -> new long[3]);
          for (int i = 0; i < 3; i++) {
            mine[i] += c[i];
          }
        });
  }

  /** Scores a recognizer on CoNLL documents that carry gold tags. */
  public static NerEvaluation evaluate(
      EntityRecognizer recognizer, List<ConllCorpus.Document> docs) {
    NerEvaluation e = new NerEvaluation();
    for (ConllCorpus.Document d : docs) {
      if (d.sentences().isEmpty()) {
        continue;
      }
      List<String[]> predicted = recognizer.tagDocument(d.words());
      for (int s = 0; s < predicted.size(); s++) {
        String[] gold = d.sentences().get(s).gold();
        if (gold == null) {
          throw new IllegalArgumentException(
              "sentence without gold tags in document " + d.docstart());
        }
        e.add(gold, predicted.get(s));
      }
    }
    return e;
  }

  /** Entity spans as "start:end:TYPE"; an entity begins at B-, or at I- not continuing its type. */
  static List<String> spans(String[] tags) {
    List<String> out = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i <= tags.length; i++) {
      String t = i < tags.length ? tags[i] : "O";
      boolean continues = type != null && t.startsWith("I-") && t.substring(2).equals(type);
      if (!continues) {
        if (type != null) {
          out.add(start + ":" + i + ":" + type);
        }
        type = t.equals("O") || t.length() < 3 ? null : t.substring(2);
        start = i;
      }
    }
    return out;
  }

  private static String typeOf(String span) {
    return span.substring(span.lastIndexOf(':') + 1);
  }

  public double precision(String type) {
    long[] c = type == null ? total() : counts.getOrDefault(type, new long[3]);
    return c[1] == 0 ? 0 : (double) c[0] / c[1];
  }

  public double recall(String type) {
    long[] c = type == null ? total() : counts.getOrDefault(type, new long[3]);
    return c[2] == 0 ? 0 : (double) c[0] / c[2];
  }

  /** F1 of one type, or overall (micro-averaged) for {@code null}. */
  public double f1(String type) {
    double p = precision(type);
    double r = recall(type);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private long[] total() {
    long[] t = new long[3];
    for (long[] c : counts.values()) {
      for (int k = 0; k < 3; k++) {
        t[k] += c[k];
      }
    }
    return t;
  }

  /** A conlleval-like table. */
  public String report() {
    StringBuilder b = new StringBuilder();
    long[] t = total();
    b.append(String.format(Locale.ROOT, "gold %d, predicted %d, correct %d%n", t[2], t[1], t[0]));
    b.append(
        String.format(
            Locale.ROOT,
            "%-8s P %6.2f  R %6.2f  F1 %6.2f%n",
            "overall",
            100 * precision(null),
            100 * recall(null),
            100 * f1(null)));
    for (String type : counts.keySet()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-8s P %6.2f  R %6.2f  F1 %6.2f  (%d gold)%n",
              type,
              100 * precision(type),
              100 * recall(type),
              100 * f1(type),
              counts.get(type)[2]));
    }
    return b.toString();
  }
}
