package io.newsdesk.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Conlleval-style scores: an entity counts as correct only with the exact span and type; precision,
 * recall and F1 per type and micro-averaged overall. Not thread-safe while adding.
 */
public final class NerEvaluation {

  private final Map<String, long[]> counts = new TreeMap<>(); // type -> {correct, predicted, gold}

  // Names never seen as an entity in training, scored on their own; null when not asked for.
  private final Set<String> seen;
  private final NerEvaluation unseen;

  // Errors on unseen names: gold (or, for spurious ones, predicted) type -> kind -> count.
  private final Map<String, Map<String, Long>> unseenErrors = new TreeMap<>();

  /** How often one name must be wrong in one document to count as a repeated error. */
  static final int REPEATED = 3;

  // The unseen gold names wrong in the current document, by text, and the repeated errors so far:
  // {errors, names} of names wrong REPEATED times or more in one document.
  private final Map<String, Integer> wrongInDocument = new java.util.HashMap<>();
  private final long[] repeated = new long[2];

  /** An evaluation of all entities. */
  public NerEvaluation() {
    this(null);
  }

  /**
   * An evaluation that also scores, on their own, the entities whose text is not in {@code seen}
   * (see {@link #entityNames}): recall over such gold entities, precision over such predictions.
   */
  public NerEvaluation(Set<String> seen) {
    this.seen = seen;
    this.unseen = seen == null ? null : new NerEvaluation(null);
  }

  /** Adds one sentence's gold and predicted tags (IOB1 or IOB2). */
  public void add(String[] gold, String[] predicted) {
    add(null, gold, predicted);
  }

  /**
   * Adds one sentence's words with its gold and predicted tags; the words place each entity among
   * the seen or the unseen names (ignored when this evaluation has no seen names).
   */
  public void add(String[] words, String[] gold, String[] predicted) {
    List<String> g = spans(gold);
    List<String> p = spans(predicted);
    count(g, p);
    if (unseen != null && words != null) {
      List<String> ug = unseenOnly(words, g);
      List<String> up = unseenOnly(words, p);
      unseen.count(ug, up);
      classifyErrors(ug, up, p, g);
      for (String span : ug) {
        if (!p.contains(span)) {
          wrongInDocument.merge(surface(words, start(span), end(span)), 1, Integer::sum);
        }
      }
    }
  }

  /**
   * Sorts the errors on unseen names by kind: a gold name predicted with the right span and another
   * type ("as ORG"), with a wrong span ("boundary", "boundary and type" when an overlapping
   * prediction has another type) or not at all ("missed"); a predicted unseen name that overlaps no
   * gold entity is "spurious".
   */
  private void classifyErrors(
      List<String> unseenGold,
      List<String> unseenPredicted,
      List<String> predicted,
      List<String> gold) {
    for (String s : unseenGold) {
      if (predicted.contains(s)) {
        continue;
      }
      String kind = "missed";
      boolean otherType = false;
      for (String q : predicted) {
        if (start(q) == start(s) && end(q) == end(s)) {
          kind = "as " + typeOf(q);
          break;
        }
        if (start(q) < end(s) && end(q) > start(s)) {
          otherType |= !typeOf(q).equals(typeOf(s));
          kind = otherType ? "boundary and type" : "boundary";
        }
      }
      unseenErrors.computeIfAbsent(typeOf(s), k -> new TreeMap<>()).merge(kind, 1L, Long::sum);
    }
    for (String q : unseenPredicted) {
      boolean overlaps = false;
      for (String s : gold) {
        overlaps |= start(q) < end(s) && end(q) > start(s);
      }
      if (!overlaps) {
        unseenErrors
            .computeIfAbsent(typeOf(q), k -> new TreeMap<>())
            .merge("spurious", 1L, Long::sum);
      }
    }
  }

  /**
   * Ends a document: its unseen names wrong {@link #REPEATED} times or more count as repeated
   * errors (one decision carried through the document by the document-level features, or made
   * again).
   */
  public void endDocument() {
    for (int n : wrongInDocument.values()) {
      if (n >= REPEATED) {
        repeated[0] += n;
        repeated[1]++;
      }
    }
    wrongInDocument.clear();
  }

  private static int start(String span) {
    return Integer.parseInt(span.substring(0, span.indexOf(':')));
  }

  private static int end(String span) {
    int a = span.indexOf(':');
    return Integer.parseInt(span.substring(a + 1, span.indexOf(':', a + 1)));
  }

