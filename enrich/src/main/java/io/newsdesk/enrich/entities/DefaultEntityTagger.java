package io.newsdesk.enrich.entities;

import io.newsdesk.enrich.text.SentenceSplitter;
import io.newsdesk.enrich.text.Span;
import io.newsdesk.enrich.text.Token;
import io.newsdesk.enrich.text.Tokenizer;
import io.newsdesk.schema.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The standard {@link EntityTagger}: tokenizer and sentence splitter, the perceptron recognizer for
 * names, rules for dates, amounts and money, and in-article resolution of aliases. Immutable and
 * thread-safe.
 */
public final class DefaultEntityTagger implements EntityTagger {

  private static final String RULES_VERSION = "rules/5";

  /** Mentions starting before this offset, or in the first sentence, count as the lead. */
  private static final int LEAD_CHARS = 400;

  private final EntityRecognizer recognizer;
  private final NewsNameRules rules = NewsNameRules.shared();

  public DefaultEntityTagger(EntityRecognizer recognizer) {
    this.recognizer = recognizer;
  }

  /** A tagger with the shipped English model. */
  public static DefaultEntityTagger loadDefault() {
    return new DefaultEntityTagger(PerceptronEntityRecognizer.loadDefault());
  }

  @Override
  public String version() {
    return recognizer.version() + "; " + RULES_VERSION;
  }

