package io.newsdesk.enrich.sentiment;

/**
 * Features of one target mention in one sentence: the sentence with the target masked, a window
 * around it, lexicon hits by distance and side, negation, quotes and who-says cues.
 */
final class TargetFeatures {

  private static final long H_TARGET = FeatureVector.hash("<T>");
  private static final long H_OTHER = FeatureVector.hash("<O>");
  private static final long H_BOS = FeatureVector.hash("<S>");
  private static final long H_EOS = FeatureVector.hash("</S>");

  private static final WordTable SPEECH =
      WordTable.of(
          "said",
          "says",
          "say",
          "saying",
          "told",
          "tells",
          "tell",
          "claimed",
          "claims",
          "claim",
          "argued",
          "argues",
          "added",
          "wrote",
          "writes",
          "stated",
          "states",
          "according",
          "asked",
          "asks",
          "insisted",
          "insists",
          "warned",
          "warns",
          "noted",
          "notes",
          "explained",
          "announced",
          "announces",
          "tweeted",
          "tweets",
          "declared",
          "suggested",
          "suggests",
          "acknowledged",
          "admitted",
          "complained",
          "accused",
          "accuses",
          "blamed",
          "blames",
          "criticized",
          "criticised",
          "criticizes",
          "praised",
          "praises",
          "called",
          "calls",
          "described",
          "describes",
          "testified",
          "alleged",
          "alleges",
          "believes",
          "believed",
          "thinks",
          "thought",
          "denied",
          "denies",
          "responded",
          "replied",
          "urged",
          "urges",
          "slammed",
          "defended",
          "defends",
          "attacked",
          "mocked",
          "questioned",
          "conceded",
          "predicted",
          "vowed",
          "promised",
          "demanded",
          "charged",
          "contended",
          "maintained");

  private static final WordTable PRONOUNS =
      WordTable.of(
          "he",
          "she",
          "him",
          "her",
          "his",
          "hers",
          "they",
          "them",
          "their",
          "it",
          "its",
          "i",
          "we",
          "you",
          "us",
          "me",
          "himself",
          "herself",
          "themselves");

  private static final WordTable AUX =
      WordTable.of(
          "also",
          "has",
          "have",
          "had",
          "was",
          "is",
          "were",
          "are",
          "will",
          "would",
          "could",
          "should",
          "did",
          "does",
          "do",
          "be",
          "been",
          "not",
          "then",
          "now",
          "still",
          "may",
          "might",
          "can",
          "must",
          "already",
          "just",
          "never",
          "later",
          "recently",
          "repeatedly",
          "who",
          "himself",
          "herself",
          "itself",
          "themselves",
          "'s",
          "reportedly",
          "again",
          "even");

  private static final WordTable DETERMINERS =
      WordTable.of("the", "a", "an", "this", "that", "these", "those", "of", "to", "for", "with");

