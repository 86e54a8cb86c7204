package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped tagger on text that is not wire copy, written for this test: reference-style prose
 * (long names, parentheses, dates) and sentences set in one case.
 */
class OutOfDomainTextTest {

  private static DefaultEntityTagger tagger;

  @BeforeAll
  static void load() {
    tagger = DefaultEntityTagger.loadDefault();
  }

  private static List<String> typed(String text) {
    return tagger.tag(null, text).stream()
        .filter(e -> List.of("PER", "ORG", "LOC", "MISC").contains(e.getType()))
        .map(e -> e.getType() + ":" + e.getCanonical())
        .toList();
  }

  @Test
  void referenceProseWithParenthesesAndDates() {
    List<String> found =
        typed(
            "Marguerite Dufresne (born 14 March 1952 in Lyon) is a French physicist who led the"
                + " European Southern Observatory from 1998 to 2004. She studied at the University"
                + " of Geneva and later worked for the Max Planck Society in Munich.");

    assertThat(found)
        .contains(
            "PER:Marguerite Dufresne",
            "LOC:Lyon",
            "MISC:French",
            "ORG:European Southern Observatory",
            "ORG:University of Geneva",
            "ORG:Max Planck Society",
            "LOC:Munich");
  }

  @Test
  void aGlossInParenthesesNamesTheSamePlace() {
    assertThat(
            typed(
                "The Kestrel River (Welsh: Afon Cudyll) rises in the Cambrian Mountains and flows"
                    + " 40 km to Cardigan Bay."))
        .contains(
            "LOC:Kestrel River", "LOC:Afon Cudyll", "LOC:Cambrian Mountains", "LOC:Cardigan Bay")
        .noneMatch(s -> s.startsWith("PER:"));
  }

  @Test
  void aSentenceInCapitalsKeepsItsPlacesAndNationalities() {
    List<String> found =
        typed(
            "The summit opened on Tuesday.\n\n"
                + "GERMAN CHANCELLOR ANGELA MERKEL MET FRENCH PRESIDENT EMMANUEL MACRON IN BERLIN.");

    // Names of people in capitals are missed (the model leans on case): see README, Entities.
    assertThat(found).contains("MISC:German", "LOC:Berlin");
    // No role phrase becomes a name of its own.
    assertThat(found).noneMatch(s -> s.contains("CHANCELLOR") || s.contains("PRESIDENT"));
  }

  @Test
  void aKeywordOfTheNameDecidesItsTypeForNamesNeverSeen() {
    List<String> found =
        typed(
            "Their third album was released by Orrin Vale Records in 2011. The town lies on the"
                + " shore of Lake Tervasjarvi, and its rowing club hosts the Merrow Cup every"
                + " summer. She recorded two albums with the Ostrava Chamber Philharmonic.");

    assertThat(found)
        .contains(
            "ORG:Orrin Vale Records",
            "LOC:Lake Tervasjarvi",
            "MISC:Merrow Cup",
            "ORG:Ostrava Chamber Philharmonic")
        .noneMatch(s -> s.startsWith("PER:"));
  }

  @Test
  void referenceProseFixtureScoresWellAboveTheOldTagger() throws Exception {
    // 25 sentences in the style of reference prose, written for this test (bands, works, events,
    // non-English names, parentheses, long sentences); 73 entities. The shipped model before the
    // name-keyword features scored F1 0.708 on it, the one with them 0.753.
    NerEvaluation e = shippedModelOn(fixture("reference-prose.conll"));

    assertThat(e.f1(null)).as(e.report()).isGreaterThan(FLOOR);
  }

