package io.newsdesk.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits news text into word, number and punctuation tokens with character offsets, in one pass
 * without regular expressions. Keeps "U.S.", "Int'l", "al-Sudani", "2,500", "1.2", site names
 * ("Amazon.com") and known abbreviations ("Mr.", "Gen.", "Jan.") whole; splits the possessive "'s"
 * off as its own token. Thread-safe.
 */
public final class Tokenizer {

  /** Lower-case abbreviations (without their final dot) that keep the dot that follows them. */
  static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
          "adm", "cmdr", "brig", "gov", "sen", "rep", "reps", "rev", "hon", "pres", "supt", "atty",
          "messrs", "mme", "mlle", "st", "jr", "sr", "co", "corp", "inc", "ltd", "bros", "plc",
          "vs", "etc", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
          "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "approx",
          "dept", "mt", "ft", "ave", "blvd", "rd", "sq", "int'l", "govt", "gov't", "univ", "assn",
          "pp", "cf", "ph.d", "e.g", "i.e", "a.m", "p.m");

  /**
   * Abbreviations that always precede a name, so a capitalised word after them never starts a
   * sentence.
   */
  static final Set<String> TITLES =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
          "adm", "cmdr", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "atty",
          "messrs", "mme", "mlle", "st", "vs");

  private Tokenizer() {}

  /** Tokens of {@code text} in order; offsets index into {@code text}. */
  public static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>(Math.max(16, text.length() / 5));
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      int end;
      if (isWordChar(text, i)) {
        end = scanWord(text, i);
      } else if (isApostrophe(c)
          && i + 1 < n
          && (text.charAt(i + 1) | 0x20) == 's'
          && (i + 2 == n || !isWordChar(text, i + 2))
          && i > 0
          && isWordChar(text, i - 1)) {
        end = i + 2;
      } else if (c == '.' || c == '-' || c == '!' || c == '?') {
        end = i + 1;
        while (end < n && text.charAt(end) == c) {
          end++;
        }
      } else {
        end = i + Character.charCount(text.codePointAt(i));
      }
      out.add(new Token(text.substring(i, end), i, end));
      i = end;
    }
    return out;
  }

  private static int scanWord(String text, int start) {
    int n = text.length();
    int j = start;
    boolean numeric = Character.isDigit(text.charAt(start));
    while (j < n) {
      if (isWordChar(text, j)) {
        j += Character.charCount(text.codePointAt(j));
        continue;
      }
      char c = text.charAt(j);
      boolean nextWord = j + 1 < n && isWordChar(text, j + 1);
      if (!nextWord) {
        break;
      }
      if (c == '-' || c == '\u2010' || c == '\u2011' || c == '&' && isUpperRun(text, start, j)) {
        numeric = false;
        j++;
      } else if (isApostrophe(c)) {
        // A possessive or a contraction like "'s" is split off; "Int'l" and "O'Neill" stay whole.
        if ((text.charAt(j + 1) | 0x20) == 's' && (j + 2 == n || !isWordChar(text, j + 2))) {
          break;
        }
        if (!Character.isLetter(text.charAt(j + 1))) {
          break;
        }
        j++;
      } else if ((c == '.' || c == ',') && numeric && Character.isDigit(text.charAt(j + 1))) {
        if (c == ',' && !isThousandsGroup(text, j + 1)) {
          break;
        }
        j++;
      } else if (c == '.' && isInitialism(text, start, j)) {
        j++;
      } else if (c == '.' && j - start >= 2 && topLevelDomainAt(text, j + 1)) {
        j++; // "Amazon.com", "Booking.com", "bbc.co.uk": a site's name is one word
        numeric = false;
      } else {
        break;
      }
    }
    if (j < n && text.charAt(j) == '.' && keepsDot(text, start, j)) {
      j++;
    }
    return j;
  }

  /** Lower-case endings of a site's name: "Amazon.com", "bbc.co.uk". */
  static final Set<String> TOP_LEVEL_DOMAINS =
      Set.of(
          "com", "org", "net", "gov", "edu", "io", "info", "biz", "tv", "co", "uk", "de", "fr",
          "ru", "cn", "au", "ca", "ai", "news", "jp");

  /**
   * True when a lower-case top-level domain starts at {@code from} and the word ends after it (or
   * another domain part follows): "com" in "Amazon.com", "co" in "bbc.co.uk". Capitals after the
   * dot ("home.It") are a missing space, not a site.
   */
  private static boolean topLevelDomainAt(String text, int from) {
    int n = text.length();
    int k = from;
    while (k < n && text.charAt(k) >= 'a' && text.charAt(k) <= 'z') {
      k++;
    }
    if (k == from || k < n && isWordChar(text, k)) {
      return false;
    }
    if (!TOP_LEVEL_DOMAINS.contains(text.substring(from, k))) {
      return false;
    }
    return k == n
        || text.charAt(k) != '.'
        || k + 1 == n
        || !isWordChar(text, k + 1)
        || topLevelDomainAt(text, k + 1);
  }

  /** True when {@code [start, dot)} is "U" or "U.S" so far and the dot continues an initialism. */
  private static boolean isInitialism(String text, int start, int dot) {
    int len = dot - start;
    // "U.S", or "D-N.Y" as in a legislator's "(D-N.Y.)": one letter since the last dot or hyphen.
    if (len != 1 && !(len >= 3 && (text.charAt(dot - 2) == '.' || text.charAt(dot - 2) == '-'))) {
      return false;
    }
    if (!Character.isLetter(text.charAt(dot - 1))) {
      return false;
    }
    int n = text.length();
    // The next segment must again be a single letter followed by a dot or the end of the word.
    return dot + 2 <= n
        && Character.isLetter(text.charAt(dot + 1))
        && (dot + 2 == n || !isWordChar(text, dot + 2));
  }

  private static boolean keepsDot(String text, int start, int dot) {
    int len = dot - start;
    char first = text.charAt(start);
    if (len == 1 && Character.isLetter(first)) {
      return true;
    }
    if (len >= 3 && text.charAt(dot - 2) == '.') {
      return true;
    }
    if (len > 6) {
      return false;
    }
    return ABBREVIATIONS.contains(text.substring(start, dot).toLowerCase(Locale.ROOT));
  }

  private static boolean isThousandsGroup(String text, int from) {
    int n = text.length();
    if (from + 3 > n) {
      return false;
    }
    for (int k = from; k < from + 3; k++) {
      if (!Character.isDigit(text.charAt(k))) {
        return false;
      }
    }
    return from + 3 == n || !Character.isDigit(text.charAt(from + 3));
  }

  private static boolean isUpperRun(String text, int start, int end) {
    for (int k = start; k < end; k++) {
      if (!Character.isUpperCase(text.charAt(k))) {
        return false;
      }
    }
    return end - start <= 4;
  }

  static boolean isWordChar(String text, int i) {
    char c = text.charAt(i);
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    int cp = text.codePointAt(i);
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u02bc';
  }

  static boolean isSpace(char c) {
    return c == ' '
        || c == '\n'
        || c == '\t'
        || c == '\r'
        || c == '\u00a0'
        || (c > 127 && (Character.isWhitespace(c) || Character.isSpaceChar(c)))
        || c == '\u200b'
        || c == '\ufeff';
  }
}
