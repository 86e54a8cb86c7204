package io.newsdesk.enrich.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Feature extraction for the entity tagger: hashed 64-bit feature ids from word identity, shape,
 * affixes, a window of neighbours, gazetteers, word clusters, document-level casing evidence and
 * the labels already predicted (in the sentence and earlier in the document). Thread-safe.
 */
final class NerFeatures {

  private static final String BOS = "<s>";
  private static final String EOS = "</s>";
  private static final int MAX_STATIC = 192;

  private static final long BIAS = hash(0, "");

  // hash(80, casing pattern) by [sentence-initial or headline][pattern bits lCU, or 8 for none].
  private static final long[][] CASING = new long[2][9];

  static {
    for (int init = 0; init < 2; init++) {
      for (int p = 0; p < 8; p++) {
        String pattern =
            ((p & 1) != 0 ? "l" : "") + ((p & 2) != 0 ? "C" : "") + ((p & 4) != 0 ? "U" : "");
        CASING[init][p] = hash(80, (init == 1 ? "init-" : "") + pattern);
      }
      CASING[init][8] = hash(80, init == 1 ? "init-none" : "none");
    }
  }

  /** Words that mark the type of the name they are part of ("Records", "Lake", "Cup"). */
  static final String KEYWORDS = "/io/newsdesk/enrich/entities/name-keywords-en.txt";

  // Lower-cased keyword to a bit per category of KEYWORDS.
  private static final Map<String, Integer> KEYWORD_TYPES = new HashMap<>();

  // Lower-case words that may join the capitalised words of one name ("University of Geneva").
  private static final java.util.Set<String> CONNECTORS =
      java.util.Set.of(
          "of", "the", "and", "for", "de", "du", "des", "la", "le", "van", "von", "der", "da", "di",
          "del", "y", "i", "on", "upon", "am", "an", "al", "el", "bin", "ibn");