  @Test
  void wikipediaStyleDevSetScoresAboveTheModelWithoutTypePrototypes() throws Exception {
    // 56 lead sections in the style of encyclopedia articles, written and tagged for the project
    // (music, film, sport, business, geography, history, science, religion, transport: 8,888
    // tokens, 1,110 entities). The out-of-domain dev set on which the type prototypes were chosen:
    // the shipped model without them scored F1 0.740 on it, with them 0.759.
    List<ConllCorpus.Document> docs = fixture("wiki-style-dev.conll");
    assertThat(docs).hasSize(56);
    NerEvaluation e = shippedModelOn(docs);

    assertThat(e.f1(null)).as(e.report()).isGreaterThan(WIKI_STYLE_FLOOR);
  }

  @Test
  void theNewsRulesForGivenSentencesAddToTheRecognizerOnTheWikipediaStyleSet() throws Exception {
    // What `tag --conll` writes: the recognizer followed by the rules for sentences given one by
    // one. They were worth 3.3 to 3.5 points here on each of four train-only models (while CoNLL
    // testa gained 0.06 on each): events and places by their head word ("Battle of ...", "Strait
    // of ..."), regnal numerals, an institution and what it is "of", an award and its field.
    // Session 20's rules (works dated by a year, glosses in a chain, "one of the NOUNs", a rule of
    // a place, buildings and awards by their last word) took the shipped model from 0.799 to 0.828.
    List<ConllCorpus.Document> docs = fixture("wiki-style-dev.conll");
    EntityRecognizer alone = PerceptronEntityRecognizer.loadDefault();
    NerEvaluation without = NerEvaluation.evaluate(alone, docs);
    NerEvaluation with = NerEvaluation.evaluate(NewsRulesRecognizer.forSentences(alone), docs);

    assertThat(with.f1(null)).as(with.report()).isGreaterThan(without.f1(null) + 0.05);
    assertThat(with.f1(null)).as(with.report()).isGreaterThan(0.81);
  }

  @Test
  void theRulesHoldOnWikipediaStyleSetsTheyWereNotWrittenFrom() throws Exception {
    // Sets of 30 lead sections each, written and tagged for the project (two in session 22,
    // two in session 23) by writers who saw neither the tagger nor its rules, on subjects the
    // first set does not cover. Session 22's rules were written from the errors on dev2 (75.45 ->
    // 80.39 with the shipped model), session 23's from those of dev3 and the older sets; check
    // and check2 are only ever scored, the honest figures for text the rules were not fitted to
    // (session 23: check 78.44 -> 79.93, check2 82.44 -> 83.68; the recognizer alone 74.71 and
    // 79.65). Session 24 added dev4 and check3, 30 body sections each (careers, histories,
    // plots), where names come back as surnames and short forms without the lead that introduced
    // them.
    EntityRecognizer alone = PerceptronEntityRecognizer.loadDefault();
    EntityRecognizer ruled = NewsRulesRecognizer.forSentences(alone);
    for (String name :
        List.of(
            "wiki-style-dev2.conll",
            "wiki-style-check.conll",
            "wiki-style-dev3.conll",
            "wiki-style-check2.conll",
            "wiki-style-dev4.conll",
            "wiki-style-check3.conll")) {
      List<ConllCorpus.Document> docs = fixture(name);
      assertThat(docs).as(name).hasSize(30);
      NerEvaluation without = NerEvaluation.evaluate(alone, docs);
      NerEvaluation with = NerEvaluation.evaluate(ruled, docs);

      assertThat(with.f1(null)).as(name + "\n" + with.report()).isGreaterThan(0.77);
      assertThat(with.f1(null))
          .as(name + "\n" + with.report())
          .isGreaterThan(without.f1(null) + 0.02);
    }
  }

  private static List<ConllCorpus.Document> fixture(String name) throws java.io.IOException {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                OutOfDomainTextTest.class.getResourceAsStream(name), StandardCharsets.UTF_8))) {
      return ConllCorpus.read(r);
    }
  }

  private static NerEvaluation shippedModelOn(List<ConllCorpus.Document> docs) {
    return NerEvaluation.evaluate(PerceptronEntityRecognizer.loadDefault(), docs);
  }

  private static final double FLOOR = 0.73;
  private static final double WIKI_STYLE_FLOOR = 0.75;
}
