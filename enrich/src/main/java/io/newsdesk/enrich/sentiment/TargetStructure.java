package io.newsdesk.enrich.sentiment;

/**
 * Where a target sits in its sentence, found without a parser: the clause that holds it
 * (punctuation and conjunction boundaries), whether it does or undergoes what a sentiment-bearing
 * verb says ("X slammed Y", "Y was slammed by X", "Y, accused of ..."), whether it speaks a quote
 * or is spoken about, and whether negation or contrast governs its clause. Filled per target from a
 * {@link MentionRoles} window; one instance per thread, reused.
 */
final class TargetStructure {

  /** Words that open a new clause: contrast, concession, cause, relative clauses. */
  private static final WordTable CLAUSE_WORDS =
      WordTable.of(
          "but",
          "however",
          "yet",
          "although",
          "though",
          "while",
          "whereas",
          "despite",
          "because",
          "since",
          "unless",
          "whose",
          "which",
          "after",
          "before",
          "when",
          "amid");

  /** Contrast words after which a clause carries the emphasis: "X did well, but ...". */
  private static final WordTable CONTRAST = WordTable.of("but", "however", "yet", "nevertheless");

  /** Concession words whose clause is outweighed by the main clause: "despite X's efforts". */
  private static final WordTable CONCESSION =
      WordTable.of("although", "though", "despite", "while", "whereas", "notwithstanding");

  /** Verbs of accusation whose object is cast in a bad light whatever the verb's own valence. */
  private static final WordTable ACCUSATION =
      WordTable.of(
          "accused",
          "accuses",
          "accuse",
          "accusing",
          "charged",
          "convicted",
          "indicted",
          "suspected",
          "sued",
          "arrested",
          "blamed",
          "blames",
          "fined",
          "sanctioned",
          "impeached",
          "investigated",
          "alleged",
          "jailed",
          "sentenced");

  private static final WordTable BE =
      WordTable.of("is", "was", "were", "are", "been", "being", "be", "got", "gets", "get");

  private static final WordTable SKIP_AFTER =
      WordTable.of(
          "also",
          "has",
          "have",
          "had",
          "will",
          "would",
          "could",
          "should",
          "did",
          "does",
          "do",
          "then",
          "now",
          "still",
          "may",
          "might",
          "can",
          "must",
          "already",
          "just",
          "later",
          "recently",
          "repeatedly",
          "reportedly",
          "again",
          "even",
          "himself",
          "herself",
          "itself",
          "themselves",
          "'s",
          "who",
          "personally",
          "publicly",
          "openly",
          "strongly");

  private static final WordTable SKIP_BEFORE =
      WordTable.of(
          "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its");

  static final int NONE = 0;

  /** Contrast position: the target's clause follows a contrast word. */
  static final int AFTER_CONTRAST = 1;

  /** Contrast position: a contrast word follows the target's clause in the sentence. */
  static final int BEFORE_CONTRAST = 2;

  /** Contrast position: the target's clause is a concession ("despite ...", "although ..."). */
  static final int CONCEDED = 3;

  /** First token of the target's clause and the token after its end. */
  int clauseStart;

  int clauseEnd;

  /** Valence sign (-1, 0, 1) of the verb the target does ("X slammed ...", "X praised ..."). */
  int agentOf;

  /** Valence sign of the verb the target undergoes ("... slammed X", "X was slammed by"). */
  int patientOf;

  /** The target is accused, charged, blamed ("X, accused of ...", "accused X of ..."). */
  boolean accused;

  /** The target accuses or blames someone else. */
  boolean accuser;

  /** The target is the speaker of what is said or quoted ("X said", "according to X"). */
  boolean speaker;

  /** The target stands inside quotation marks: it is what a quote talks about. */
  boolean quoted;

  /** A negator governs the target's clause before its sentiment words ("X did not fail"). */
  boolean negated;

  /** {@link #NONE}, {@link #AFTER_CONTRAST}, {@link #BEFORE_CONTRAST} or {@link #CONCEDED}. */
  int contrast;

  /** Sum of the context valences in the target's clause, the target and other entities left out. */
  float clauseTone;

