package io.newsdesk.enrich.extract;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.EvalParameters;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.UniformPrior;
import opennlp.tools.util.MutableInt;

/**
 * OpenNLP's {@code LanguageDetectorME.predictLanguages}, step for step and with the same result to
 * the last bit, but with its own look-up of the model's features. The model keeps its 1-3 character
 * n-grams (hundreds of thousands) in a {@code HashMap<String, ...>}, and the hash codes of such
 * short strings collide in bulk ("ab" + 'c' and "ac" + 'D' are one hash): most look-ups walk a tree
 * bin, which took a third of language identification on the bench pages. {@link Features} hashes
 * the characters with a 64-bit mix instead. The context generation, the n-gram order (which decides
 * the floating-point sums), the prior and the arithmetic ({@link GISModel#eval(int[], double[],
 * EvalParameters)}) are the library's own.
 *
 * <p>Not thread-safe (the context generator is not): one per thread; {@link Features} is shared.
 */
final class LanguageScorer {

  private final LanguageDetectorContextGenerator contexts;
  private final Features features;

  LanguageScorer(LanguageDetectorModel model, Features features) {
    this.contexts = model.getFactory().getContextGenerator();
    this.features = features;
  }

  /** The model's languages, most likely first, as {@code LanguageDetectorME} ranks them. */
  Language[] predictLanguages(CharSequence text) {
    CharSequence[] context = contexts.getContext(text);
    // Counted in a map of the same kind and filled the same way as LanguageDetectorME does: its
    // key order is the order in which the features' weights are summed.
    Map<CharSequence, MutableInt> counts = new HashMap<>();
    for (CharSequence gram : context) {
      MutableInt count = counts.get(gram);
      if (count == null) {
        counts.put(gram, new MutableInt(1));
      } else {
        count.increment();
      }
    }
    int[] ids = new int[counts.size()];
    int n = 0;
    for (CharSequence gram : counts.keySet()) {
      int id = features.id(gram);
      if (id >= 0) {
        ids[n++] = id; // an n-gram the model does not know adds nothing, as in the library
      }
    }
    double[] dist = new double[features.outcomes.length];
    features.prior.logPrior(dist, (int[]) null);
    double[] probs = GISModel.eval(Arrays.copyOf(ids, n), dist, features.params);
    Language[] ranked = new Language[probs.length];
    for (int i = 0; i < probs.length; i++) {
      ranked[i] = new Language(features.outcomes[i], probs[i]);
    }
    Arrays.sort(ranked, (a, b) -> Double.compare(b.getConfidence(), a.getConfidence()));
    return ranked;
  }

  /**
   * The model's features in an open-addressing table hashed on their characters: feature name to
   * its index among the model's parameters. Immutable once built; thread-safe.
   */
  static final class Features {

    private final String[] keys;
    private final int[] ids;
    private final int mask;
    final String[] outcomes;
    final EvalParameters params;
    final UniformPrior prior = new UniformPrior();

    /**
     * Reads a GIS model's data structures (parameters, feature map, outcome names), as {@code
     * AbstractModel.getDataStructures} gives them.
     */
    @SuppressWarnings("unchecked")
    Features(MaxentModel model) {
      if (!(model instanceof GISModel gis)) {
        throw new IllegalArgumentException("not a GIS model: " + model.getClass().getName());
      }
      // The library adds a prior to every evaluation; this table assumes the uniform one that
      // GIS models read from a file have: with no feature, every language equally likely.
      double[] none = gis.eval(new String[0]);
      for (double p : none) {
        if (p != none[0]) {
          throw new IllegalArgumentException("the model's prior is not uniform");
        }
      }
      Object[] data = gis.getDataStructures();
      Context[] parameters = (Context[]) data[0];
      Map<String, Context> features = (Map<String, Context>) data[1];
      this.outcomes = (String[]) data[2];
      this.params = new EvalParameters(parameters, outcomes.length);
      prior.setLabels(outcomes, null);
      Map<Context, Integer> index = new IdentityHashMap<>();
      for (int i = 0; i < parameters.length; i++) {
        index.put(parameters[i], i);
      }
      int capacity = Integer.highestOneBit(Math.max(16, features.size() * 2)) << 1;
      this.keys = new String[capacity];
      this.ids = new int[capacity];
      this.mask = capacity - 1;
      for (Map.Entry<String, Context> e : features.entrySet()) {
        int slot = slot(e.getKey());
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = e.getKey();
        ids[slot] = index.get(e.getValue());
      }
    }

    /** The index of the feature named by {@code gram}'s characters, or -1. */
    int id(CharSequence gram) {
      for (int slot = slot(gram); keys[slot] != null; slot = (slot + 1) & mask) {
        if (keys[slot].contentEquals(gram)) {
          return ids[slot];
        }
      }
      return -1;
    }

    private int slot(CharSequence s) {
      long h = 0x9E3779B97F4A7C15L;
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ s.charAt(i)) * 0xBF58476D1CE4E5B9L;
      }
      h = (h ^ (h >>> 32)) * 0x94D049BB133111EBL;
      return (int) (h ^ (h >>> 29)) & mask;
    }
  }
}
