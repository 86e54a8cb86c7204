package io.newsdesk.enrich.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Canonical keys that stay equal across articles for spelling variants of one name: {@code
 * TYPE:normalised-name}, lower case, diacritics stripped, hyphens and apostrophes unified, Arabic
 * article prefixes ("al-", "el-") dropped, transliteration variants (Mohammed/Muhammad, Shiaa/Shia)
 * folded, and for people only the first and last names kept. Thread-safe.
 */
public final class CanonicalKeys {

  // Transliteration variants mapped onto one spelling (after lower-casing and stripping marks).
  private static final Map<String, String> VARIANTS =
      Map.ofEntries(
          Map.entry("mohammed", "muhammad"),
          Map.entry("mohammad", "muhammad"),
          Map.entry("mohamed", "muhammad"),
          Map.entry("mohamad", "muhammad"),
          Map.entry("muhammed", "muhammad"),
          Map.entry("mohammat", "muhammad"),
          Map.entry("mahomed", "muhammad"),
          Map.entry("shiaa", "shia"),
          Map.entry("shiaa'", "shia"),
          Map.entry("shi'a", "shia"),
          Map.entry("shiya", "shia"),
          Map.entry("fouad", "fuad"),
          Map.entry("hussain", "hussein"),
          Map.entry("husain", "hussein"),
          Map.entry("hussien", "hussein"),
          Map.entry("husein", "hussein"),
          Map.entry("ahmad", "ahmed"),
          Map.entry("mahmud", "mahmoud"),
          Map.entry("yousef", "yusuf"),
          Map.entry("youssef", "yusuf"),
          Map.entry("yousif", "yusuf"),
          Map.entry("abdel", "abdul"),
          Map.entry("abd", "abdul"),
          Map.entry("abdal", "abdul"),
          Map.entry("osama", "usama"),
          Map.entry("omar", "umar"),
          Map.entry("qaeda", "qaida"),
          Map.entry("qa'ida", "qaida"),
          Map.entry("qaida", "qaida"),
          Map.entry("sadr", "sadr"),
          Map.entry("nuri", "nouri"),
          Map.entry("kadhimi", "kadhimi"),
          Map.entry("kazimi", "kadhimi"),
          Map.entry("khadimi", "kadhimi"));

  private CanonicalKeys() {}

  /**
   * The canonical decomposition (NFD) of a string; a string of ASCII characters only, which most
   * names are, is its own decomposition and comes back without the normaliser's copies.
   */
  static String decompose(String s) {
    return isAscii(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFD);
  }

  /** Whether every character of {@code s} is ASCII (below U+0080). */
  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Legal forms a company's name may carry or drop between reports ("Nvidia Corp", "Nvidia"): not
   * part of its key.
   */
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "co",
          "company",
          "ltd",
          "limited",
          "plc",
          "llc",
          "lp",
          "llp",
          "gmbh",
          "ag",
          "sa",
          "nv",
          "bv",
          "spa",
          "ab",
          "asa",
          "&",
          "and");

  /** The cross-article key of a name of the given type. */
  public static String key(String type, String name) {
    List<String> tokens = fold(name);
    if (type.equals("PER") && tokens.size() > 2) {
      // Middle names and patronymics come and go between reports; the first and last names stay,
      // each whole: "Lee Jae-yong" keeps "jae yong" ("Kim Hong-il" is not "Kim Jong-il").
      List<List<String>> words = new ArrayList<>();
      for (String w : name.trim().split("\\s+")) {
        List<String> f = fold(w);
        if (!f.isEmpty()) {
          words.add(f);
        }
      }
      if (words.size() > 2) {
        tokens = new ArrayList<>(words.get(0));
        tokens.addAll(words.get(words.size() - 1));
      }
    }
    if (type.equals("ORG")) {
      int n = tokens.size();
      while (n > 1 && LEGAL_FORMS.contains(tokens.get(n - 1))) {
        n--;
      }
      tokens = tokens.subList(0, n);
    }
    return type + ":" + String.join(" ", tokens);
  }

  /** The folded tokens of a name, as used for keys and for matching mentions in an article. */
  static List<String> fold(String name) {
    String s = decompose(name);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
        continue;
      }
      if (c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`' || c == '\u00b4') {
        c = '\'';
      }
      if (c == '\u2010' || c == '\u2011' || c == '\u2013' || c == '\u2014' || c == '_') {
        c = '-';
      }
      b.append(Character.toLowerCase(c));
    }
    List<String> out = new ArrayList<>();
    for (String part : parts(b.toString())) {
      String t = part;
      // Possessives and stray punctuation around the name carry no identity.
      if (t.endsWith("'s")) {
        t = t.substring(0, t.length() - 2);
      }
      t = strip(t);
      if (t.isEmpty()) {
        continue;
      }
      if (t.equals("al") || t.equals("el") || t.equals(" al'") || t.equals("the")) {
        continue;
      }
      if ((t.startsWith("al'") || t.startsWith("el'")) && t.length() > 3) {
        t = t.substring(3);
      }
      if (t.indexOf('.') >= 0 && t.length() <= 8) {
        t = t.replace(".", "");
      }
      String v = VARIANTS.get(t);
      if (v == null) {
        v = VARIANTS.get(t.replace("'", ""));
      }
      out.add(v != null ? v : t.replace("'", ""));
    }
    return out;
  }

  /**
   * The non-empty parts of {@code s} between runs of white space and hyphens: what splitting at
   * {@code [\s-]+} gives, less the empty parts, without a regular expression's matcher per name.
   */
  static List<String> parts(String s) {
    List<String> out = new ArrayList<>(4);
    int n = s.length();
    int from = 0;
    while (from < n) {
      while (from < n && isWordBreak(s.charAt(from))) {
        from++;
      }
      int to = from;
      while (to < n && !isWordBreak(s.charAt(to))) {
        to++;
      }
      if (to > from) {
        out.add(s.substring(from, to));
      }
      from = to;
    }
    return out;
  }

  /** A character of {@code [\s-]}: the ASCII white space of regular expressions, or a hyphen. */
  private static boolean isWordBreak(char c) {
    return c == ' '
        || c == '-'
        || c == '\t'
        || c == '\n'
        || c == '\u000B'
        || c == '\f'
        || c == '\r';
  }

  private static String strip(String t) {
    int a = 0;
    int e = t.length();
    while (a < e && !Character.isLetterOrDigit(t.charAt(a))) {
      a++;
    }
    while (e > a && !Character.isLetterOrDigit(t.charAt(e - 1)) && t.charAt(e - 1) != '.') {
      e--;
    }
    return t.substring(a, e);
  }
}
