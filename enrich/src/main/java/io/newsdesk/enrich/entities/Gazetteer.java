package io.newsdesk.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Lists of names by category (countries, cities, regions, first names, surnames, companies, clubs,
 * titles...) matched case-insensitively as token sequences. Phrases are stored as 64-bit hashes of
 * their lower-cased token prefixes, so hundreds of thousands of names take a few megabytes. Two
 * sources: the hand list written for Newsdesk ({@link #RESOURCE}) and the lists compiled from open
 * data by {@link GazetteerCompiler} ({@link #LISTS}). Immutable after loading.
 */
final class Gazetteer {

  static final String RESOURCE = "/io/newsdesk/enrich/entities/gazetteer-en.txt";

  /** Lists compiled from GeoNames, US name lists, SEC companies and football clubs. */
  static final String LISTS = "/io/newsdesk/enrich/entities/gazetteer-lists.txt.gz";

  private static final int CONTINUES = 1 << 30;
  private static final int MAX_CATEGORIES = 30;

  private final List<String> categories = new ArrayList<>();
  private final LongIntMap prefixes = new LongIntMap(1 << 16);
  private int maxLength;

  private static volatile Gazetteer standard;

  /** The gazetteer shipped with the project: the hand list and the compiled lists. */
  static Gazetteer loadDefault() {
    Gazetteer g = standard;
    if (g != null) {
      return g;
    }
    synchronized (Gazetteer.class) {
      if (standard == null) {
        Gazetteer fresh = new Gazetteer();
        fresh.readResource(RESOURCE, false);
        fresh.readResource(LISTS, true);
        standard = fresh;
      }
      return standard;
    }
  }

  private void readResource(String name, boolean optional) {
    try (InputStream in = Gazetteer.class.getResourceAsStream(name)) {
      if (in == null) {
        if (optional) {
          return;
        }
        throw new IllegalStateException("missing resource " + name);
      }
      InputStream body = name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
      readInto(this, body, name.endsWith(".gz"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads lines {@code CATEGORY<TAB>phrase|phrase}; '#' starts a comment line. */
  static Gazetteer read(InputStream in) throws IOException {
    Gazetteer g = new Gazetteer();
    readInto(g, in, false);
    return g;
  }

  /**
   * Adds the lines of a list; {@code pretokenized} phrases are lower-cased tokens separated by
   * single spaces (as {@link GazetteerCompiler} writes them), others go through the tokenizer.
   */
  private static void readInto(Gazetteer g, InputStream in, boolean pretokenized)
      throws IOException {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      int c = g.categoryId(line.substring(0, tab).trim());
      int from = tab + 1;
      while (from <= line.length()) {
        int bar = line.indexOf('|', from);
        int end = bar < 0 ? line.length() : bar;
        String phrase = line.substring(from, end).trim();
        if (!phrase.isEmpty()) {
          g.add(c, pretokenized ? List.of(phrase.split(" ")) : tokens(phrase));
        }
        from = end + 1;
      }
    }
  }

  /** The lower-cased tokens of a phrase, as the tagger sees them. */
  static List<String> tokens(String phrase) {
    List<String> toks = new ArrayList<>();
    for (var t : io.newsdesk.enrich.text.Tokenizer.tokenize(phrase)) {
      toks.add(NerFeatures.normalise(t.text()).toLowerCase(Locale.ROOT));
    }
    return toks;
  }

  private int categoryId(String category) {
    int c = categories.indexOf(category);
    if (c < 0) {
      categories.add(category);
      c = categories.size() - 1;
      if (c >= MAX_CATEGORIES) {
        throw new IllegalStateException("too many gazetteer categories");
      }
    }
    return c;
  }

  private void add(int c, List<String> toks) {
    if (toks.isEmpty()) {
      return;
    }
    long h = SEED;
    for (int k = 0; k < toks.size(); k++) {
      h = step(h, toks.get(k));
      int v = prefixes.get(h);
      int bits = v < 0 ? 0 : v;
      bits |= k + 1 == toks.size() ? 1 << c : CONTINUES;
      prefixes.put(h, bits);
    }
    maxLength = Math.max(maxLength, toks.size());
  }

  private static final long SEED = 0x2545F4914F6CDD1DL;

  private static long step(long h, String token) {
    h = (h ^ 0x1f) * 0x100000001b3L;
    for (int k = 0; k < token.length(); k++) {
      h = (h ^ token.charAt(k)) * 0x100000001b3L;
    }
    h ^= h >>> 31;
    h *= 0x7fb5d329728ea185L;
    h ^= h >>> 27;
    return h == 0 ? 1 : h;
  }

  int categoryCount() {
    return categories.size();
  }

  String category(int index) {
    return categories.get(index);
  }

  /** Number of distinct listed phrase prefixes (a measure of size). */
  int prefixCount() {
    return prefixes.size();
  }

  /** True when the lower-cased phrase is listed under {@code category}. */
  boolean contains(String category, List<String> lowerTokens) {
    int c = categories.indexOf(category);
    if (c < 0 || lowerTokens.isEmpty()) {
      return false;
    }
    long h = SEED;
    int v = -1;
    for (String t : lowerTokens) {
      h = step(h, t);
      v = prefixes.get(h);
      if (v < 0) {
        return false;
      }
    }
    return (v & (1 << c)) != 0;
  }

  /**
   * For each token of a sentence (lower-cased), the BILU positions of the longest listed phrases
   * covering it: {@code result[i][c]} is 0 (none), 1 B, 2 I, 3 L or 4 U for category {@code c}.
   */
  byte[][] match(String[] lower) {
    int n = lower.length;
    byte[][] out = new byte[n][categories.size()];
    for (int i = 0; i < n; i++) {
      long h = SEED;
      for (int j = i; j < n && j - i < maxLength; j++) {
        h = step(h, lower[j]);
        int v = prefixes.get(h);
        if (v < 0) {
          break;
        }
        int cats = v & ~CONTINUES;
        while (cats != 0) {
          int c = Integer.numberOfTrailingZeros(cats);
          cats &= cats - 1;
          if (j == i) {
            if (out[i][c] == 0) {
              out[i][c] = 4;
            }
          } else {
            out[i][c] = 1;
            for (int k = i + 1; k < j; k++) {
              out[k][c] = 2;
            }
            out[j][c] = 3;
          }
        }
        if ((v & CONTINUES) == 0) {
          break;
        }
      }
    }
    return out;
  }
}
