package io.newsdesk.enrich.stories;

import io.newsdesk.enrich.text.FoldedWords;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What story matching looks at in an article: its salient entities and its content words. */
record StoryFeatures(
    Map<String, Double> entities, Map<String, Entity> named, Map<String, Double> terms) {

  private static final Set<String> NOT_TOPICAL =
      Set.of("DATE", "AMOUNT", "MONEY", "PERCENT", "TIME");
  private static final int TERMS = 60;
  private static final Set<String> STOP =
      Set.of(
          "that", "with", "have", "this", "from", "they", "will", "would", "there", "their", "what",
          "about", "which", "when", "were", "been", "said", "says", "also", "after", "than", "them",
          "into", "more", "other", "some", "could", "only", "over", "such", "then", "these",
          "while", "where", "because", "those", "being", "does", "most", "last", "first", "year",
          "years", "week", "told", "very", "just", "like", "even");

  static StoryFeatures of(EnrichedArticle a, int salient) {
    Map<String, Double> weights = new HashMap<>();
    Map<String, Entity> named = new HashMap<>();
    for (Entity e : a.getEntities()) {
      if (NOT_TOPICAL.contains(e.getType())) {
        continue;
      }
      // Models that do not score salience still give counts: use them, capped.
      double w = e.getSalience() > 0 ? e.getSalience() : Math.min(1.0, e.getCount() / 4.0);
      if (weights.merge(e.getKey(), w, Math::max) == w) {
        named.put(e.getKey(), e);
      }
    }
    Map<String, Double> top = new LinkedHashMap<>();
    weights.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(salient)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    named.keySet().retainAll(top.keySet());
    return new StoryFeatures(top, named, terms(a));
  }

  private static Map<String, Double> terms(EnrichedArticle a) {
    Map<String, Double> tf = new HashMap<>();
    String title = a.getArticle().getTitle();
    if (title != null) {
      count(title, 2.0, tf);
    }
    count(a.getArticle().getText(), 1.0, tf);
    Map<String, Double> top = new HashMap<>();
    tf.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TERMS)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return normalise(top);
  }

  private static void count(String text, double weight, Map<String, Double> tf) {
    FoldedWords words = FoldedWords.of(text);
    for (int i = 0; i < words.count(); i++) {
      // Length and first character first: most words are dropped without building their string.
      if (words.length(i) >= 4 && !Character.isDigit(words.firstChar(i))) {
        String w = words.word(i);
        if (!STOP.contains(w)) {
          tf.merge(w, weight, Double::sum);
        }
      }
    }
  }

  static Map<String, Double> normalise(Map<String, Double> v) {
    double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    if (norm > 0) {
      v.replaceAll((k, x) -> x / norm);
    }
    return v;
  }

  static double cosine(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double dot = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double o = large.get(e.getKey());
      if (o != null) {
        dot += e.getValue() * o;
      }
    }
    return dot;
  }

  /** Entity keys, most salient first. */
  List<String> keys() {
    return List.copyOf(entities.keySet());
  }
}
