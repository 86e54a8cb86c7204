package io.newsdesk.enrich.sentiment;

import io.newsdesk.schema.Tone;
import java.util.List;

/** GDELT-style document tone from the lexicon, with negation, intensifiers and contrast. */
final class LexiconTone {

  /** Words weaker than this (interest, care) are too faint to count as emotional words. */
  static final float MIN_VALENCE = 0.5f;

  private final Lexicon lex;

  LexiconTone(Lexicon lex) {
    this.lex = lex;
  }

  Tone tone(String text) {
    return tone(Tokens.of(text == null ? "" : text));
  }

  Tone tone(Tokens t) {
    return tone(t, t.sentences(), new float[t.size], new float[t.size]);
  }

  /**
   * The tone of {@code t}, whose {@code sentences} are given; leaves every sentence's valences in
   * {@code base} and {@code adj} (indexed like the tokens) for the entities' sentiment to reuse.
   */
  Tone tone(Tokens t, List<int[]> sentences, float[] base, float[] adj) {
    double pos = 0;
    double neg = 0;
    int hits = 0;
    int words = 0;
    int active = 0;
    int self = 0;
    for (int[] s : sentences) {
      Valences.score(lex, t, s[0], s[1], base, adj);
      for (int i = s[0]; i < s[1]; i++) {
        if (!t.isWord(i)) {
          continue;
        }
        words++;
        String w = t.lower[i];
        if (lex.isSelfGroup(w)) {
          self++;
        }
        if (lex.isActivity(w)) {
          active++;
        }
        if (adj[i] != 0f && Math.abs(base[i]) >= MIN_VALENCE) {
          hits++;
          // A hit counts as one word, scaled by its modifiers (very: more, not: less and flipped).
          double weight = Math.min(2.0, Math.abs(adj[i] / base[i]));
          if (adj[i] > 0) {
            pos += weight;
          } else {
            neg += weight;
          }
        }
      }
    }
    if (words == 0) {
      return new Tone(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0);
    }
    double p = 100.0 * pos / words;
    double n = 100.0 * neg / words;
    return new Tone(
        p - n, p, n, 100.0 * hits / words, 100.0 * active / words, 100.0 * self / words, words);
  }
}