  @Override
  public List<Entity> tag(String title, String text) {
    if (text == null) {
      text = "";
    }
    List<List<Token>> sentences = new ArrayList<>();
    boolean hasTitle = title != null && !title.isBlank();
    if (hasTitle) {
      // The title is tagged with the body so that its names share the document's evidence.
      sentences.add(Tokenizer.tokenize(title));
      if (sentences.get(0).isEmpty()) {
        sentences.remove(0);
        hasTitle = false;
      }
    }
    List<Token> tokens = Tokenizer.tokenize(text);
    for (Span s : SentenceSplitter.splitTokens(text, tokens)) {
      sentences.add(tokens.subList(s.start(), s.end()));
    }
    List<String[]> words = new ArrayList<>(sentences.size());
    for (List<Token> s : sentences) {
      String[] w = new String[s.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = s.get(i).text();
      }
      words.add(w);
    }
    List<String[]> tags = words.isEmpty() ? List.of() : recognizer.tagDocument(words);
    List<List<NameSpan>> spans = names(rules, sentences, words, tags, hasTitle);
    List<EntityResolver.RawMention> mentions = new ArrayList<>();
    List<int[]> glosses = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      boolean inTitle = hasTitle && s == 0;
      boolean firstSentence = s == (hasTitle ? 1 : 0);
      String source = inTitle ? title : text;
      List<Token> toks = sentences.get(s);
      String[] t = tags.get(s);
      boolean[] taken = new boolean[toks.size()];
      NameSpan before = null;
      int beforeMention = -1;
      for (NameSpan n : spans.get(s)) {
        for (int k = n.start(); k < n.end(); k++) {
          taken[k] = true;
        }
        EntityResolver.RawMention m =
            trimQuotes(mention(n.type(), source, toks, n.start(), n.end(), inTitle, firstSentence));
        m = m == null ? null : rules.clean(m);
        int index = -1;
        if (m != null) {
          index = mentions.size();
          mentions.add(m);
        }
        if (index >= 0 && beforeMention >= 0 && NewsNameRules.glossOf(toks, n, before)) {
          glosses.add(new int[] {beforeMention, index});
        }
        before = n;
        beforeMention = index;
      }
      for (NumericEntityRules.Match m : NumericEntityRules.find(toks)) {
        // "14 Iraqi banks" keeps its MISC adjective; only a number inside a name is skipped.
        boolean inside = true;
        for (int k = m.start(); k < m.end(); k++) {
          inside &= taken[k];
        }
        if (!inside) {
          mentions.add(mention(m.type(), source, toks, m.start(), m.end(), inTitle, firstSentence));
        }
      }
    }
    return EntityResolver.resolve(mentions, glosses);
  }

  /**
   * The recognizer's names per sentence, a person cut in two rejoined, after the news conventions
   * (roles, headlines, datelines, residue): what {@link #tag} and {@link NewsRulesRecognizer} keep.
   */
  static List<List<NameSpan>> names(
      NewsNameRules rules,
      List<List<Token>> sentences,
      List<String[]> words,
      List<String[]> tags,
      boolean hasTitle) {
    return names(rules, sentences, words, tags, hasTitle, true);
  }

  /**
   * As above; {@code lineHeadlines} as in {@link NewsNameRules#apply(List, List, boolean,
   * boolean)}.
   */
  static List<List<NameSpan>> names(
      NewsNameRules rules,
      List<List<Token>> sentences,
      List<String[]> words,
      List<String[]> tags,
      boolean hasTitle,
      boolean lineHeadlines) {
    Set<String> personWords = personWords(words, tags);
    List<List<NameSpan>> spans = new ArrayList<>(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      spans.add(nameSpans(sentences.get(s), tags.get(s), personWords));
    }
    return rules.apply(sentences, spans, hasTitle, lineHeadlines);
  }

  /** A name found by the recognizer: tokens {@code start} (inclusive) to {@code end}. */
  record NameSpan(String type, int start, int end) {}

  private static final Set<String> FUNCTION_WORDS =
      Set.of("our", "we", "us", "the", "a", "an", "it", "this", "that", "they", "he", "she", "i");

  /**
   * The recognizer's spans, with a person's name rejoined when it was cut in two: "Mohammed Shiaa"
   * followed by "Al-Sudani", or two person spans side by side, are one name.
   */
  static List<NameSpan> nameSpans(List<Token> toks, String[] t, Set<String> personWords) {
    List<NameSpan> spans = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      if (!t[i].startsWith("B-")) {
        continue;
      }
      int e = i + 1;
      while (e < t.length && t[e].equals("I-" + t[i].substring(2))) {
        e++;
      }
      if (t[i].equals("B-PER")) {
        // A surname the recognizer left out: "Mohammed Shiaa Al-Sudani", "Fuad Mohammed Hussein".
        while (e < t.length
            && t[e].equals("O")
            && toks.get(e).start() - toks.get(e - 1).end() == 1
            && (hasArticlePrefix(toks.get(e).text())
                || isCapitalised(toks.get(e).text()) && personWords.contains(toks.get(e).text()))) {
          e++;
        }
      }
      spans.add(new NameSpan(t[i].substring(2), i, e));
      i = e - 1;
    }
    List<NameSpan> out = new ArrayList<>();
    for (NameSpan n : spans) {
      NameSpan prev = out.isEmpty() ? null : out.get(out.size() - 1);
      if (prev != null
          && prev.type().equals("PER")
          && prev.end() == n.start()
          && toks.get(n.start()).start() - toks.get(prev.end() - 1).end() == 1
          && (n.type().equals("PER") || hasArticlePrefix(toks.get(n.start()).text()))) {
        out.set(out.size() - 1, new NameSpan("PER", prev.start(), n.end()));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  private static boolean hasArticlePrefix(String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    return w.length() > 4
        && (w.startsWith("al-") || w.startsWith("el-"))
        && Character.isUpperCase(word.charAt(3));
  }

  private static boolean isCapitalised(String word) {
    return word.length() > 1
        && Character.isUpperCase(word.charAt(0))
        && Character.isLowerCase(word.charAt(word.length() - 1));
  }

  /** Words the recognizer tagged as (part of) a person anywhere in the document. */
  private static Set<String> personWords(List<String[]> words, List<String[]> tags) {
    Set<String> out = new java.util.HashSet<>();
    for (int s = 0; s < words.size(); s++) {
      for (int i = 0; i < words.get(s).length; i++) {
        if (tags.get(s)[i].endsWith("-PER")) {
          out.add(words.get(s)[i]);
        }
      }
    }
    return out;
  }

  /** Quote marks stuck to a name are not part of it; a function word left alone is no name. */
  private static EntityResolver.RawMention trimQuotes(EntityResolver.RawMention m) {
    String text = m.text();
    int from = 0;
    int to = text.length();
    while (from < to && isQuote(text.charAt(from))) {
      from++;
    }
    while (to > from && isQuote(text.charAt(to - 1))) {
      to--;
    }
    if (from == 0 && to == text.length()) {
      return m;
    }
    String name = text.substring(from, to);
    if (name.isEmpty()
        || !name.equals(name.toUpperCase(java.util.Locale.ROOT))
            && FUNCTION_WORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      return null;
    }
    return new EntityResolver.RawMention(
        m.type(), name, m.start() + from, m.start() + to, m.inTitle(), m.inLead());
  }

  private static boolean isQuote(char c) {
    return c == '\''
        || c == '"'
        || c == '\u2018'
        || c == '\u2019'
        || c == '\u201c'
        || c == '\u201d';
  }

  private static EntityResolver.RawMention mention(
      String type,
      String source,
      List<Token> toks,
      int start,
      int end,
      boolean inTitle,
      boolean firstSentence) {
    int from = toks.get(start).start();
    int to = toks.get(end - 1).end();
    return new EntityResolver.RawMention(
        type, source.substring(from, to), from, to, inTitle, firstSentence || from < LEAD_CHARS);
  }
}
