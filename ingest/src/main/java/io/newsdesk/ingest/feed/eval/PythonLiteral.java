package io.newsdesk.ingest.feed.eval;

import java.util.ArrayList;
import java.util.List;

/** Reads the Python literals feedparser expectations compare against: strings, tuples, None. */
final class PythonLiteral {
  private PythonLiteral() {}

  /** A parsed literal: a String, a List of Longs (tuple), null for None; or NOT_LITERAL. */
  static final Object NOT_LITERAL = new Object();

  static Object parse(String text) {
    String t = text.strip();
    if (t.equals("None")) {
      return null;
    }
    if (t.startsWith("(") && t.endsWith(")")) {
      List<Long> out = new ArrayList<>();
      for (String part : t.substring(1, t.length() - 1).split(",")) {
        String p = part.strip();
        if (p.isEmpty()) {
          continue;
        }
        try {
          out.add(Long.parseLong(p));
        } catch (NumberFormatException e) {
          return NOT_LITERAL;
        }
      }
      return out;
    }
    int i = 0;
    while (i < t.length() && (t.charAt(i) == 'u' || t.charAt(i) == 'b' || t.charAt(i) == 'r')) {
      i++;
    }
    if (i >= t.length()) {
      return NOT_LITERAL;
    }
    char q = t.charAt(i);
    if (q != '\'' && q != '"') {
      return NOT_LITERAL;
    }
    boolean raw = t.substring(0, i).contains("r");
    int end = closingQuote(t, i);
    if (end != t.length() - 1) {
      return NOT_LITERAL;
    }
    String body = t.substring(i + 1, end);
    return raw ? body : unescape(body);
  }

  /** The index of the quote closing the string opened at {@code open}, or -1. */
  static int closingQuote(String s, int open) {
    char q = s.charAt(open);
    for (int k = open + 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == q) {
        return k;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c != '\\' || k + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++k);
      switch (n) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '\\' -> out.append('\\');
        case '\'' -> out.append('\'');
        case '"' -> out.append('"');
        case 'x' -> {
          out.append((char) Integer.parseInt(s.substring(k + 1, k + 3), 16));
          k += 2;
        }
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(k + 1, k + 5), 16));
          k += 4;
        }
        case 'U' -> {
          out.appendCodePoint(Integer.parseInt(s.substring(k + 1, k + 9), 16));
          k += 8;
        }
        default -> out.append('\\').append(n);
      }
    }
    return out.toString();
  }
}
