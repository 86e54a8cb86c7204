package io.newsdesk.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lists of names by category (countries, capitals, organisations, titles, first names...) matched
 * case-insensitively as token sequences. Immutable after loading.
 */
final class Gazetteer {

  static final String RESOURCE = "/io/newsdesk/enrich/entities/gazetteer-en.txt";

  private final List<String> categories = new ArrayList<>();
  private final Node root = new Node();
  private int maxLength;

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    int categories; // bit set of categories ending here
  }

  /** The gazetteer shipped with the project. */
  static Gazetteer loadDefault() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads lines {@code CATEGORY<TAB>phrase}; '#' starts a comment line. */
  static Gazetteer read(InputStream in) throws IOException {
    Gazetteer g = new Gazetteer();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      String category = line.substring(0, tab).trim();
      for (String phrase : line.substring(tab + 1).split("\\|")) {
        if (!phrase.isBlank()) {
          g.add(category, phrase.trim());
        }
      }
    }
    return g;
  }

  private void add(String category, String phrase) {
    int c = categories.indexOf(category);
    if (c < 0) {
      categories.add(category);
      c = categories.size() - 1;
      if (c >= 31) {
        throw new IllegalStateException("too many gazetteer categories");
      }
    }
    List<String> toks = new ArrayList<>();
    for (var t : io.newsdesk.enrich.text.Tokenizer.tokenize(phrase)) {
      toks.add(t.text().toLowerCase(Locale.ROOT));
    }
    Node n = root;
    for (String t : toks) {
      n = n.next.computeIfAbsent(t, k -> new Node());
    }
    n.categories |= 1 << c;
    maxLength = Math.max(maxLength, toks.size());
  }

  int categoryCount() {
    return categories.size();
  }

  String category(int index) {
    return categories.get(index);
  }

  /** True when the lower-cased phrase is listed under {@code category}. */
  boolean contains(String category, List<String> lowerTokens) {
    int c = categories.indexOf(category);
    if (c < 0) {
      return false;
    }
    Node n = root;
    for (String t : lowerTokens) {
      n = n.next.get(t);
      if (n == null) {
        return false;
      }
    }
    return (n.categories & (1 << c)) != 0;
  }

  /**
   * For each token of a sentence (lower-cased), the BILU positions of the longest listed phrases
   * covering it: {@code result[i][c]} is 0 (none), 1 B, 2 I, 3 L or 4 U for category {@code c}.
   */
  byte[][] match(String[] lower) {
    int n = lower.length;
    byte[][] out = new byte[n][categories.size()];
    for (int i = 0; i < n; i++) {
      Node node = root;
      for (int j = i; j < n && j - i < maxLength; j++) {
        node = node.next.get(lower[j]);
        if (node == null) {
          break;
        }
        int cats = node.categories;
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
      }
    }
    return out;
  }
}
