package io.newsdesk.enrich.entities;

import io.newsdesk.enrich.entities.DefaultEntityTagger.NameSpan;
import io.newsdesk.enrich.text.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A recognizer followed by the news rules (roles, glosses, name tails, types from general
 * knowledge), with names as IOB2 tags again. Numbers, dates and amounts are left out; tokens are
 * taken as given. Thread-safe.
 *
 * <p>Two ways to read the sentences: {@link #forSentences} takes them as given one by one (a CoNLL
 * file; what {@code newsdesk tag --conll} writes and {@code newsdesk eval ner} scores), {@link
 * #wrap} as the pipeline reads a scraped text, where a title-case sentence is a headline whose
 * names the body must confirm ({@code newsdesk eval ner --rules text}).
 */
public final class NewsRulesRecognizer implements EntityRecognizer {

  private final EntityRecognizer recognizer;
  private final NewsNameRules rules;

  private final boolean lineHeadlines;

  private NewsRulesRecognizer(
      EntityRecognizer recognizer, NewsNameRules rules, boolean lineHeadlines) {
    this.recognizer = recognizer;
    this.rules = rules;
    this.lineHeadlines = lineHeadlines;
  }

  /**
   * {@code recognizer} followed by the rules with the lists shipped in the project, as the pipeline
   * applies them to a text: title-case sentences are headlines.
   */
  public static NewsRulesRecognizer wrap(EntityRecognizer recognizer) {
    return new NewsRulesRecognizer(recognizer, NewsNameRules.shared(), true);
  }

  /**
   * {@code recognizer} followed by the rules, for sentences given one by one: a title-case line (a
   * table's header, a list of names) is tagged as any sentence is.
   */
  public static NewsRulesRecognizer forSentences(EntityRecognizer recognizer) {
    return new NewsRulesRecognizer(recognizer, NewsNameRules.shared(), false);
  }

  @Override
  public List<String[]> tagDocument(List<String[]> sentences) {
    List<String[]> tags = recognizer.tagDocument(sentences);
    List<List<Token>> tokens = new ArrayList<>(sentences.size());
    for (String[] words : sentences) {
      List<Token> t = new ArrayList<>(words.length);
      int offset = 0;
      for (String w : words) {
        t.add(new Token(w, offset, offset + w.length()));
        offset += w.length() + 1; // one space between tokens, as in running text
      }
      tokens.add(t);
    }
    List<List<NameSpan>> spans =
        DefaultEntityTagger.names(rules, tokens, sentences, tags, false, lineHeadlines);
    List<String[]> out = new ArrayList<>(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      String[] t = new String[sentences.get(s).length];
      Arrays.fill(t, "O");
      for (NameSpan n : spans.get(s)) {
        if (!EntityResolver.NAME_TYPES.contains(n.type())) {
          continue;
        }
        for (int k = n.start(); k < n.end(); k++) {
          t[k] = (k == n.start() ? "B-" : "I-") + n.type();
        }
      }
      out.add(t);
    }
    return out;
  }

  @Override
  public String version() {
    return recognizer.version() + (lineHeadlines ? "+news-rules(text)" : "+news-rules");
  }
}
