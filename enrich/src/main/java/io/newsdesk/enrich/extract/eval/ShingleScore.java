package io.newsdesk.enrich.extract.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-page shingle matching of the ScrapingHub article-extraction benchmark: bags of word 4-grams
 * over {@code \w+} tokens, counts normalised so every page weighs the same.
 */
public record ShingleScore(double tp, double fp, double fn) {

  // Python's \w: letters and numbers of any script plus '_', but no combining marks (Java's
  // Unicode \w has them, which shifts the published figures in the third decimal).
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final int N = 4;

  /** Scores one predicted text against the true text. */
  public static ShingleScore of(String truth, String prediction) {
    Map<String, Integer> t = shingles(truth);
    Map<String, Integer> p = shingles(prediction);
    Set<String> keys = new HashSet<>(t.keySet());
    keys.addAll(p.keySet());
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (String k : keys) {
      int tc = t.getOrDefault(k, 0);
      int pc = p.getOrDefault(k, 0);
      tp += Math.min(tc, pc);
      fp += Math.max(0, pc - tc);
      fn += Math.max(0, tc - pc);
    }
    double sum = tp + fp + fn;
    // The benchmark normalises the counts of each page, which leaves precision and recall as is.
    return sum > 0 ? new ShingleScore(tp / sum, fp / sum, fn / sum) : new ShingleScore(0, 0, 0);
  }

  /** Precision as the benchmark defines it: 1 when nothing was wrong, 0 when nothing was found. */
  public double precision() {
    if (fp == 0 && fn == 0) {
      return 1;
    }
    if (tp == 0 && fp == 0) {
      return 0;
    }
    return tp / (tp + fp);
  }

  /** Recall as the benchmark defines it. */
  public double recall() {
    if (fp == 0 && fn == 0) {
      return 1;
    }
    if (tp == 0 && fn == 0) {
      return 0;
    }
    return tp / (tp + fn);
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  static Map<String, Integer> shingles(String text) {
    List<String> tokens = tokens(text);
    Map<String, Integer> bag = new HashMap<>();
    // Texts shorter than N tokens make one shorter shingle, as in the reference script.
    int count = Math.max(1, tokens.size() - N + 1);
    for (int i = 0; i < count; i++) {
      String s = String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + N)));
      if (!s.isEmpty()) {
        bag.merge(s, 1, Integer::sum);
      }
    }
    return bag;
  }
}
