package io.newsdesk.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits news text into sentences: at terminal punctuation followed by a capitalised word, at line
 * breaks, never after titles ("Gen.", "Mr.") or inside initialisms used mid-sentence ("U.S.
 * troops"). A dateline ("BAGHDAD, January 11 —") stays with its sentence. Thread-safe.
 */
public final class SentenceSplitter {

  /** Capitalised words that, after an abbreviation such as "U.S.", begin a new sentence. */
  private static final Set<String> SENTENCE_STARTERS =
      Set.of(
          "the",
          "he",
          "she",
          "it",
          "they",
          "we",
          "i",
          "you",
          "but",
          "and",
          "in",
          "on",
          "at",
          "a",
          "an",
          "this",
          "that",
          "these",
          "those",
          "there",
          "his",
          "her",
          "their",
          "its",
          "our",
          "as",
          "after",
          "before",
          "when",
          "while",
          "if",
          "however",
          "meanwhile",
          "officials",
          "some",
          "many",
          "most",
          "no",
          "one",
          "two",
          "three",
          "last",
          "earlier",
          "later",
          "what",
          "who",
          "why",
          "how",
          "since",
          "during",
          "for",
          "with",
          "according");

  private SentenceSplitter() {}

  /** Character spans of the sentences of {@code text}, trimmed to their first and last token. */
  public static List<Span> split(String text) {
    List<Token> tokens = Tokenizer.tokenize(text);
    List<Span> byToken = splitTokens(text, tokens);
    List<Span> out = new ArrayList<>(byToken.size());
    for (Span s : byToken) {
      out.add(new Span(tokens.get(s.start()).start(), tokens.get(s.end() - 1).end()));
    }
    return out;
  }

  /** Sentences as token-index spans over {@code tokens} (the tokens of {@code text}). */
  public static List<Span> splitTokens(String text, List<Token> tokens) {
    List<Span> out = new ArrayList<>();
    int n = tokens.size();
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (i + 1 == n) {
        out.add(new Span(start, n));
        break;
      }
      Token t = tokens.get(i);
      Token next = tokens.get(i + 1);
      boolean boundary;
      if (hasLineBreak(text, t.end(), next.start())) {
        boundary = true;
      } else if (isTerminal(t.text())) {
        // Closing quotes and brackets belong to the sentence they end.
        int j = i + 1;
        while (j < n && isCloser(tokens.get(j), tokens.get(j - 1))) {
          j++;
        }
        if (j == n) {
          out.add(new Span(start, n));
          break;
        }
        boolean nextOnNewLine = hasLineBreak(text, tokens.get(j - 1).end(), tokens.get(j).start());
        if (nextOnNewLine || startsSentence(tokens.get(j).text(), t.text())) {
          out.add(new Span(start, j));
          start = j;
          i = j - 1;
        }
        continue;
      } else if (t.text().length() > 1 && t.text().endsWith(".")) {
        boundary = endsSentenceAfterAbbreviation(t.text(), next.text());
      } else {
        boundary = false;
      }
      if (boundary) {
        out.add(new Span(start, i + 1));
        start = i + 1;
      }
    }
    return out;
  }

  private static boolean isTerminal(String s) {
    char c = s.charAt(0);
    return c == '.' || c == '!' || c == '?' || c == '\u2026';
  }

  private static boolean isCloser(Token t, Token before) {
    String s = t.text();
    if (s.length() != 1) {
      return false;
    }
    char c = s.charAt(0);
    if (c == '"' || c == '\'') {
      // A straight quote closes only when it touches what it closes; after a space it opens.
      return t.start() == before.end();
    }
    return c == '\u201d' || c == '\u2019' || c == ')' || c == ']' || c == '\u00bb';
  }

  private static boolean startsSentence(String next, String terminal) {
    int cp = next.codePointAt(0);
    if (Character.isLowerCase(cp)) {
      return false;
    }
    // An ellipsis often marks an omission inside a quote; only a capital continues a new sentence.
    if (terminal.length() > 1 && terminal.charAt(0) == '.' || terminal.charAt(0) == '\u2026') {
      return Character.isUpperCase(cp);
    }
    return true;
  }

  private static boolean endsSentenceAfterAbbreviation(String abbrev, String next) {
    String bare = abbrev.substring(0, abbrev.length() - 1).toLowerCase(Locale.ROOT);
    if (Tokenizer.TITLES.contains(bare) || bare.length() == 1) {
      return false;
    }
    return SENTENCE_STARTERS.contains(next.toLowerCase(Locale.ROOT))
        && Character.isUpperCase(next.codePointAt(0));
  }

  private static boolean hasLineBreak(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c == '\n' || c == '\r' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }
}