  private static final int T_BIAS = 1;
  private static final int T_BOW = 2;
  private static final int T_BIGRAM = 3;
  private static final int T_WIN = 4;
  private static final int T_SIDE = 5;
  private static final int T_NGRAM_L1 = 6;
  private static final int T_NGRAM_R1 = 7;
  private static final int T_NGRAM_L2 = 8;
  private static final int T_NGRAM_R2 = 9;
  private static final int T_LEX = 10;
  private static final int T_LEXW = 11;
  private static final int T_LEX_MINE = 12;
  private static final int T_LEX_OTHER = 13;
  private static final int T_LEX_QUOTE = 14;
  private static final int T_LEX_CLAUSE = 15;
  private static final int T_LEX_SUM = 16;
  private static final int T_NEG = 17;
  private static final int T_NEGW = 18;
  private static final int T_SPEAKER = 19;
  private static final int T_SPEAKER_VERB = 20;
  private static final int T_SPOKEN_ABOUT = 21;
  private static final int T_IN_QUOTE = 22;
  private static final int T_HAS_QUOTE = 23;
  private static final int T_PRONOUN = 24;
  private static final int T_START = 25;
  private static final int T_RELPOS = 26;
  private static final int T_OTHERS = 27;
  private static final int T_LENGTH = 28;
  private static final int T_POSSESSIVE = 29;
  private static final int T_VERB_AFTER = 30;
  private static final int T_VERB_BEFORE = 31;
  private static final int T_VAL_AFTER = 32;
  private static final int T_VAL_BEFORE = 33;
  private static final int T_CLAUSE_BOW = 34;
  private static final int T_LEX_COUNTS = 35;
  private static final int T_LEX_CLAUSE_COUNTS = 36;
  private static final int T_LEX_DECAY = 37;
  private static final int T_LEX_NEGATED = 38;
  private static final int T_LEX_ROLE = 39;
  private static final int T_TONE_POS = 40;
  private static final int T_HEADLINE = 41;
  private static final int T_LEX_BLOCKED = 42;
  private static final int T_CL_SIDE = 43;
  private static final int T_CL_WIN = 44;
  private static final int T_CL_CLAUSE = 45;
  private static final int T_CL_VERB_AFTER = 46;
  private static final int T_CL_VERB_BEFORE = 47;

  private static final int T_STRUCT = 48;
  private static final int T_GPOL = 49;
  private static final int T_STRUCT_TONE = 50;

  private static final WordClusters CLUSTERS = WordClusters.standard();
  private static final WordVectors VECTORS = WordVectors.standard();

  /** The word class of each row of the word vectors. */
  private static final int[] CLUSTER_OF_ROW = CLUSTERS.byRow(VECTORS);

  private static final boolean CLUSTERS_COVERED = CLUSTERS.coveredBy(VECTORS);

  /** Dimensions of the word vectors the dense inputs average. */
  static final int VECTOR_DIMS = 100;

  private static final int SCALARS = 16;

  /**
   * Dense inputs: mean vectors of the words left and right of the target, of its clause, and a
   * distance-weighted mean of the window, then {@link #SCALARS} polarity and structure values.
   */
  static final int DENSE_INPUTS = 4 * VECTOR_DIMS + SCALARS;

  /** The word vectors whose rows the dense word blocks list. */
  static WordVectors vectors() {
    return VECTORS;
  }

  static boolean isSpeech(String w) {
    return SPEECH.contains(w);
  }

  private TargetFeatures() {}