  static {
    try (java.io.InputStream in = NerFeatures.class.getResourceAsStream(KEYWORDS)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + KEYWORDS);
      }
      java.io.BufferedReader r =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      int category = 0;
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (line.startsWith("#") || tab < 0) {
          continue;
        }
        int bit = 1 << category++;
        for (String word : line.substring(tab + 1).split("\\|")) {
          KEYWORD_TYPES.merge(word.trim(), bit, (a, b) -> a | b);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final Gazetteer gazetteer;
  private final WordClusters clusters;

  NerFeatures(Gazetteer gazetteer, WordClusters clusters) {
    this.gazetteer = gazetteer;
    this.clusters = clusters;
  }

  /** A document prepared for tagging: per-token strings and the label-independent features. */
  static final class Doc {
    final String[][] words;
    final String[][] lower;
    final String[][] shapes;
    final long[][][] statics;

    Doc(String[][] words, String[][] lower, String[][] shapes, long[][][] statics) {
      this.words = words;
      this.lower = lower;
      this.shapes = shapes;
      this.statics = statics;
    }

    int sentenceCount() {
      return words.length;
    }
  }

  /**
   * How many word-identity features (the word, lower-cased, and with either neighbour) each token's
   * features start with, after the bias.
   */
  static final int IDENTITY = 4;

  /**
   * The document with the word-identity features of capitalised tokens dropped, each token with
   * probability {@code p}: trained on such copies, the model learns to tag a name from its shape,
   * word class, gazetteer matches and context, as it must for names it never saw.
   */
  static Doc dropIdentity(Doc doc, java.util.Random random, double p) {
    long[][][] statics = new long[doc.statics.length][][];
    for (int s = 0; s < statics.length; s++) {
      statics[s] = doc.statics[s].clone();
      for (int i = 0; i < statics[s].length; i++) {
        if (Character.isUpperCase(doc.words[s][i].charAt(0)) && random.nextDouble() < p) {
          long[] f = doc.statics[s][i];
          long[] kept = new long[f.length - IDENTITY];
          kept[0] = f[0];
          System.arraycopy(f, 1 + IDENTITY, kept, 1, f.length - 1 - IDENTITY);
          statics[s][i] = kept;
        }
      }
    }
    return new Doc(doc.words, doc.lower, doc.shapes, statics);
  }

  /** Prepares a document given as sentences of tokens. */
  Doc prepare(List<String[]> sentences) {
    return prepare(sentences, true);
  }

  /**
   * As {@link #prepare(List)}; without {@code wordLocal}, each token's statics leave out the
   * features of single words, its own and each neighbour's alone ({@link #wordLocalFeatures},
   * {@link #neighbourFeatures}), which the caller scores once per word.
   */
  Doc prepare(List<String[]> sentences, boolean wordLocal) {
    int ns = sentences.size();
    String[][] words = new String[ns][];
    String[][] lower = new String[ns][];
    String[][] shapes = new String[ns][];
    boolean[] upperSentence = new boolean[ns];
    // Casing evidence from the whole document: how each word appears where its case is informative.
    Map<String, int[]> casing = new HashMap<>();
    for (int s = 0; s < ns; s++) {
      String[] raw = sentences.get(s);
      int n = raw.length;
      words[s] = new String[n];
      lower[s] = new String[n];
      shapes[s] = new String[n];
      int letters = 0;
      int upper = 0;
      for (int i = 0; i < n; i++) {
        String w = normalise(raw[i]);
        words[s][i] = w;
        lower[s][i] = w.toLowerCase(Locale.ROOT);
        shapes[s][i] = shape(w);
        for (int k = 0; k < w.length(); k++) {
          char c = w.charAt(k);
          if (Character.isLetter(c)) {
            letters++;
            if (Character.isUpperCase(c)) {
              upper++;
            }
          }
        }
      }
      upperSentence[s] = letters >= 4 && upper * 10 >= letters * 9;
    }
    for (int s = 0; s < ns; s++) {
      if (upperSentence[s]) {
        continue;
      }
      for (int i = 1; i < words[s].length; i++) {
        String w = words[s][i];
        int[] c = casing.computeIfAbsent(lower[s][i], k -> new int[3]);
        char first = w.charAt(0);
        if (Character.isUpperCase(first)) {
          c[isAllUpper(w) ? 2 : 1]++;
        } else if (Character.isLowerCase(first)) {
          c[0]++;
        }
      }
    }
    long[][][] statics = new long[ns][][];
    long[] buf = new long[MAX_STATIC];
    for (int s = 0; s < ns; s++) {
      int n = words[s].length;
      statics[s] = new long[n][];
      String[] dl = new String[n];
      for (int i = 0; i < n; i++) {
        dl[i] = digits(lower[s][i]);
      }
      byte[][] gaz = gazetteer == null ? null : gazetteer.match(lower[s]);
      int[] runs = keywordRuns(words[s], lower[s]);
      int[] cls = null;
      if (clusters != null) {
        cls = new int[n];
        for (int i = 0; i < n; i++) {
          cls[i] = clusters.row(words[s][i]);
        }
      }
      for (int i = 0; i < n; i++) {
        int k =
            staticFeatures(
                words[s],
                lower[s],
                dl,
                shapes[s],
                gaz,
                cls,
                runs,
                upperSentence[s],
                casing,
                i,
                wordLocal,
                buf);
        long[] f = new long[k];
        System.arraycopy(buf, 0, f, 0, k);
        statics[s][i] = f;
      }
    }
    return new Doc(words, lower, shapes, statics);
  }

  private int staticFeatures(
      String[] w,
      String[] lw,
      String[] dl,
      String[] sh,
      byte[][] gaz,
      int[] cls,
      int[] runs,
      boolean upperSentence,
      Map<String, int[]> casing,
      int i,
      boolean wordLocal,
      long[] out) {
    int k = 0;
    int n = w.length;
    String word = w[i];
    String low = lw[i];
    String dlow = dl[i];
    String p1 = i > 0 ? lw[i - 1] : BOS;
    String n1 = i + 1 < n ? lw[i + 1] : EOS;
    String dp1 = i > 0 ? dl[i - 1] : BOS;
    String dp2 = i > 1 ? dl[i - 2] : BOS;
    String dn1 = i + 1 < n ? dl[i + 1] : EOS;
    String dn2 = i + 2 < n ? dl[i + 2] : EOS;
    String s0 = sh[i];
    String sp = i > 0 ? sh[i - 1] : BOS;
    String sn = i + 1 < n ? sh[i + 1] : EOS;
    // The word-identity features come first (IDENTITY of them), so training can drop them.
    // Without wordLocal the features that depend on the word alone are left out: the order of the
    // others stays the same.
    if (wordLocal) {
      k = identityFeatures(word, low, dlow, out, k);
    }
    out[k++] = hash(17, dp1, dlow);
    out[k++] = hash(18, dlow, dn1);
    if (wordLocal) {
      k = formFeatures(word, low, s0, out, k);
    }
    // A neighbour's own features are left out with the word-local ones, when there is one.
    // (No arrays of the neighbours: built per token, they were a good part of its garbage.)
    for (int r = 0; r < NEIGHBOURS; r++) {
      if (wordLocal || !exists(r, i, n)) {
        out[k++] = hash(WORD_AT[r], r == 0 ? dp1 : r == 1 ? dn1 : r == 2 ? dp2 : dn2);
      }
    }
    out[k++] = hash(19, sp, s0, sn);
    if (wordLocal || !exists(PREV, i, n)) {
      out[k++] = hash(SHAPE_AT[PREV], sp);
    }
    if (wordLocal || !exists(NEXT, i, n)) {
      out[k++] = hash(SHAPE_AT[NEXT], sn);
    }
    out[k++] = hash(22, p1, s0);
    out[k++] = hash(23, s0, n1);
    out[k++] = hash(24, sp, s0);
    out[k++] = hash(25, s0, sn);
    if (i == 0) {
      out[k++] = hash(26, s0);
      out[k++] = hash(27, dlow);
    }
    if (n == 1) {
      out[k++] = hash(28, s0);
    }
    if (upperSentence) {
      out[k++] = hash(29, dlow);
      out[k++] = hash(30, dp1, dlow);
      out[k++] = hash(31, dlow, dn1);
    }
    if (gaz != null) {
      for (int c = 0; c < gaz[i].length; c++) {
        if (gaz[i][c] != 0) {
          out[k++] = hash(32, c, gaz[i][c]);
          out[k++] = hash(33, c, gaz[i][c], s0);
        }
        if (i > 0 && gaz[i - 1][c] != 0) {
          out[k++] = hash(34, c, gaz[i - 1][c]);
        }
        if (i + 1 < n && gaz[i + 1][c] != 0) {
          out[k++] = hash(35, c, gaz[i + 1][c]);
        }
      }
    }
    if (runs[i] != 0) {
      // Keywords of the capitalised name this word is part of: the keyword's type, whether it is
      // this word, a later or an earlier one, and where this word stands in the name.
      int r = runs[i];
      int place = (r >>> 24) & 3;
      for (int rel = 0; rel < 3; rel++) {
        int cats = (r >>> (rel * 8)) & 0xff;
        while (cats != 0) {
          int c = Integer.numberOfTrailingZeros(cats);
          cats &= cats - 1;
          out[k++] = hash(36, c, rel);
          out[k++] = hash(37, c * 3 + rel, place);
        }
      }
    }
    if (clusters != null) {
      WordClusters wc = clusters;
      int c0 = cls[i];
      for (int g = 0; g < wc.granularities(); g++) {
        if (wordLocal) {
          k = classFeatures(wc, c0, g, s0, out, k);
        }
        for (int r = 0; r < NEIGHBOURS; r++) {
          boolean there = exists(r, i, n);
          if (wordLocal || !there) {
            out[k++] = neighbourClass(wc, there ? cls[i + OFFSET[r]] : -1, there, r, g);
          }
        }
      }
      if (c0 < 0 && wordLocal) {
        out[k++] = hash(140, s0);
      }
    }
    char first = word.charAt(0);
    if (Character.isUpperCase(first)) {
      int[] c = casing.get(low);
      // Sentence-initial and headline words borrow the casing the same word has elsewhere.
      int pattern = c == null ? 8 : (c[0] > 0 ? 1 : 0) | (c[1] > 0 ? 2 : 0) | (c[2] > 0 ? 4 : 0);
      out[k++] = CASING[i == 0 || upperSentence ? 1 : 0][pattern];
    }
    return k;
  }

  /**
   * The features of a token that depend on its (normalised) word alone, the bias included: the same
   * as {@link #prepare(List)} gives the token besides those {@code prepare(sentences, false)} does,
   * so a word's weights for them can be summed once and reused wherever the word occurs.
   */
  int wordLocalFeatures(String word, long[] out) {
    String low = word.toLowerCase(Locale.ROOT);
    String s0 = shape(word);
    int k = identityFeatures(word, low, digits(low), out, 0);
    k = formFeatures(word, low, s0, out, k);
    if (clusters != null) {
      int c0 = clusters.row(word);
      for (int g = 0; g < clusters.granularities(); g++) {
        k = classFeatures(clusters, c0, g, s0, out, k);
      }
      if (c0 < 0) {
        out[k++] = hash(140, s0);
      }
    }
    return k;
  }

  /**
   * All the features of single words that {@code word} gives, part after part in {@code out}: its
   * own ({@link #wordLocalFeatures}), then its features as each neighbour ({@link
   * #neighbourFeatures}, relation 0 to {@link #NEIGHBOURS} - 1), in the same order; part {@code p}
   * ends at {@code ends[p]}. The word is lower-cased, shaped and looked up in the clusters once for
   * all the parts. {@code out} holds at least {@code (1 + NEIGHBOURS) * maxWordLocalFeatures()}.
   */
  void wordParts(String word, long[] out, int[] ends) {
    String low = word.toLowerCase(Locale.ROOT);
    String dlow = digits(low);
    String s0 = shape(word);
    int c0 = clusters == null ? -1 : clusters.row(word);
    int k = identityFeatures(word, low, dlow, out, 0);
    k = formFeatures(word, low, s0, out, k);
    if (clusters != null) {
      for (int g = 0; g < clusters.granularities(); g++) {
        k = classFeatures(clusters, c0, g, s0, out, k);
      }
      if (c0 < 0) {
        out[k++] = hash(140, s0);
      }
    }
    ends[0] = k;
    for (int r = 0; r < NEIGHBOURS; r++) {
      out[k++] = hash(WORD_AT[r], dlow);
      if (r < SHAPE_AT.length) {
        out[k++] = hash(SHAPE_AT[r], s0);
      }
      if (clusters != null) {
        for (int g = 0; g < clusters.granularities(); g++) {
          out[k++] = neighbourClass(clusters, c0, true, r, g);
        }
      }
      ends[1 + r] = k;
    }
  }

  /** Neighbours whose own features are templates of their own: previous, next, second ones. */
  static final int NEIGHBOURS = 4;

  static final int PREV = 0;
  static final int NEXT = 1;

  // Per neighbour: the template of its word (digits as 0), its shape (the nearest two) and class.
  private static final int[] WORD_AT = {13, 14, 15, 16};
  private static final int[] SHAPE_AT = {20, 21};
  private static final int[] CLASS_AT = {60, 70, 120, 130};

  // Per neighbour relation, where the neighbour stands from the token.
  private static final int[] OFFSET = {-1, 1, -2, 2};

  private static boolean exists(int relation, int i, int n) {
    int at = i + OFFSET[relation];
    return at >= 0 && at < n;
  }

  /**
   * The features a token has from its neighbour {@code word} alone, the neighbour at {@code
   * relation} ({@link #PREV}, {@link #NEXT}, then the second previous and next): what {@code
   * prepare(sentences, false)} leaves out of the token's statics where that neighbour exists.
   */
  int neighbourFeatures(String word, int relation, long[] out) {
    int k = 0;
    out[k++] = hash(WORD_AT[relation], digits(word.toLowerCase(Locale.ROOT)));
    if (relation < SHAPE_AT.length) {
      out[k++] = hash(SHAPE_AT[relation], shape(word));
    }
    if (clusters != null) {
      int c = clusters.row(word);
      for (int g = 0; g < clusters.granularities(); g++) {
        out[k++] = neighbourClass(clusters, c, true, relation, g);
      }
    }
    return k;
  }

  // The neighbour's class at granularity g: -1 for a word without one, -2 past the sentence's end.
  private static long neighbourClass(WordClusters wc, int row, boolean exists, int r, int g) {
    return hash(CLASS_AT[r] + g, row < 0 ? (exists ? -1 : -2) : wc.classOf(row, g));
  }

  /** Upper bound of {@link #wordLocalFeatures}' and {@link #neighbourFeatures}' counts. */
  int maxWordLocalFeatures() {
    return 14 + (clusters == null ? 0 : 2 * clusters.granularities() + 1);
  }

  // The bias and the token's word, as written and lower-cased (digits as 0).
  private static int identityFeatures(String word, String low, String dlow, long[] out, int k) {
    out[k++] = BIAS;
    out[k++] = word == low ? hash(1, dlow) : hash(1, digits(word));
    out[k++] = hash(2, dlow);
    return k;
  }

  // Shape, long shape, and prefixes and suffixes of up to four characters.
  private static int formFeatures(String word, String low, String s0, long[] out, int k) {
    out[k++] = hash(3, s0);
    out[k++] = longShapeHash(word);
    int len = low.length();
    for (int a = 1; a <= 4 && a <= len; a++) {
      out[k++] = hashRange(4 + a, low, 0, a);
      out[k++] = hashRange(8 + a, low, len - a, len);
    }
    return k;
  }

  // The word's class at granularity g, alone and with its shape.
  private static int classFeatures(WordClusters wc, int c0, int g, String s0, long[] out, int k) {
    int a = c0 < 0 ? -1 : wc.classOf(c0, g);
    out[k++] = hash(40 + g, a);
    out[k++] = hash(50 + g, a, 0, s0);
    return k;
  }

  /**
   * Per token, the keyword categories of the capitalised name (a run of capitalised words, joined
   * by connectors such as "of") it is part of: bits 0-7 the token's own categories, 8-15 those of
   * later words, 16-23 those of earlier words, 24-25 the token's place (0 single, 1 first, 2
   * inside, 3 last); 0 for tokens outside a name or names without keywords.
   */
  static int[] keywordRuns(String[] words, String[] lower) {
    int n = words.length;
    int[] out = new int[n];
    int i = 0;
    while (i < n) {
      if (!Character.isUpperCase(words[i].charAt(0))) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < n) {
        if (Character.isUpperCase(words[end].charAt(0))) {
          end++;
        } else if (end + 1 < n
            && CONNECTORS.contains(words[end])
            && Character.isUpperCase(words[end + 1].charAt(0))) {
          end += 2;
        } else {
          break;
        }
      }
      int[] cats = new int[end - i];
      int any = 0;
      for (int j = i; j < end; j++) {
        cats[j - i] = KEYWORD_TYPES.getOrDefault(lower[j], 0);
        any |= cats[j - i];
      }
      if (any != 0) {
        for (int j = i; j < end; j++) {
          int before = 0;
          int after = 0;
          for (int m = i; m < end; m++) {
            if (m < j) {
              before |= cats[m - i];
            } else if (m > j) {
              after |= cats[m - i];
            }
          }
          int place = end - i == 1 ? 0 : j == i ? 1 : j == end - 1 ? 3 : 2;
          out[j] = cats[j - i] | after << 8 | before << 16 | place << 24;
        }
      }
      i = end;
    }
    return out;
  }

