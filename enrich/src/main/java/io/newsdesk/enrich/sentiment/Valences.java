package io.newsdesk.enrich.sentiment;

/** Lexicon valence of each token in context: negation, intensifiers and contrast applied. */
final class Valences {

  /** VADER's empirically derived scale for a negated word. */
  static final float NEGATION = -0.74f;

  private static final float BOOST = 0.3f;
  private static final int SCOPE = 3;

  private Valences() {}

  /**
   * Fills {@code base} (the word's own valence) and {@code adj} (valence in context) for the tokens
   * of one sentence {@code [from, to)}; both arrays are indexed like the tokens.
   */
  static void score(Lexicon lex, Tokens t, int from, int to, float[] base, float[] adj) {
    int contrastAfter = -1;
    int contrastBeforeEnd = -1;
    float[] valence = t.valences(lex);
    for (int i = from; i < to; i++) {
      base[i] = 0f;
      adj[i] = 0f;
      if (!t.isWord(i)) {
        continue;
      }
      String w = t.lower[i];
      if (lex.isContrastAfter(w) && i > from) {
        contrastAfter = i;
      } else if (lex.isContrastBefore(w) && i - from < 3 && contrastBeforeEnd < 0) {
        contrastBeforeEnd = clauseEnd(t, i, to);
      }
      float v = valence[i];
      if (v == 0f) {
        continue;
      }
      base[i] = v;
      adj[i] = v * modifier(lex, t, from, i);
    }
    if (contrastAfter > 0) {
      // "X but Y": the clause after the contrast carries the sentence.
      for (int i = from; i < to; i++) {
        adj[i] *= i < contrastAfter ? 0.5f : 1.5f;
      }
    } else if (contrastBeforeEnd > 0) {
      for (int i = from; i < to; i++) {
        adj[i] *= i < contrastBeforeEnd ? 0.5f : 1.5f;
      }
    }
  }

  private static int clauseEnd(Tokens t, int i, int to) {
    for (int j = i + 1; j < to; j++) {
      if (t.isClauseBreak(j)) {
        return j;
      }
    }
    return -1;
  }

  /** Product of booster and negation factors from the words just before token {@code i}. */
  static float modifier(Lexicon lex, Tokens t, int from, int i) {
    float factor = 1f;
    boolean negated = false;
    int words = 0;
    for (int j = i - 1; j >= from && words < SCOPE + 1; j--) {
      if (t.isClauseBreak(j)) {
        break;
      }
      if (!t.isWord(j)) {
        continue;
      }
      words++;
      String w = t.lower[j];
      if (lex.isContrastAfter(w)) {
        break;
      }
      if (words <= SCOPE && lex.isNegator(w)) {
        negated = !negated;
      } else if (lex.isFailureVerb(w) && j + 1 < i && "to".equals(t.lower[j + 1])) {
        negated = !negated;
      } else if (words <= 2) {
        float b = lex.booster(w);
        if (b != 0f) {
          factor *= 1f + b * BOOST * (words == 1 ? 1f : 0.8f);
        }
      }
    }
    return negated ? factor * NEGATION : factor;
  }

  /** Whether a negation scope covers token {@code i}. */
  static boolean negated(Lexicon lex, Tokens t, int from, int i) {
    return modifier(lex, t, from, i) < 0f;
  }
}