  /**
   * Adds the features of the target whose roles {@code r} has filled (a window of a sentence that
   * ends at token {@code sentenceEnd}), the sentence's valences {@code base} and {@code adj}
   * already scored. Costs the window, whatever the length of the sentence or the number of
   * entities.
   */
  static void extract(
      Lexicon lex,
      Tokens t,
      MentionRoles r,
      int sentenceEnd,
      float[] base,
      float[] adj,
      FeatureVector fv) {
    if (r.main < 0) {
      fv.add(T_BIAS, 1f);
      return;
    }
    int from = r.lo;
    int to = r.hi;
    int n = to - from;
    fv.reserveUnits(n);
    long[] uh = fv.unitHash;
    byte[] role = fv.unitRole;
    int[] tok = fv.unitToken;
    float[] val = fv.unitValence;
    int units = 0;
    int p = -1;
    byte prevRole = 0;
    for (int i = from; i < to; i++) {
      byte ri = r.role[i];
      if (ri != 0 && ri == prevRole) {
        if (i == r.main) {
          p = units - 1;
        }
        continue;
      }
      prevRole = ri;
      role[units] = ri;
      tok[units] = i;
      uh[units] = ri == 1 ? H_TARGET : ri == 2 ? H_OTHER : FeatureVector.hash(t.lower[i]);
      val[units] = ri == 0 ? adj[i] : 0f;
      if (i == r.main) {
        p = units;
      }
      units++;
    }
    fv.add(T_BIAS, 1f);
    if (p < 0) {
      return;
    }
    int[] clusterOf = t.clusterIds(VECTORS, CLUSTER_OF_ROW, CLUSTERS, CLUSTERS_COVERED);
    boolean[] inQuote = fv.unitQuoted;
    boolean quoted = false;
    boolean hasQuote = false;
    int othersCount = 0;
    for (int u = 0; u < units; u++) {
      if (t.kind[tok[u]] == Tokens.QUOTE) {
        quoted = !quoted;
        hasQuote = true;
      }
      inQuote[u] = quoted;
      if (role[u] == 2) {
        othersCount++;
      }
    }
    int clauseStart = p;
    while (clauseStart > 0 && !isBreak(t, tok[clauseStart - 1], role[clauseStart - 1])) {
      clauseStart--;
    }
    int clauseEnd = p + 1;
    while (clauseEnd < units && !isBreak(t, tok[clauseEnd], role[clauseEnd])) {
      clauseEnd++;
    }

    for (int u = 0; u < units; u++) {
      if (t.kind[tok[u]] == Tokens.WORD || role[u] != 0) {
        fv.add(T_BOW, uh[u], 1f);
        if (u != p) {
          fv.add(T_SIDE, u < p ? 0 : 1, uh[u], 1f);
        }
        if (u >= clauseStart && u < clauseEnd && u != p) {
          fv.add(T_CLAUSE_BOW, uh[u], 1f);
        }
        int cl = role[u] == 0 ? clusterOf[tok[u]] : -1;
        if (cl >= 0) {
          fv.add(T_CL_SIDE, u < p ? 0 : 1, cl, 1f);
          if (u >= clauseStart && u < clauseEnd) {
            fv.add(T_CL_CLAUSE, cl, 1f);
          }
          int d = Math.abs(u - p);
          if (d <= 4) {
            fv.add(T_CL_WIN, u < p ? -(d <= 2 ? d : 3) : (d <= 2 ? d : 3), cl, 1f);
          }
        }
      }
      long next = u + 1 < units ? uh[u + 1] : H_EOS;
      fv.add(T_BIGRAM, uh[u], next, 1f);
    }
    fv.add(T_BIGRAM, H_BOS, units > 0 ? uh[0] : H_EOS, 1f);

    for (int d = 1; d <= 6; d++) {
      int b = d <= 2 ? d : d <= 4 ? 3 : 4;
      if (p - d >= 0) {
        fv.add(T_WIN, -b, uh[p - d], 1f);
      }
      if (p + d < units) {
        fv.add(T_WIN, b, uh[p + d], 1f);
      }
    }
    long l1 = p >= 1 ? uh[p - 1] : H_BOS;
    long l2 = p >= 2 ? uh[p - 2] : H_BOS;
    long r1 = p + 1 < units ? uh[p + 1] : H_EOS;
    long r2 = p + 2 < units ? uh[p + 2] : H_EOS;
    fv.add(T_NGRAM_L1, l1, 1f);
    fv.add(T_NGRAM_R1, r1, 1f);
    fv.add(T_NGRAM_L2, l2, l1, 1f);
    fv.add(T_NGRAM_R2, r1, r2, 1f);

    // Who says what: the target as speaker, or as what a speaker talks about.
    boolean speaker = false;
    int who = 0;
    for (int u = p + 1, words = 0; u < units && words < 4; u++) {
      if (t.kind[tok[u]] != Tokens.WORD) {
        continue;
      }
      words++;
      String w = t.lower[tok[u]];
      if (SPEECH.contains(w)) {
        fv.add(T_SPEAKER, 0, 1f);
        who = 1;
        fv.add(T_SPEAKER_VERB, uh[u], 1f);
        speaker = true;
        break;
      }
    }
    if (!speaker && p >= 1) {
      String w1 = t.lower[tok[p - 1]];
      String w2 = p >= 2 ? t.lower[tok[p - 2]] : "";
      if (SPEECH.contains(w1) || ("to".equals(w1) && "according".equals(w2))) {
        fv.add(T_SPEAKER, 1, 1f);
        who = 1;
        speaker = true;
      }
    }
    if (!speaker) {
      for (int u = 0; u < units; u++) {
        if (role[u] == 0 && t.kind[tok[u]] == Tokens.WORD && SPEECH.contains(t.lower[tok[u]])) {
          fv.add(T_SPOKEN_ABOUT, u < p ? 0 : 1, 1f);
          who = 2;
          break;
        }
      }
    }
    // Distance of each unit to the nearest other entity, in two sweeps rather than per hit.
    int[] otherDistance = othersCount == 0 ? null : distancesToOthers(role, units);
    // Lexicon hits: by side and distance, and whether they sit nearer another entity.
    int pos = 0;
    int neg = 0;
    int clausePos = 0;
    int clauseNeg = 0;
    float tone = 0f;
    for (int u = 0; u < units; u++) {
      float v = val[u];
      if (v == 0f || u == p) {
        continue;
      }
      int sign = v > 0 ? 1 : 0;
      float m = Math.abs(v) / 4f;
      int dist = Math.abs(u - p);
      int bucket = dist <= 2 ? 0 : dist <= 5 ? 1 : dist <= 10 ? 2 : 3;
      int side = u < p ? 0 : 1;
      fv.add(T_LEX, sign, side * 4 + bucket, m);
      fv.add(T_LEXW, sign, uh[u], 1f);
      fv.add(T_LEX_SUM, sign, m);
      int dOther = othersCount == 0 ? Integer.MAX_VALUE : otherDistance[u];
      fv.add(dOther < dist ? T_LEX_OTHER : T_LEX_MINE, sign, m);
      if (othersCount > 0) {
        boolean blocked = false;
        for (int o = Math.min(u, p) + 1; o < Math.max(u, p) && !blocked; o++) {
          blocked = role[o] == 2;
        }
        fv.add(T_LEX_BLOCKED, sign, blocked ? side : 2 + side, m);
      }
      if (inQuote[u] != inQuote[p]) {
        fv.add(T_LEX_QUOTE, sign, m);
      }
      if (u >= clauseStart && u < clauseEnd) {
        fv.add(T_LEX_CLAUSE, sign, m);
      }
      if (base[tok[u]] * v < 0) {
        fv.add(T_NEGW, uh[u], 1f);
        fv.add(T_LEX_NEGATED, sign, m);
      }
      fv.add(T_LEX_DECAY, sign, m * 3f / (3f + dist));
      fv.add(T_LEX_ROLE, who * 2 + side, sign, m);
      if (sign == 1) {
        pos++;
        clausePos += u >= clauseStart && u < clauseEnd ? 1 : 0;
      } else {
        neg++;
        clauseNeg += u >= clauseStart && u < clauseEnd ? 1 : 0;
      }
      tone += v;
    }
    fv.add(T_LEX_COUNTS, Math.min(pos, 3), Math.min(neg, 3), 1f);
    fv.add(T_LEX_CLAUSE_COUNTS, Math.min(clausePos, 2), Math.min(clauseNeg, 2), 1f);
    int toneBucket = tone < -1f ? 0 : tone > 1f ? 2 : 1;
    fv.add(T_TONE_POS, toneBucket, Math.min(p, 3) * 4 + who, 1f);
    for (int u = Math.max(0, p - 3); u < Math.min(units, p + 5); u++) {
      if (role[u] == 0 && lex.isNegator(t.lower[tok[u]])) {
        fv.add(T_NEG, u < p ? 0 : 1, 1f);
      }
    }

    if (inQuote[p]) {
      fv.add(T_IN_QUOTE, 1f);
    }
    if (hasQuote) {
      fv.add(T_HAS_QUOTE, 1f);
    }
    if (t.kind[sentenceEnd - 1] == Tokens.WORD) {
      fv.add(T_HEADLINE, 1f);
    }

    // The target itself: pronoun, position, possessive, the verbs around it.
    int first = tok[p];
    String head = t.lower[first];
    if (PRONOUNS.contains(head)) {
      fv.add(T_PRONOUN, FeatureVector.hash(head), 1f);
    }
    if (p == 0) {
      fv.add(T_START, 1f);
    }
    fv.add(T_RELPOS, (3 * p) / Math.max(1, units), 1f);
    fv.add(T_OTHERS, Math.min(othersCount, 3), 1f);
    fv.add(T_LENGTH, Math.min(units / 10, 4), 1f);
    int last = first;
    while (last + 1 < to && r.role[last + 1] == 1) {
      last++;
    }
    if (t.lower[last].endsWith("'s") || (last + 1 < to && "'s".equals(t.lower[last + 1]))) {
      fv.add(T_POSSESSIVE, 1f);
    }
    int verbAfter = -1;
    int verbBefore = -1;
    for (int u = p + 1; u < units; u++) {
      int i = tok[u];
      if (t.kind[i] != Tokens.WORD || role[u] != 0) {
        break;
      }
      if (AUX.contains(t.lower[i])) {
        continue;
      }
      verbAfter = i;
      fv.add(T_VERB_AFTER, uh[u], 1f);
      int ca = clusterOf[i];
      if (ca >= 0) {
        fv.add(T_CL_VERB_AFTER, ca, 1f);
      }
      if (val[u] != 0f) {
        fv.add(T_VAL_AFTER, val[u] > 0 ? 1 : 0, Math.abs(val[u]) / 4f);
      }
      break;
    }
    for (int u = p - 1; u >= 0; u--) {
      int i = tok[u];
      if (t.kind[i] != Tokens.WORD || role[u] != 0) {
        break;
      }
      if (DETERMINERS.contains(t.lower[i])) {
        continue;
      }
      verbBefore = i;
      fv.add(T_VERB_BEFORE, uh[u], 1f);
      int cb = clusterOf[i];
      if (cb >= 0) {
        fv.add(T_CL_VERB_BEFORE, cb, 1f);
      }
      if (val[u] != 0f) {
        fv.add(T_VAL_BEFORE, val[u] > 0 ? 1 : 0, Math.abs(val[u]) / 4f);
      }
      break;
    }
    structure(lex, t, r, adj, fv, verbAfter, verbBefore);
  }