  /**
   * The document with features from a first-stage tagging appended: each token's first-stage label
   * and its neighbours', and the types the same word was given anywhere in the document.
   */
  Doc withStage1(Doc doc, int[][] labels) {
    long[][][] extra = stage1Features(doc, labels);
    long[][][] statics = new long[labels.length][][];
    for (int s = 0; s < labels.length; s++) {
      statics[s] = new long[labels[s].length][];
      for (int i = 0; i < labels[s].length; i++) {
        long[] st = doc.statics[s][i];
        long[] x = extra[s][i];
        long[] f = new long[st.length + x.length];
        System.arraycopy(st, 0, f, 0, st.length);
        System.arraycopy(x, 0, f, st.length, x.length);
        statics[s][i] = f;
      }
    }
    return new Doc(doc.words, doc.lower, doc.shapes, statics);
  }

  // The type a neighbouring word is given most often in the document, or -1.
  private static int majority(Map<String, int[]> agg, Doc doc, int s, int i) {
    if (i < 0 || i >= doc.words[s].length) {
      return -2;
    }
    int[] a = agg.get(doc.lower[s][i]);
    if (a == null) {
      return -1;
    }
    int best = 0;
    for (int t = 1; t < a.length; t++) {
      if (a[t] > a[best]) {
        best = t;
      }
    }
    return best;
  }

