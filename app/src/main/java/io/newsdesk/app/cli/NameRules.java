package io.newsdesk.app.cli;

import io.newsdesk.enrich.entities.EntityRecognizer;
import io.newsdesk.enrich.entities.NewsRulesRecognizer;
import picocli.CommandLine.Option;

/**
 * {@code --rules}: which news rules follow the recognizer when `tag --conll` and `eval ner` read a
 * CoNLL file. A picocli mixin.
 */
public final class NameRules {

  /** The values of {@code --rules}. */
  enum Mode {
    /** The rules, for sentences given one by one: title-case lines are no headlines. */
    sentences,
    /** The rules as the pipeline applies them to a scraped text. */
    text,
    /** The recognizer alone. */
    none
  }

  @Option(
      names = "--rules",
      paramLabel = "MODE",
      arity = "0..1",
      fallbackValue = "text",
      defaultValue = "sentences",
      description =
          "On a CoNLL file, what follows the recognizer: the news rules (roles, glosses, name"
              + " tails, types from general knowledge) for sentences given one by one"
              + " (sentences, the default); the rules as the pipeline applies them to a scraped"
              + " text, where a title-case sentence is a headline the body must confirm (text,"
              + " also `--rules` alone); or nothing (none: the recognizer alone).")
  Mode mode = Mode.sentences;

  EntityRecognizer apply(EntityRecognizer recognizer) {
    return switch (mode) {
      case sentences -> NewsRulesRecognizer.forSentences(recognizer);
      case text -> NewsRulesRecognizer.wrap(recognizer);
      case none -> recognizer;
    };
  }
}