  /**
   * Errors on unseen names by kind and type (see {@link #classifyErrors}), one line per type; empty
   * when this evaluation has no seen names.
   */
  public String unseenErrorReport() {
    StringBuilder b = new StringBuilder();
    if (unseen == null) {
      return "";
    }
    b.append("unseen-name errors by kind (gold type; spurious: predicted type):\n");
    b.append(
        String.format(
            Locale.ROOT,
            "repeated: %d of the wrong unseen gold names are %d names each wrong %d times or more in"
                + " one document%n",
            repeated[0],
            repeated[1],
            REPEATED));
    unseenErrors.forEach(
        (type, kinds) -> {
          b.append(String.format(Locale.ROOT, "%-8s", type));
          kinds.forEach((kind, n) -> b.append(String.format(Locale.ROOT, " %s %d;", kind, n)));
          b.append('\n');
        });
    return b.toString();
  }

  private void count(List<String> g, List<String> p) {
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

  private List<String> unseenOnly(String[] words, List<String> spans) {
    List<String> out = new ArrayList<>();
    for (String s : spans) {
      int a = s.indexOf(':');
      int b = s.indexOf(':', a + 1);
      int from = Integer.parseInt(s.substring(0, a));
      int to = Integer.parseInt(s.substring(a + 1, b));
      if (!seen.contains(surface(words, from, to))) {
        out.add(s);
      }
    }
    return out;
  }

  private static String surface(String[] words, int from, int to) {
    return String.join(" ", Arrays.asList(words).subList(from, to));
  }

  /**
   * The text of every entity in {@code docs} (its words joined by single spaces, case kept), of any
   * type: the names a model trained on these documents has seen.
   */
  public static Set<String> entityNames(List<ConllCorpus.Document> docs) {
    Set<String> names = new HashSet<>();
    for (ConllCorpus.Document d : docs) {
      for (ConllCorpus.Sentence s : d.sentences()) {
        if (s.gold() == null) {
          continue;
        }
        for (String span : spans(s.gold())) {
          int a = span.indexOf(':');
          int b = span.indexOf(':', a + 1);
          names.add(
              surface(
                  s.words(),
                  Integer.parseInt(span.substring(0, a)),
                  Integer.parseInt(span.substring(a + 1, b))));
        }
      }
    }
    return names;
  }

  /** The scores of the unseen names alone, or null when this evaluation has no seen names. */
  public NerEvaluation unseen() {
    return unseen;
  }

  /** Adds another evaluation's counts to this one (pooled folds). */
  public void addAll(NerEvaluation other) {
    if (unseen != null && other.unseen != null) {
      unseen.addAll(other.unseen);
      other.unseenErrors.forEach(
          (type, kinds) ->
              kinds.forEach(
                  (kind, n) ->
                      unseenErrors
                          .computeIfAbsent(type, k -> new TreeMap<>())
                          .merge(kind, n, Long::sum)));
      repeated[0] += other.repeated[0];
      repeated[1] += other.repeated[1];
    }
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
    return evaluate(recognizer, docs, null);
  }

  /**
   * Scores a recognizer on CoNLL documents that carry gold tags, and on their own the names not in
   * {@code seen} (nullable: no such breakdown).
   */
  public static NerEvaluation evaluate(
      EntityRecognizer recognizer, List<ConllCorpus.Document> docs, Set<String> seen) {
    NerEvaluation e = new NerEvaluation(seen);
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
        e.add(d.sentences().get(s).words(), gold, predicted.get(s));
      }
      e.endDocument();
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

  /**
   * The unseen-names table: how many gold entities are unseen, then precision, recall and F1 on
   * them overall and per type; empty when this evaluation has no seen names.
   */
  public String unseenReport() {
    if (unseen == null) {
      return "";
    }
    long[] all = total();
    long[] t = unseen.total();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "unseen names (gold entities whose text is no entity in the training files): %d of %d"
                + " gold (%.1f%%), predicted %d, correct %d%n",
            t[2],
            all[2],
            all[2] == 0 ? 0 : 100.0 * t[2] / all[2],
            t[1],
            t[0]));
    b.append(
        String.format(
            Locale.ROOT,
            "%-8s P %6.2f  R %6.2f  F1 %6.2f%n",
            "unseen",
            100 * unseen.precision(null),
            100 * unseen.recall(null),
            100 * unseen.f1(null)));
    for (String type : unseen.counts.keySet()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-8s P %6.2f  R %6.2f  F1 %6.2f  (%d gold)%n",
              type,
              100 * unseen.precision(type),
              100 * unseen.recall(type),
              100 * unseen.f1(type),
              unseen.counts.get(type)[2]));
    }
    return b.toString();
  }
}