  /** Only the features {@link #withStage1} appends, per sentence and token. */
  long[][][] stage1Features(Doc doc, int[][] labels) {
    Map<String, int[]> agg = new HashMap<>();
    Map<String, int[]> inLonger = new HashMap<>();
    int nt = Labels.TYPES.length;
    for (int s = 0; s < labels.length; s++) {
      for (int i = 0; i < labels[s].length; i++) {
        if (!Character.isUpperCase(doc.words[s][i].charAt(0))) {
          continue;
        }
        int t = Labels.type(labels[s][i]);
        agg.computeIfAbsent(doc.lower[s][i], k -> new int[nt + 1])[t < 0 ? nt : t]++;
        if (t >= 0 && Labels.position(labels[s][i]) != Labels.U) {
          inLonger.computeIfAbsent(doc.lower[s][i], k -> new int[nt])[t]++;
        }
      }
    }
    long[][][] statics = new long[labels.length][][];
    long[] buf = new long[32];
    for (int s = 0; s < labels.length; s++) {
      int n = labels[s].length;
      statics[s] = new long[n][];
      for (int i = 0; i < n; i++) {
        int k = 0;
        String sh = doc.shapes[s][i];
        int lab = labels[s][i];
        int prev = i > 0 ? labels[s][i - 1] : -1;
        int next = i + 1 < n ? labels[s][i + 1] : -1;
        buf[k++] = hash(100, lab);
        buf[k++] = hash(101, prev, lab);
        buf[k++] = hash(102, lab, next);
        buf[k++] = hash(109, i > 1 ? labels[s][i - 2] : -1, i + 2 < n ? labels[s][i + 2] : -1);
        buf[k++] = hash(110, Labels.name(lab), doc.lower[s][i]);
        buf[k++] = hash(111, majority(agg, doc, s, i - 1), majority(agg, doc, s, i + 1));
        int[] a = agg.get(doc.lower[s][i]);
        if (a != null && Character.isUpperCase(doc.words[s][i].charAt(0))) {
          int best = 0;
          int total = 0;
          for (int t = 0; t <= nt; t++) {
            total += a[t];
            if (a[t] > a[best]) {
              best = t;
            }
          }
          String b = best == nt ? "O" : Labels.TYPES[best];
          String share = a[best] * 4 >= total * 3 ? "most" : "some";
          buf[k++] = hash(103, b);
          buf[k++] = hash(104, b, share);
          buf[k++] = hash(105, b, sh);
          buf[k++] = hash(106, b, Labels.name(lab));
          for (int t = 0; t < nt; t++) {
            if (a[t] > 0 && t != best) {
              buf[k++] = hash(107, Labels.TYPES[t]);
            }
          }
          int[] l = inLonger.get(doc.lower[s][i]);
          if (l != null && Labels.type(lab) < 0 || l != null && Labels.position(lab) == Labels.U) {
            for (int t = 0; t < nt; t++) {
              if (l[t] > 0) {
                buf[k++] = hash(108, Labels.TYPES[t]);
              }
            }
          }
        }
        long[] f = new long[k];
        System.arraycopy(buf, 0, f, 0, k);
        statics[s][i] = f;
      }
    }
    return statics;
  }

