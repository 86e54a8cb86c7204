package io.newsdesk.enrich.entities;

import io.newsdesk.enrich.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds DATE, MONEY and AMOUNT mentions by rule in a tokenised sentence: "January 11, 2024", "last
 * week", "$1.2 billion", "500 million dinars", "over 85 targets", "14 Iraqi banks". Thread-safe.
 */
final class NumericEntityRules {

  /** A rule match over token indices {@code [start, end)}. */
  record Match(String type, int start, int end) {}

  static final Set<String> MONTHS =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan.",
          "feb.",
          "mar.",
          "apr.",
          "jun.",
          "jul.",
          "aug.",
          "sep.",
          "sept.",
          "oct.",
          "nov.",
          "dec.");
  static final Set<String> WEEKDAYS =
      Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  private static final Set<String> RELATIVE_DAYS = Set.of("today", "yesterday", "tomorrow");
  private static final Set<String> PERIODS =
      Set.of(
          "week",
          "month",
          "year",
          "weekend",
          "decade",
          "century",
          "spring",
          "summer",
          "autumn",
          "fall",
          "winter",
          "morning",
          "evening",
          "night",
          "afternoon");
  private static final Set<String> SCALES =
      Set.of("thousand", "million", "billion", "trillion", "bn", "mn", "m", "b", "k");
  private static final Set<String> CURRENCIES =
      Set.of(
          "dollar",
          "dollars",
          "dinar",
          "dinars",
          "euro",
          "euros",
          "pound",
          "pounds",
          "sterling",
          "yen",
          "yuan",
          "renminbi",
          "riyal",
          "riyals",
          "rial",
          "rials",
          "rupee",
          "rupees",
          "ruble",
          "rubles",
          "rouble",
          "roubles",
          "franc",
          "francs",
          "mark",
          "marks",
          "cent",
          "cents",
          "dirham",
          "dirhams",
          "lira",
          "liras",
          "lire",
          "peso",
          "pesos",
          "won",
          "shekel",
          "shekels",
          "pence",
          "krona",
          "kronor",
          "krone",
          "kroner",
          "usd",
          "eur",
          "gbp",
          "iqd",
          "jpy",
          "cny");
  private static final Set<String> CURRENCY_SIGNS = Set.of("$", "\u00a3", "\u20ac", "\u00a5");
  private static final Set<String> NUMBER_WORDS =
      Set.of(
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen",
          "twenty",
          "thirty",
          "forty",
          "fifty",
          "sixty",
          "seventy",
          "eighty",
          "ninety",
          "hundred",
          "dozen",
          "dozens",
          "hundreds",
          "thousands",
          "millions",
          "billions");
  private static final Set<String> MODIFIERS =
      Set.of(
          "over",
          "about",
          "nearly",
          "almost",
          "around",
          "approximately",
          "roughly",
          "some",
          "least",
          "than",
          "only",
          "just",
          "up",
          "to",
          "estimated",
          "under",
          "fewer",
          "below",
          "above",
          "exactly");
  private static final Set<String> MODIFIER_HEADS =
      Set.of(
          "over",
          "about",
          "nearly",
          "almost",
          "around",
          "approximately",
          "roughly",
          "some",
          "only",
          "just",
          "estimated",
          "under",
          "exactly",
          "below",
          "above");
  private static final Set<String> DATE_PREPOSITIONS =
      Set.of(
          "in", "since", "by", "until", "till", "before", "after", "from", "during", "of", "early",
          "late", "mid", "through", "to", "between", "and", "the");
  private static final Set<String> HISTORIC_YEAR_PREPOSITIONS =
      Set.of("in", "since", "during", "until", "till");
  // Words that can follow a number without being what it counts.
  private static final Set<String> NOT_NOUNS =
      Set.of(
          "the",
          "a",
          "an",
          "of",
          "to",
          "in",
          "on",
          "at",
          "for",
          "from",
          "by",
          "with",
          "and",
          "or",
          "but",
          "as",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "has",
          "have",
          "had",
          "will",
          "would",
          "could",
          "should",
          "may",
          "might",
          "can",
          "said",
          "says",
          "say",
          "that",
          "this",
          "these",
          "those",
          "who",
          "which",
          "what",
          "when",
          "where",
          "than",
          "more",
          "less",
          "per",
          "percent",
          "cent",
          "times",
          "other",
          "others",
          "out",
          "into",
          "about",
          "after",
          "before",
          "over",
          "under",
          "while",
          "also",
          "not",
          "no",
          "it",
          "its",
          "they",
          "their",
          "them",
          "he",
          "she",
          "his",
          "her",
          "we",
          "our",
          "you",
          "i",
          "do",
          "did",
          "does",
          "so",
          "if",
          "then",
          "there",
          "here",
          "up",
          "down",
          "off",
          "again",
          "each",
          "all",
          "both",
          "years",
          "year",
          "old",
          "am",
          "pm",
          "a.m.",
          "p.m.",
          "during",
          "since",
          "until",
          "till",
          "against",
          "between",
          "among",
          "through",
          "across",
          "within",
          "without",
          "despite",
          "towards",
          "toward",
          "because",
          "although",
          "though",
          "amid",
          "via",
          "onto",
          "upon",
          "including",
          "near",
          "beside",
          "behind",
          "beyond",
          "unless",
          "whereas",
          "whether");

  private NumericEntityRules() {}

  /** Whether a lower-cased word names a month or a day of the week ("january", "friday"). */
  static boolean isCalendarWord(String lower) {
    return MONTHS.contains(lower) || WEEKDAYS.contains(lower);
  }

  /** Matches in one sentence's tokens, earliest first, without overlaps. */
  static List<Match> find(List<Token> tokens) {
    int n = tokens.size();
    String[] low = new String[n];
    for (int i = 0; i < n; i++) {
      low[i] = tokens.get(i).text().toLowerCase(Locale.ROOT);
    }
    List<Match> out = new ArrayList<>();
    int i = 0;
    while (i < n) {
      Match m = money(tokens, low, i);
      if (m == null) {
        m = date(tokens, low, i);
      }
      if (m == null) {
        m = amount(tokens, low, i);
      }
      if (m != null) {
        out.add(m);
        i = m.end();
      } else {
        i++;
      }
    }
    return out;
  }

  private static Match money(List<Token> t, String[] low, int i) {
    int n = low.length;
    int j = i;
    if (j + 1 < n && (low[j].equals("us") || low[j].equals("u.s.")) && low[j + 1].equals("$")) {
      j++;
    }
    if (CURRENCY_SIGNS.contains(low[j]) || isIsoCurrency(low[j])) {
      int k = j + 1;
      if (k < n && isNumber(low[k])) {
        k++;
        if (k < n && SCALES.contains(low[k])) {
          k++;
        }
        return new Match("MONEY", i, k);
      }
      return null;
    }
    int k = skipModifier(low, i);
    if (k < n && isNumber(low[k])) {
      int e = k + 1;
      if (e < n && SCALES.contains(low[e]) || e < n && NUMBER_WORDS.contains(low[e])) {
        e++;
      }
      // "500 million Iraqi dinars": one capitalised word may name the currency's country.
      if (e + 1 < n && isCapitalised(t.get(e).text()) && CURRENCIES.contains(low[e + 1])) {
        return new Match("MONEY", i, e + 2);
      }
      if (e < n && CURRENCIES.contains(low[e]) && !(low[e].equals("won") || low[e].equals("m"))) {
        return new Match("MONEY", i, e + 1);
      }
    }
    return null;
  }

  private static Match date(List<Token> t, String[] low, int i) {
    int n = low.length;
    String w = low[i];
    if (MONTHS.contains(w) && isCapitalised(t.get(i).text())) {
      // "May" alone is too often a verb; a month name needs a day or a year beside it.
      int e = i + 1;
      boolean dated = false;
      if (e < n && isDay(low[e])) {
        e++;
        dated = true;
      }
      if (e + 1 < n && low[e].equals(",") && isHistoricYear(low[e + 1])) {
        e += 2;
        dated = true;
      } else if (e < n && isHistoricYear(low[e])) {
        e++;
        dated = true;
      }
      int s = i;
      if (i > 0 && isDay(low[i - 1])) {
        s = i - 1;
        dated = true;
      }
      if (!dated && !w.equals("may")) {
        dated = true;
      }
      return dated ? new Match("DATE", s, e) : null;
    }
    if (WEEKDAYS.contains(w) || RELATIVE_DAYS.contains(w)) {
      return new Match("DATE", i, i + 1);
    }
    if ((w.equals("last")
            || w.equals("next")
            || w.equals("this")
            || w.equals("earlier")
            || w.equals("later"))
        && i + 1 < n
        && (PERIODS.contains(low[i + 1]) || WEEKDAYS.contains(low[i + 1]))) {
      return new Match("DATE", i, i + 2);
    }
    if (isIsoDate(w)) {
      return new Match("DATE", i, i + 1);
    }
    if (i + 4 < n
        && isDigits(low[i])
        && low[i + 1].equals("/")
        && isDigits(low[i + 2])
        && low[i + 3].equals("/")
        && isDigits(low[i + 4])) {
      return new Match("DATE", i, i + 5);
    }
    if (isYear(w)
        && (i == 0 || DATE_PREPOSITIONS.contains(low[i - 1]) || MONTHS.contains(low[i - 1]))
        && (i + 1 == n || !isNoun(t, low, i + 1))) {
      return new Match("DATE", i, i + 1);
    }
    // An older year needs a word that only dates take: "in 1643", "during 1066", "since 1492".
    if (isHistoricYear(w)
        && i > 0
        && HISTORIC_YEAR_PREPOSITIONS.contains(low[i - 1])
        && (i + 1 == n || !isNoun(t, low, i + 1))) {
      return new Match("DATE", i, i + 1);
    }
    return null;
  }

  private static Match amount(List<Token> t, String[] low, int i) {
    int n = low.length;
    int k = skipModifier(low, i);
    if (k >= n || !(isNumber(low[k]) || NUMBER_WORDS.contains(low[k]))) {
      return null;
    }
    // A number right after a name inside a sentence is part of it: "FTSE 100", "Boeing 737".
    if (k == i && i > 1 && isCapitalised(t.get(i - 1).text()) && !isCalendarWord(low[i - 1])) {
      return null;
    }
    int e = k + 1;
    while (e < n
        && (SCALES.contains(low[e]) && !low[e].equals("m") || NUMBER_WORDS.contains(low[e]))) {
      e++;
    }
    if (e < n && (low[e].equals("%") || low[e].equals("percent"))) {
      return new Match("AMOUNT", i, e + 1);
    }
    if (e + 1 < n && low[e].equals("per") && low[e + 1].equals("cent")) {
      return new Match("AMOUNT", i, e + 2);
    }
    if (e < n && isNoun(t, low, e)) {
      boolean nounFollows = e + 1 < n && isNoun(t, low, e + 1);
      // One modifier may sit between the number and what it counts: "14 Iraqi banks".
      if (nounFollows && isModifierWord(t.get(e).text())) {
        return new Match("AMOUNT", i, e + 2);
      }
      if (isCapitalised(t.get(e).text())) {
        return null;
      }
      // "the two signed 15 agreements": a past tense after the number is its verb.
      if (low[e].endsWith("ed") && !nounFollows) {
        return null;
      }
      // A compound ending in a plural counts with it: "25 basis points", "seven scoreless innings".
      if (nounFollows && isPluralNoun(t, low, e + 1) && !low[e].endsWith("ed")) {
        return new Match("AMOUNT", i, e + 2);
      }
      return new Match("AMOUNT", i, e + 1);
    }
    return null;
  }

  private static int skipModifier(String[] low, int i) {
    int n = low.length;
    if (i + 2 < n
        && (low[i].equals("more") || low[i].equals("less") || low[i].equals("fewer"))
        && low[i + 1].equals("than")) {
      return i + 2;
    }
    if (i + 2 < n
        && low[i].equals("at")
        && (low[i + 1].equals("least") || low[i + 1].equals("most"))) {
      return i + 2;
    }
    if (i + 2 < n && low[i].equals("up") && low[i + 1].equals("to")) {
      return i + 2;
    }
    if (i + 1 < n && MODIFIER_HEADS.contains(low[i]) && MODIFIERS.contains(low[i])) {
      return i + 1;
    }
    return i;
  }

  private static boolean isNoun(List<Token> t, String[] low, int i) {
    String w = t.get(i).text();
    if (NOT_NOUNS.contains(low[i]) || w.length() < 2) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (!Character.isLetter(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** A lower-case word that reads as a plural noun: "points", "innings"; not "basis", "bus". */
  private static boolean isPluralNoun(List<Token> t, String[] low, int i) {
    String w = low[i];
    return isNoun(t, low, i)
        && Character.isLowerCase(t.get(i).text().charAt(0))
        && w.length() > 3
        && w.endsWith("s")
        && !(w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("ous"));
  }

  private static boolean isModifierWord(String w) {
    if (isCapitalised(w)) {
      return true;
    }
    String l = w.toLowerCase(Locale.ROOT);
    return l.endsWith("al")
        || l.endsWith("ic")
        || l.endsWith("ed")
        || l.endsWith("ive")
        || l.endsWith("ary")
        || l.endsWith("ian")
        || l.endsWith("ish")
        || l.endsWith("ese")
        || l.endsWith("ful")
        || l.endsWith("ous")
        || l.equals("new")
        || l.equals("more")
        || l.equals("other")
        || l.equals("foreign")
        || l.equals("armed")
        || l.equals("civilian");
  }

  private static boolean isCapitalised(String w) {
    return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
  }

  static boolean isNumber(String w) {
    if (w.isEmpty() || !Character.isDigit(w.charAt(0))) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (!Character.isDigit(c) && c != ',' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String w) {
    if (w.isEmpty() || w.length() > 4) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (!Character.isDigit(w.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDay(String w) {
    String d =
        w.endsWith("st") || w.endsWith("nd") || w.endsWith("rd") || w.endsWith("th")
            ? w.substring(0, w.length() - 2)
            : w;
    if (!isDigits(d) || d.length() > 2) {
      return false;
    }
    int v = Integer.parseInt(d);
    return v >= 1 && v <= 31;
  }

  /** A year beside a month, or after "in", "since"...: any from 1000 ("9 August 1643"). */
  private static boolean isHistoricYear(String w) {
    if (w.length() != 4 || !isDigits(w)) {
      return false;
    }
    int v = Integer.parseInt(w);
    return v >= 1000 && v <= 2100;
  }

  private static boolean isYear(String w) {
    if (w.length() != 4 || !isDigits(w)) {
      return false;
    }
    int v = Integer.parseInt(w);
    return v >= 1800 && v <= 2100;
  }

  private static boolean isIsoDate(String w) {
    return w.length() == 10
        && isYear(w.substring(0, 4))
        && w.charAt(4) == '-'
        && w.charAt(7) == '-'
        && isDigits(w.substring(5, 7))
        && isDigits(w.substring(8));
  }

  private static boolean isIsoCurrency(String w) {
    return w.equals("usd") || w.equals("eur") || w.equals("gbp") || w.equals("iqd");
  }
}
