package io.newsdesk.enrich.entities;

import io.newsdesk.enrich.text.SentenceSplitter;
import io.newsdesk.enrich.text.Span;
import io.newsdesk.enrich.text.Token;
import io.newsdesk.enrich.text.Tokenizer;
import io.newsdesk.schema.Entity;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard {@link EntityTagger}: tokenizer and sentence splitter, the perceptron recognizer for
 * names, rules for dates, amounts and money, and in-article resolution of aliases. Immutable and
 * thread-safe.
 */
public final class DefaultEntityTagger implements EntityTagger {

  private static final String RULES_VERSION = "rules/1";

  /** Mentions starting before this offset, or in the first sentence, count as the lead. */
  private static final int LEAD_CHARS = 400;

  private final EntityRecognizer recognizer;

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
    List<EntityResolver.RawMention> mentions = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      boolean inTitle = hasTitle && s == 0;
      boolean firstSentence = s == (hasTitle ? 1 : 0);
      String source = inTitle ? title : text;
      List<Token> toks = sentences.get(s);
      String[] t = tags.get(s);
      boolean[] taken = new boolean[toks.size()];
      for (int i = 0; i < t.length; i++) {
        if (!t[i].startsWith("B-")) {
          continue;
        }
        int e = i + 1;
        while (e < t.length && t[e].equals("I-" + t[i].substring(2))) {
          e++;
        }
        for (int k = i; k < e; k++) {
          taken[k] = true;
        }
        mentions.add(mention(t[i].substring(2), source, toks, i, e, inTitle, firstSentence));
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
    return EntityResolver.resolve(mentions);
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