  /** Fills the structure of the target {@code r.main} in the window {@code r} has filled. */
  void fill(Lexicon lex, WordVectors vectors, Tokens t, MentionRoles r, float[] adj) {
    int main = r.main;
    int first = main;
    while (first > r.lo && r.role[first - 1] == MentionRoles.TARGET) {
      first--;
    }
    int last = main;
    while (last + 1 < r.hi && r.role[last + 1] == MentionRoles.TARGET) {
      last++;
    }
    clauseStart = first;
    while (clauseStart > r.lo && !isBoundary(t, r, clauseStart - 1)) {
      clauseStart--;
    }
    clauseEnd = last + 1;
    while (clauseEnd < r.hi && !isBoundary(t, r, clauseEnd)) {
      clauseEnd++;
    }
    agentOf = 0;
    patientOf = 0;
    accused = false;
    accuser = false;
    speaker = false;
    negated = false;
    contrast = NONE;
    clauseTone = 0f;

    // Quoted: an odd number of quotation marks before the target.
    int quotes = 0;
    for (int i = r.lo; i < first; i++) {
      if (t.kind[i] == Tokens.QUOTE) {
        quotes++;
      }
    }
    quoted = (quotes & 1) == 1;

    // What the target does: the first content word after it, skipping auxiliaries.
    int i = last + 1;
    if (i < r.hi && "'s".equals(t.lower[i])) {
      i = r.hi; // a possessive: the target is not the subject of what follows
    }
    boolean passive = false;
    boolean apposition = false;
    int words = 0;
    for (; i < r.hi && words < 4; i++) {
      if (t.kind[i] != Tokens.WORD || r.role[i] != MentionRoles.WORD) {
        if (t.kind[i] == Tokens.PUNCT && ",".equals(t.lower[i]) && i == last + 1) {
          apposition = true; // "X, accused of ..."
          continue;
        }
        break;
      }
      String w = t.lower[i];
      if (lex.isNegator(w)) {
        negated = true;
        continue;
      }
      if (BE.contains(w)) {
        passive = true;
        continue;
      }
      if (SKIP_AFTER.contains(w)) {
        continue;
      }
      words++;
      if (ACCUSATION.contains(w)) {
        if (passive || apposition) {
          accused = true;
        } else {
          accuser = true;
        }
        break;
      }
      if (isSpeech(w) && !passive) {
        // A reporting verb, even one with a valence ("X slammed ..."): the target speaks.
        speaker = true;
        break;
      }
      int sign = sign(lex, vectors, w);
      if (sign != 0) {
        boolean byFollows = followedBy(t, i, "by");
        if (passive && (w.endsWith("ed") || w.endsWith("en"))) {
          patientOf = sign;
        } else if (!byFollows) {
          agentOf = sign;
        }
      }
      break;
    }

    // What the target undergoes: the content word before it ("slammed X", "accused X of").
    int j = first - 1;
    if (j >= r.lo && "by".equals(t.lower[j]) && j - 1 >= r.lo) {
      // "was slammed by X": X does the slamming.
      int v = j - 1;
      int sign = sign(lex, vectors, t.lower[v]);
      if (ACCUSATION.contains(t.lower[v])) {
        accuser = true;
      } else if (sign != 0 && agentOf == 0) {
        agentOf = sign;
      }
    } else {
      while (j >= r.lo && t.kind[j] == Tokens.WORD && SKIP_BEFORE.contains(t.lower[j])) {
        j--;
      }
      if (j >= r.lo && t.kind[j] == Tokens.WORD && r.role[j] == MentionRoles.WORD) {
        String w = t.lower[j];
        int sign = sign(lex, vectors, w);
        if (ACCUSATION.contains(w)) {
          accused = true;
        } else if (isSpeech(w)
            || ("to".equals(w) && j - 1 >= r.lo && "according".equals(t.lower[j - 1]))) {
          speaker = true; // "said X", "according to X"; reporting verbs before the target too
        } else if (sign != 0 && patientOf == 0) {
          patientOf = sign; // "blasted X", "honoured X"
        }
      }
    }

    // Negation and tone inside the clause.
    for (int k = clauseStart; k < clauseEnd; k++) {
      if (r.role[k] != MentionRoles.WORD || t.kind[k] != Tokens.WORD) {
        continue;
      }
      if (lex.isNegator(t.lower[k])) {
        negated = true;
      }
      clauseTone += adj[k];
    }

    // Contrast: where the target's clause sits relative to a contrast or concession word.
    for (int k = clauseStart - 1; k >= Math.max(r.lo, clauseStart - 3); k--) {
      String w = t.lower[k];
      if (CONTRAST.contains(w)) {
        contrast = AFTER_CONTRAST;
        break;
      }
      if (CONCESSION.contains(w)) {
        contrast = CONCEDED;
        break;
      }
    }
    if (clauseStart < r.hi && contrast == NONE) {
      String w = t.lower[clauseStart];
      if (CONTRAST.contains(w)) {
        contrast = AFTER_CONTRAST;
      } else if (CONCESSION.contains(w)) {
        contrast = CONCEDED;
      }
    }
    if (contrast == NONE) {
      for (int k = clauseEnd; k < r.hi && k < clauseEnd + 3; k++) {
        if (CONTRAST.contains(t.lower[k])) {
          contrast = BEFORE_CONTRAST;
          break;
        }
      }
    }
  }

  private static boolean followedBy(Tokens t, int i, String word) {
    return i + 1 < t.size && word.equals(t.lower[i + 1]);
  }

  private static boolean isBoundary(Tokens t, MentionRoles r, int i) {
    return r.role[i] == MentionRoles.WORD
        && (t.isClauseBreak(i) || CLAUSE_WORDS.contains(t.lower[i]));
  }

  /** Sign of a word's valence: the lexicon's, else the polarity extended through the vectors. */
  static int sign(Lexicon lex, WordVectors vectors, String w) {
    float v = lex.valence(w);
    if (v == 0f) {
      v = 4f * vectors.polarity(vectors.id(w));
    }
    return v > 0.4f ? 1 : v < -0.4f ? -1 : 0;
  }

  private static boolean isSpeech(String w) {
    return TargetFeatures.isSpeech(w);
  }
}