  /**
   * Features from the document's history (how the same capitalised word was tagged in earlier
   * sentences): label-independent within the sentence, so they join the token's own features.
   */
  int historyFeatures(Doc doc, int s, int i, int[] history, long[] out, int k) {
    if (history == null) {
      return k;
    }
    int best = -1;
    int total = 0;
    for (int t = 0; t <= Labels.TYPES.length; t++) {
      total += history[t];
      if (best < 0 || history[t] > history[best]) {
        best = t;
      }
    }
    if (total > 0) {
      String h = best == Labels.TYPES.length ? "O" : Labels.TYPES[best];
      out[k++] = hash(94, h);
      out[k++] = hash(95, h, doc.shapes[s][i]);
    }
    return k;
  }

  /**
   * Transition features between the previous label and the current one: the bare transition and the
   * transition given the current word's shape. Their weights, per current label, score an edge of
   * the Viterbi lattice.
   */
  static int pairFeatures(int prev, String shape, long[] out) {
    out[0] = hash(90, prev);
    out[1] = hash(93, Labels.name(prev), shape);
    return 2;
  }

  /** Maps typographic variants onto the plain forms the training data uses. */
  static String normalise(String w) {
    boolean plain = true;
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (c > 127) {
        plain = false;
        break;
      }
    }
    if (plain) {
      return w;
    }
    StringBuilder b = new StringBuilder(w.length());
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      switch (c) {
        case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb' -> b.append('"');
        case '\u2018', '\u2019', '\u02bc' -> b.append('\'');
        case '\u2013', '\u2014', '\u2012', '\u2010', '\u2011', '\u2212' -> b.append('-');
        case '\u2026' -> b.append("...");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  // The shapes of one class of character, and of a capitalised word: most words have one of them,
  // and as shared strings their hash codes (keys of the edge score caches) are computed once.
  private static final String[] ONE_CLASS = new String[128];
  private static final String CAPITALISED = "Xx";

  static {
    for (char c = 0; c < 128; c++) {
      ONE_CLASS[c] = String.valueOf(c).intern();
    }
  }

  static String shape(String w) {
    char first = 0;
    char second = 0;
    int runs = 0;
    for (int k = 0; k < w.length() && runs <= 2; k++) {
      char c = cls(w.charAt(k));
      if (runs == 0) {
        first = c;
        runs = 1;
      } else if (c != (runs == 1 ? first : second)) {
        second = c;
        runs++;
      }
    }
    if (runs == 1 && first < 128 && first != 0) {
      // (A NUL character is left out of a shape, as builtShape does.)
      return ONE_CLASS[first];
    }
    if (runs == 2 && first == 'X' && second == 'x') {
      return CAPITALISED;
    }
    return builtShape(w);
  }

  private static String builtShape(String w) {
    StringBuilder b = new StringBuilder(8);
    char last = 0;
    for (int k = 0; k < w.length(); k++) {
      char c = cls(w.charAt(k));
      if (c != last) {
        b.append(c);
        last = c;
      }
    }
    return b.toString();
  }

  static String longShape(String w) {
    int n = Math.min(w.length(), 6);
    char[] out = new char[n];
    for (int k = 0; k < n; k++) {
      out[k] = cls(w.charAt(k));
    }
    return new String(out) + (w.length() > 6 ? "+" : "");
  }

  private static char cls(char c) {
    if (Character.isUpperCase(c)) {
      return 'X';
    }
    if (Character.isLowerCase(c) || Character.isLetter(c)) {
      return 'x';
    }
    if (Character.isDigit(c)) {
      return 'd';
    }
    return c;
  }

  private static boolean isAllUpper(String w) {
    for (int k = 0; k < w.length(); k++) {
      if (Character.isLowerCase(w.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  static String digits(String w) {
    int k = 0;
    while (k < w.length() && !Character.isDigit(w.charAt(k))) {
      k++;
    }
    if (k == w.length()) {
      return w;
    }
    char[] c = w.toCharArray();
    for (; k < c.length; k++) {
      if (Character.isDigit(c[k])) {
        c[k] = '0';
      }
    }
    return new String(c);
  }

  // FNV-1a over the template and the characters, finished with a strong 64-bit mix.
  static long hash(int template, String a) {
    long h = 0xcbf29ce484222325L ^ (template * 0x9E3779B97F4A7C15L);
    h = mixIn(h, a);
    return finish(h);
  }

  /** {@code hash(template, a.substring(from, to))} without building the substring. */
  static long hashRange(int template, String a, int from, int to) {
    long h = 0xcbf29ce484222325L ^ (template * 0x9E3779B97F4A7C15L);
    for (int k = from; k < to; k++) {
      h = (h ^ a.charAt(k)) * 0x100000001b3L;
    }
    return finish(h);
  }

  /** {@code hash(4, longShape(w))} without building the shape. */
  static long longShapeHash(String w) {
    long h = 0xcbf29ce484222325L ^ (4 * 0x9E3779B97F4A7C15L);
    int n = Math.min(w.length(), 6);
    for (int k = 0; k < n; k++) {
      h = (h ^ cls(w.charAt(k))) * 0x100000001b3L;
    }
    if (w.length() > 6) {
      h = (h ^ '+') * 0x100000001b3L;
    }
    return finish(h);
  }

  static long hash(int template, String a, String b) {
    long h = 0xcbf29ce484222325L ^ (template * 0x9E3779B97F4A7C15L);
    h = mixIn(h, a);
    h = (h ^ 0x1f) * 0x100000001b3L;
    h = mixIn(h, b);
    return finish(h);
  }

  static long hash(int template, String a, String b, String c) {
    long h = 0xcbf29ce484222325L ^ (template * 0x9E3779B97F4A7C15L);
    h = mixIn(h, a);
    h = (h ^ 0x1f) * 0x100000001b3L;
    h = mixIn(h, b);
    h = (h ^ 0x1f) * 0x100000001b3L;
    h = mixIn(h, c);
    return finish(h);
  }

  static long hash(int template, int a) {
    return finish(
        (0xcbf29ce484222325L ^ (template * 0x9E3779B97F4A7C15L)) + a * 0xC2B2AE3D27D4EB4FL);
  }

  static long hash(int template, int a, int b) {
    return hash(template, a * 131 + b + 7);
  }

  static long hash(int template, int a, int b, String c) {
    long h = 0xcbf29ce484222325L ^ (template * 0x9E3779B97F4A7C15L) ^ (a * 131L + b);
    h = mixIn(h * 0x100000001b3L, c);
    return finish(h);
  }

  private static long mixIn(long h, String s) {
    for (int k = 0; k < s.length(); k++) {
      h = (h ^ s.charAt(k)) * 0x100000001b3L;
    }
    return h;
  }

  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