  /** Sparse cues of the target's structure and the dense inputs of the network part. */
  private static void structure(
      Lexicon lex, Tokens t, MentionRoles r, float[] adj, FeatureVector fv, int after, int before) {
    TargetStructure st = fv.structure;
    st.fill(lex, VECTORS, t, r, adj);
    int tone = st.clauseTone < -0.5f ? 0 : st.clauseTone > 0.5f ? 2 : 1;
    fv.add(T_STRUCT, 1, st.agentOf + 1, 1f);
    fv.add(T_STRUCT, 2, st.patientOf + 1, 1f);
    if (st.accused) {
      fv.add(T_STRUCT, 3, 1f);
    }
    if (st.accuser) {
      fv.add(T_STRUCT, 4, 1f);
    }
    fv.add(T_STRUCT_TONE, st.contrast, tone, 1f);
    fv.add(T_STRUCT_TONE, 10 + (st.negated ? 1 : 0), tone, 1f);
    fv.add(T_STRUCT_TONE, 20 + (st.speaker ? 1 : 0) + (st.quoted ? 2 : 0), tone, 1f);

    // Dense inputs: mean vectors left, right, in the clause, and distance-weighted (listed words).
    float[] x = fv.dense;
    if (VECTORS.dims != VECTOR_DIMS) {
      return;
    }
    int main = r.main;
    int first = main;
    while (first > r.lo && r.role[first - 1] == MentionRoles.TARGET) {
      first--;
    }
    int last = main;
    while (last + 1 < r.hi && r.role[last + 1] == MentionRoles.TARGET) {
      last++;
    }
    int left = 0;
    int right = 0;
    int clause = 0;
    float weights = 0;
    float polLeft = 0;
    float polRight = 0;
    float polClause = 0;
    float polDecay = 0;
    int unseenPolar = 0;
    int[] ids = t.vectorIds(VECTORS);
    float[] lexValence = t.valences(lex);
    for (int i = r.lo; i < r.hi; i++) {
      if (r.role[i] != MentionRoles.WORD || t.kind[i] != Tokens.WORD) {
        continue;
      }
      int id = ids[i];
      if (id < 0) {
        continue;
      }
      int d = i < first ? first - i : i - last;
      float pol = VECTORS.polarity(id);
      if (lexValence[i] == 0f && Math.abs(pol) > 0.15f) {
        fv.add(T_GPOL, pol > 0 ? 1 : 0, i < first ? 0 : 1, Math.min(d, 6), Math.abs(pol));
        unseenPolar++;
      }
      if (adj[i] * pol < 0 && lexValence[i] != 0f) {
        pol = -pol; // negated in context
      }
      if (i < first && d <= 5) {
        fv.addWord(id, 0, 1f);
        left++;
        polLeft += pol;
      } else if (i > last && d <= 5) {
        fv.addWord(id, 1, 1f);
        right++;
        polRight += pol;
      }
      if (i >= st.clauseStart && i < st.clauseEnd) {
        fv.addWord(id, 2, 1f);
        clause++;
        polClause += pol;
      }
      float w = 4f / (4f + d);
      fv.addWord(id, 3, w);
      weights += w;
      polDecay += w * pol;
    }
    // Means: each block's weights divided by their sum.
    if (left > 1) {
      fv.scaleBlock(0, 1f / left);
    }
    if (right > 1) {
      fv.scaleBlock(1, 1f / right);
    }
    if (clause > 1) {
      fv.scaleBlock(2, 1f / clause);
    }
    if (weights > 0) {
      fv.scaleBlock(3, 1f / weights);
    }
    int o = 4 * VECTOR_DIMS;
    x[o] = polLeft;
    x[o + 1] = polRight;
    x[o + 2] = polClause;
    x[o + 3] = weights > 0 ? 4f * polDecay / weights : 0f;
    x[o + 4] = after < 0 ? 0f : VECTORS.polarity(ids[after]);
    x[o + 5] = before < 0 ? 0f : VECTORS.polarity(ids[before]);
    x[o + 6] = st.agentOf;
    x[o + 7] = st.patientOf;
    x[o + 8] = st.accused ? 1f : 0f;
    x[o + 9] = st.accuser ? 1f : 0f;
    x[o + 10] = st.speaker ? 1f : 0f;
    x[o + 11] = st.quoted ? 1f : 0f;
    x[o + 12] = st.negated ? 1f : 0f;
    x[o + 13] = st.contrast == TargetStructure.AFTER_CONTRAST ? 1f : 0f;
    x[o + 14] = Math.max(-2f, Math.min(2f, st.clauseTone / 2f));
    x[o + 15] = Math.min(unseenPolar, 4) / 4f;
  }

  /** For each unit, the distance to the nearest unit of another entity (0 for such a unit). */
  private static int[] distancesToOthers(byte[] role, int units) {
    int[] d = new int[units];
    int last = -1;
    for (int u = 0; u < units; u++) {
      if (role[u] == 2) {
        last = u;
      }
      d[u] = last < 0 ? Integer.MAX_VALUE : u - last;
    }
    last = -1;
    for (int u = units - 1; u >= 0; u--) {
      if (role[u] == 2) {
        last = u;
      }
      if (last >= 0) {
        d[u] = Math.min(d[u], last - u);
      }
    }
    return d;
  }

  private static boolean isBreak(Tokens t, int i, byte role) {
    return role == 0 && (t.isClauseBreak(i) || "but".equals(t.lower[i]));
  }
}
