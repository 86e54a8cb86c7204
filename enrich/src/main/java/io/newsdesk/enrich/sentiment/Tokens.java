package io.newsdesk.enrich.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Minimal tokens and sentences with character offsets, enough for sentiment; meant to give way to
 * the shared tokenizer in {@code io.newsdesk.enrich.text}.
 */
final class Tokens {

  static final byte WORD = 0;
  static final byte PUNCT = 1;
  static final byte QUOTE = 2;

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "jr", "sr", "prof", "lt",
          "col", "sgt", "capt", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar",
          "apr", "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
          "rev", "gov't", "mt", "ft", "adm", "maj", "pres", "ave");

  final String text;
  final int size;
  final int[] start;
  final int[] end;
  final String[] lower;
  final byte[] kind;

  /** Per token, looked up once per text rather than once per target: lazy. */
  private int[] vectorIds;

  private float[] valences;
  private int[] clusterIds;

  /** Rows of the tokens in {@code vectors}, -1 when absent. */
  int[] vectorIds(WordVectors vectors) {
    if (vectorIds == null) {
      int[] ids = new int[size];
      for (int i = 0; i < size; i++) {
        ids[i] = kind[i] == WORD ? vectors.id(lower[i]) : -1;
      }
      vectorIds = ids;
    }
    return vectorIds;
  }

  /** Lexicon valence of each token out of context, 0 for punctuation and unknown words. */
  float[] valences(Lexicon lex) {
    if (valences == null) {
      float[] val = new float[size];
      for (int i = 0; i < size; i++) {
        val[i] = kind[i] == WORD ? lex.valence(lower[i]) : 0f;
      }
      valences = val;
    }
    return valences;
  }

  /**
   * Word class of each token (-1 when it has none): {@code byRow[row]} for a token with a row in
   * {@code vectors}, else its class in {@code clusters} unless {@code covered} (every classed word
   * has a row).
   */
  int[] clusterIds(WordVectors vectors, int[] byRow, WordClusters clusters, boolean covered) {
    if (clusterIds == null) {
      int[] rows = vectorIds(vectors);
      int[] ids = new int[size];
      for (int i = 0; i < size; i++) {
        ids[i] =
            kind[i] != WORD
                ? -1
                : rows[i] >= 0 ? byRow[rows[i]] : covered ? -1 : clusters.of(lower[i]);
      }
      clusterIds = ids;
    }
    return clusterIds;
  }

  private Tokens(String text, int size, int[] start, int[] end, String[] lower, byte[] kind) {
    this.text = text;
    this.size = size;
    this.start = start;
    this.end = end;
    this.lower = lower;
    this.kind = kind;
  }

  /** Tokens of the whole text. */
  static Tokens of(String text) {
    int cap = Math.max(8, text.length() / 4);
    int[] start = new int[cap];
    int[] end = new int[cap];
    String[] lower = new String[cap];
    byte[] kind = new byte[cap];
    int n = 0;
    int len = text.length();
    // Lower-cased once for the whole text; per token only where case mapping changes lengths.
    String folded = text.toLowerCase(Locale.ROOT);
    if (folded.length() != len) {
      folded = null;
    } else if (folded.indexOf('’') >= 0) {
      folded = folded.replace('’', '\'');
    }
    int i = 0;
    while (i < len) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int s = i;
      byte k;
      if (Character.isLetterOrDigit(c)) {
        i++;
        while (i < len) {
          char d = text.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            i++;
          } else if ((d == '\'' || d == '’' || d == '-' || d == '.')
              && i + 1 < len
              && Character.isLetterOrDigit(text.charAt(i + 1))) {
            i += 2;
          } else {
            break;
          }
        }
        k = WORD;
      } else {
        i++;
        k = isQuote(c) ? QUOTE : PUNCT;
      }
      if (n == start.length) {
        int m = n * 2;
        start = java.util.Arrays.copyOf(start, m);
        end = java.util.Arrays.copyOf(end, m);
        lower = java.util.Arrays.copyOf(lower, m);
        kind = java.util.Arrays.copyOf(kind, m);
      }
      start[n] = s;
      end[n] = i;
      kind[n] = k;
      lower[n] =
          k != WORD
              ? text.substring(s, i)
              : folded != null ? folded.substring(s, i) : normalize(text, s, i);
      n++;
    }
    return new Tokens(text, n, start, end, lower, kind);
  }

  private static String normalize(String text, int s, int e) {
    String t = text.substring(s, e);
    if (t.indexOf('’') >= 0) {
      t = t.replace('’', '\'');
    }
    return t.toLowerCase(Locale.ROOT);
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '“' || c == '”' || c == '«' || c == '»' || c == '‘' || c == '’'
        || c == '\'';
  }

  boolean isWord(int i) {
    return kind[i] == WORD;
  }

  /** A clause boundary: punctuation that ends the scope of a negation. */
  boolean isClauseBreak(int i) {
    if (kind[i] != PUNCT) {
      return false;
    }
    char c = text.charAt(start[i]);
    return c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '('
        || c == ')' || c == '—' || c == '–';
  }

  /** Sentences as token ranges {@code [from, to)}. */
  List<int[]> sentences() {
    List<int[]> out = new ArrayList<>();
    int s = 0;
    for (int i = 0; i < size; i++) {
      boolean brk = false;
      if (i + 1 < size && hasNewline(end[i], start[i + 1])) {
        brk = true;
      } else if (kind[i] == PUNCT && isTerminal(text.charAt(start[i]))) {
        int j = i + 1;
        while (j < size && (kind[j] == QUOTE || text.charAt(start[j]) == ')') && j - i < 3) {
          j++;
        }
        if (j >= size) {
          i = size - 1;
        } else if (startsSentence(j) && !abbreviationBefore(i)) {
          i = j - 1;
          brk = true;
        }
      }
      if (brk) {
        out.add(new int[] {s, i + 1});
        s = i + 1;
      }
    }
    if (s < size) {
      out.add(new int[] {s, size});
    }
    return out;
  }

  private boolean hasNewline(int from, int to) {
    for (int k = from; k < to; k++) {
      if (text.charAt(k) == '\n') {
        return true;
      }
    }
    return false;
  }

  private static boolean isTerminal(char c) {
    return c == '.' || c == '!' || c == '?';
  }

  private boolean startsSentence(int j) {
    char c = text.charAt(start[j]);
    return Character.isUpperCase(c) || Character.isDigit(c) || kind[j] == QUOTE;
  }

  private boolean abbreviationBefore(int i) {
    if (text.charAt(start[i]) != '.' || i == 0 || kind[i - 1] != WORD || end[i - 1] != start[i]) {
      return false;
    }
    String w = lower[i - 1];
    return w.length() == 1 || ABBREVIATIONS.contains(w);
  }
}
