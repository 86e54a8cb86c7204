package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.newsdesk.enrich.entities.DefaultEntityTagger.NameSpan;
import io.newsdesk.enrich.text.Token;
import io.newsdesk.enrich.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The news rules on spans as a recognizer might give them, in sentences written for these tests in
 * the image of wire copy: roles before names, headlines, captions, scraper residue.
 */
class NewsNameRulesTest {

  private final NewsNameRules rules = NewsNameRules.shared();

  /** The spans of one body sentence after the rules, as "TYPE:text". */
  private List<String> body(String sentence, String... spans) {
    List<Token> toks = Tokenizer.tokenize(sentence);
    List<List<NameSpan>> out = rules.apply(List.of(toks), List.of(spansOf(toks, spans)), false);
    return render(toks, out.get(0));
  }

  /** The spans of a headline after the rules, given the body sentence below it. */
  private List<String> headline(String title, String body, String... spans) {
    List<Token> t = Tokenizer.tokenize(title);
    List<Token> b = Tokenizer.tokenize(body);
    List<List<NameSpan>> out =
        rules.apply(List.of(t, b), List.of(spansOf(t, spans), List.of()), true);
    return render(t, out.get(0));
  }

  /** Spans written "TYPE:words", found in the tokens by their words. */
  private static List<NameSpan> spansOf(List<Token> toks, String... spans) {
    List<NameSpan> out = new ArrayList<>();
    for (String s : spans) {
      String type = s.substring(0, s.indexOf(':'));
      String[] words =
          Tokenizer.tokenize(s.substring(s.indexOf(':') + 1)).stream()
              .map(Token::text)
              .toArray(String[]::new);
      for (int i = 0; i + words.length <= toks.size(); i++) {
        final int at = i;
        boolean match = out.stream().noneMatch(n -> n.start() == at); // a name written twice

        for (int k = 0; k < words.length; k++) {
          match &= toks.get(i + k).text().equals(words[k]);
        }
        if (match) {
          out.add(new NameSpan(type, i, i + words.length));
          break;
        }
      }
    }
    return out;
  }

  private static List<String> render(List<Token> toks, List<NameSpan> spans) {
    List<String> out = new ArrayList<>();
    for (NameSpan n : spans) {
      StringBuilder b = new StringBuilder(n.type()).append(':');
      for (int i = n.start(); i < n.end(); i++) {
        b.append(i > n.start() ? " " : "").append(toks.get(i).text());
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void aRoleBeforeANameIsNotPartOfTheName() {
    assertThat(
            body(
                "Finance Minister Helen Carter said the budget would pass.",
                "ORG:Finance Minister Helen Carter"))
        .containsExactly("PER:Helen Carter");
    assertThat(
            body(
                "Canadian Defence Secretary Robert Okafor arrived on Monday.",
                "MISC:Canadian Defence Secretary Robert Okafor"))
        .containsExactly("PER:Robert Okafor");
  }

  @Test
  void anOfficeWordLeftOverAfterSecretaryOfIsDroppedFromThePerson() {
    assertThat(
            body(
                "UK Secretary of Transport Daniel Whitfield visited the port.",
                "ORG:UK Secretary",
                "ORG:Transport Daniel Whitfield"))
        .containsExactly("PER:Daniel Whitfield");
  }

  @Test
  void roleWordsAloneAreNoEntities() {
    assertThat(
            body(
                "The White House Press Secretary and the French Ambassador declined to comment.",
                "ORG:White House Press Secretary",
                "MISC:French Ambassador"))
        .isEmpty();
  }

  @Test
  void officeWordsBeforeARoleBelongToTheRole() {
    assertThat(
            body(
                "Kremlin Press Secretary Ivan Sorokin spoke to reporters.",
                "ORG:Kremlin Press",
                "PER:Ivan Sorokin"))
        .containsExactly("ORG:Kremlin", "PER:Ivan Sorokin");
    assertThat(body("The Peruvian Trade Minister flew to Lima.", "MISC:Peruvian Trade", "LOC:Lima"))
        .containsExactly("MISC:Peruvian", "LOC:Lima");
    assertThat(body("Its Press Secretary declined to comment.", "ORG:Press")).isEmpty();
  }

  @Test
  void aNameAfterAPersonsTitleIsAPersonEvenWhenItIsAlsoAPlace() {
    assertThat(
            body(
                "Sen. Florence Ames met Dr. Austin Reyes near St. Helens.",
                "ORG:Florence Ames",
                "LOC:Austin Reyes",
                "LOC:Helens"))
        .containsExactly("PER:Florence Ames", "PER:Austin Reyes", "LOC:Helens");
  }

  @Test
  void aKnownPlaceListedWithAPlaceIsAPlaceNotAClub() {
    assertThat(
            body(
                "Protests blocked roads around Paris and Lyon or Marseille.",
                "LOC:Paris",
                "ORG:Lyon",
                "ORG:Marseille"))
        .containsExactly("LOC:Paris", "LOC:Lyon", "LOC:Marseille");
    // A comma also sets off an apposition: the county side after its ground stays a club.
    assertThat(body("At the Oval, Surrey beat Kent.", "LOC:Oval", "ORG:Surrey", "ORG:Kent"))
        .containsExactly("LOC:Oval", "ORG:Surrey", "ORG:Kent");
    // Clubs in a result stay clubs: no place among them.
    assertThat(body("Lyon and Marseille drew 1-1.", "ORG:Lyon", "ORG:Marseille"))
        .containsExactly("ORG:Lyon", "ORG:Marseille");
  }

  @Test
  void aPlaceBeforeAFirstNameSplitsOnlyAfterARole() {
    assertThat(
            body(
                "Fans of the San Diego Padres cheered Mary Jo Kessler at the New York Cotton Exchange.",
                "ORG:San Diego Padres",
                "PER:Mary Jo Kessler",
                "ORG:New York Cotton Exchange"))
        .containsExactly(
            "ORG:San Diego Padres", "PER:Mary Jo Kessler", "ORG:New York Cotton Exchange");
    assertThat(
            body(
                "The UK Ambassador to Lisbon Ruth Gale left.",
                "ORG:UK Ambassador to Lisbon Ruth Gale"))
        .contains("PER:Ruth Gale");
  }

  @Test
  void anEventOrTitleStartingWithARoleWordIsNoPerson() {
    assertThat(
            body(
                "He won the Grand Prix before Major League Baseball resumed.",
                "MISC:Grand Prix",
                "MISC:Major League Baseball"))
        .containsExactly("MISC:Grand Prix", "MISC:Major League Baseball");
  }

  @Test
  void placeAndOrganisationEndingsDoNotOverrideWhatTheRestOfTheNameSays() {
    assertThat(
            body(
                "Tomas Hill scored as Brinford City beat Aldmoor County in the Russian Federation.",
                "PER:Tomas Hill",
                "ORG:Brinford City",
                "ORG:Aldmoor County",
                "LOC:Russian Federation"))
        .containsExactly(
            "PER:Tomas Hill", "ORG:Brinford City", "ORG:Aldmoor County", "LOC:Russian Federation");
    // Still a place when the recognizer says person or misc: "Golan Heights", "Kestrel Valley".
    assertThat(body("Troops left the Kestrel Valley.", "MISC:Kestrel Valley"))
        .containsExactly("LOC:Kestrel Valley");
  }

  @Test
  void aMinistryOrAPartyOrAKnownNameBeforeARoleIsAnOrganisation() {
    assertThat(body("A Foreign Ministry spokesman declined to comment.", "ORG:Foreign Ministry"))
        .containsExactly("ORG:Foreign Ministry");
    assertThat(body("Green Party leader Ivo Daly spoke.", "ORG:Green Party", "PER:Ivo Daly"))
        .containsExactly("ORG:Green Party", "PER:Ivo Daly");
    assertThat(body("A U.N. official said so.", "ORG:U.N.")).containsExactly("ORG:U.N.");
  }

  @Test
  void aNationalityBeforeARoleGoesEvenWhenItIsAlsoAGivenName() {
    assertThat(
            body(
                "German Chancellor Otto Brandt and Kenyan Minister Ali Wafula met.",
                "ORG:German Chancellor Otto Brandt",
                "ORG:Kenyan Minister Ali Wafula"))
        .containsExactly("PER:Otto Brandt", "PER:Ali Wafula");
  }

  @Test
  void aHyphenatedRoleIsARoleButAFamilyNameWithAnArticleIsNot() {
    assertThat(
            body(
                "Commission Executive Vice-President Ilse Marten met Hamad Al-Sheikh.",
                "ORG:Commission Executive",
                "PER:Ilse Marten",
                "PER:Hamad Al-Sheikh"))
        .containsExactly("ORG:Commission", "PER:Ilse Marten", "PER:Hamad Al-Sheikh");
  }

  @Test
  void aRoleWordAloneIsThePersonWhoseSurnameItIsWhenTheDocumentNamesThemInFull() {
    List<Token> a = Tokenizer.tokenize("Ruth King arrived.");
    List<Token> b = Tokenizer.tokenize("Later King said the King had called.");
    List<List<NameSpan>> out =
        rules.apply(
            List.of(a, b),
            List.of(
                List.of(new NameSpan("PER", 0, 2)),
                List.of(new NameSpan("PER", 1, 2), new NameSpan("PER", 4, 5))),
            false);
    // "the King" is the role, not her.
    assertThat(out.get(1)).containsExactly(new NameSpan("PER", 1, 2));
    // Without the full name a role word alone is no one.
    assertThat(body("Later King said so.", "PER:King")).isEmpty();
  }

  @Test
  void aPersonWhoseSurnameIsARoleWordStaysAPerson() {
    assertThat(
            body(
                "Prime Minister Alan Major and Ruth King spoke.",
                "PER:Alan Major",
                "PER:Ruth King"))
        .containsExactly("PER:Alan Major", "PER:Ruth King");
  }

  @Test
  void aListOfNamesIsNoHeadline() {
    assertThat(NewsNameRules.titleCase(Tokenizer.tokenize("Ames, Baird, Cole, Dunn, Ellery.")))
        .isFalse();
  }

  @Test
  void aLegislatorsPartyAndStateInParenthesesIsNoName() {
    assertThat(
            body(
                "Sen. Ruth Ellery (R-Texas) and Rep. Dan Okafor (D-N.Y.) wrote the bill.",
                "PER:Ruth Ellery",
                "MISC:R-Texas",
                "PER:Dan Okafor",
                "MISC:D-N.Y."))
        .containsExactly("PER:Ruth Ellery", "PER:Dan Okafor");
    // Other parentheses keep their names: a place after a person, a party spelt out.
    assertThat(
            body(
                "Marta Quiroga (Chile) met Ivo Daly (Democratic Party).",
                "PER:Marta Quiroga",
                "LOC:Chile",
                "PER:Ivo Daly",
                "ORG:Democratic Party"))
        .containsExactly("PER:Marta Quiroga", "LOC:Chile", "PER:Ivo Daly", "ORG:Democratic Party");
  }

  @Test
  void aNameInParenthesesAfterANameIsAnotherNameOfIt() {
    assertThat(
            body(
                "The Kestrel River (Welsh: Afon Cudyll) rises in the hills.",
                "LOC:Kestrel River",
                "PER:Afon Cudyll"))
        .containsExactly("LOC:Kestrel River", "LOC:Afon Cudyll");
    assertThat(
            body(
                "The Northern Grid Authority (NGA) raised prices.",
                "ORG:Northern Grid Authority",
                "LOC:NGA"))
        .containsExactly("ORG:Northern Grid Authority", "ORG:NGA");
    assertThat(body("Marta Quiroga (Chile) won the final.", "PER:Marta Quiroga", "LOC:Chile"))
        .containsExactly("PER:Marta Quiroga", "LOC:Chile");
  }

  @Test
  void twoKnownNamesJoinedByAndAreTwoEntities() {
    assertThat(
            body(
                "Delegates of the African Union and Arab League met in Cairo.",
                "ORG:African Union and Arab League",
                "LOC:Cairo"))
        .containsExactly("ORG:African Union", "ORG:Arab League", "LOC:Cairo");
    assertThat(body("Rain fell on Trinidad and Tobago all week.", "LOC:Trinidad and Tobago"))
        .containsExactly("LOC:Trinidad and Tobago");
    assertThat(body("Shares of Harlow and Finch rose on Monday.", "ORG:Harlow and Finch"))
        .containsExactly("ORG:Harlow and Finch");
  }

  @Test
  void aPlaceBeforeAPersonAfterAmbassadorToIsAPlaceAndAPerson() {
    assertThat(
            body(
                "The UK Ambassador to Nairobi Julia Brennan met the minister.",
                "ORG:Nairobi Julia Brennan"))
        .containsExactly("LOC:Nairobi", "PER:Julia Brennan");
  }

  @Test
  void headlinePhrasesThatTheBodyWritesInLowerCaseAreNoEntities() {
    assertThat(
            headline(
                "Farmers Are Not Protesters, Says Kenyan Trade Minister",
                "Kenyan farmers who blocked the road were not protesters, the trade minister said.",
                "ORG:Farmers Are Not Protesters",
                "MISC:Says Kenyan Trade Minister"))
        .isEmpty();
  }

  @Test
  void anOrganisationOfTheGeneralListThatTheRecognizerMissedIsFound() {
    assertThat(body("Officials denied rumours of Mossad presence at the base, the CIA said."))
        .containsExactly("ORG:Mossad", "ORG:CIA");
    // Part of a longer name, or written as a word that is not the name: nothing is added.
    assertThat(body("Fars News Agency said the mehr was paid in Fars province.")).isEmpty();
    // Found by the recognizer already: kept as it was.
    assertThat(body("Mossad denied it.", "ORG:Mossad")).containsExactly("ORG:Mossad");
  }

  @Test
  void aHeadlinePhraseThatIsNoNameKeepsTheKnownNamesInIt() {
    assertThat(
            headline(
                "Kenya Troops Are Not Occupiers, Minister Warns of Broad Ugandan Push",
                "The minister said troops would stay until the border was calm.",
                "ORG:Kenya Troops Are Not Occupiers",
                "MISC:Broad Ugandan Push"))
        .containsExactly("LOC:Kenya", "MISC:Ugandan");
    // A city or a company in such a phrase is too often part of another name: nothing is kept.
    assertThat(
            headline(
                "Toyota Music Factory Opens Its Doors",
                "The music factory opened its doors to the public.",
                "ORG:Toyota Music Factory Opens"))
        .isEmpty();
  }

  @Test
  void aHeadlineKeepsNamesTheBodyConfirms() {
    assertThat(
            headline(
                "Rising Tide Threatens Lagos Harbour, Says Adebayo Ogun",
                "Adebayo Ogun, who runs the port, said the rising tide was a threat to Lagos.",
                "ORG:Rising Tide",
                "LOC:Lagos",
                "PER:Adebayo Ogun"))
        .containsExactly("LOC:Lagos", "PER:Adebayo Ogun");
  }

  @Test
  void resultsTablesAndDatelinesAreNoHeadlines() {
    assertThat(NewsNameRules.titleCase(Tokenizer.tokenize("2. Ana Roth (Chile) 12.74"))).isFalse();
    assertThat(NewsNameRules.titleCase(Tokenizer.tokenize("Leeds 2 York 1"))).isFalse();
    assertThat(NewsNameRules.titleCase(Tokenizer.tokenize("OSLO 1996-08-30"))).isFalse();
    assertThat(NewsNameRules.titleCase(Tokenizer.tokenize("Port Strike Enters Day 3 In Lagos")))
        .isTrue();
    assertThat(body("2. Ana Roth (Chile) 12.74", "PER:Ana Roth", "LOC:Chile"))
        .containsExactly("PER:Ana Roth", "LOC:Chile");
  }

  @Test
  void aBylineOrScorersLineKeepsItsPeopleButAHeadlineVerbIsNoSurname() {
    assertThat(body("By Hal Trent and Ana Roth", "PER:Hal Trent", "PER:Ana Roth"))
        .containsExactly("PER:Hal Trent", "PER:Ana Roth");
    assertThat(
            headline(
                "Austin Visits Troops In Kestrel Valley",
                "The general visits troops on the border every spring.",
                "PER:Austin Visits"))
        .isEmpty();
  }

  @Test
  void aNameBeforeAirBaseIsAPlace() {
    assertThat(body("Drones struck the Bagram air base before dawn.", "PER:Bagram"))
        .containsExactly("LOC:Bagram");
  }

  @Test
  void aCountryInTheGazetteerIsNoPerson() {
    assertThat(body("Talks will be held in Czechia next week.", "PER:Czechia"))
        .containsExactly("LOC:Czechia");
    assertThat(body("The delegation flew on to Türkiye on Friday.", "PER:Türkiye"))
        .containsExactly("LOC:Türkiye");
  }

  @Test
  void aFirstNameThatIsAlsoACityStaysAPerson() {
    assertThat(body("Austin said the vote was close.", "PER:Austin")).containsExactly("PER:Austin");
  }

  @Test
  void agenciesAndInternationalOrganisationsAreOrganisations() {
    assertThat(body("Officials said Shin Bet had warned of the plot.", "LOC:Shin Bet"))
        .containsExactly("ORG:Shin Bet");
    assertThat(body("The African Union called a summit.", "MISC:African Union"))
        .containsExactly("ORG:African Union");
    assertThat(body("The news agency Xinhua reported the deal.", "PER:Xinhua"))
        .containsExactly("ORG:Xinhua");
  }

  @Test
  void aNameEndingInAGeographicFeatureIsAPlace() {
    assertThat(body("Shelling hit villages on the Sinai Peninsula.", "ORG:Sinai Peninsula"))
        .containsExactly("LOC:Sinai Peninsula");
    assertThat(body("Troops moved into the Nuba Mountains.", "ORG:Nuba Mountains"))
        .containsExactly("LOC:Nuba Mountains");
  }

  @Test
  void pageResidueGluedToANameIsCutOff() {
    EntityResolver.RawMention m =
        rules.clean(new EntityResolver.RawMention("ORG", "pngReuters", 40, 50, false, false));
    assertThat(m.text()).isEqualTo("Reuters");
    assertThat(m.start()).isEqualTo(43);
    assertThat(m.end()).isEqualTo(50);
  }

  @Test
  void aNameCutInTwoByPageResidueTakesBackItsFirstWord() {
    String line = "https://img.example.net/p/07e8/4f2a91c0_0:0:1920.jpgHarbor Gazette";
    List<String> spans = body(line, "ORG:Gazette");
    assertThat(spans).containsExactly("ORG:jpgHarbor Gazette");
    int start = line.indexOf("jpgHarbor");
    EntityResolver.RawMention m =
        rules.clean(
            new EntityResolver.RawMention(
                "ORG", line.substring(start), start, line.length(), false, false));
    assertThat(m.text()).isEqualTo("Harbor Gazette");
    assertThat(body("The Harbor Gazette printed it.", "ORG:Harbor Gazette"))
        .containsExactly("ORG:Harbor Gazette");
  }

  @Test
  void aTimeExpressionWrittenAsOneWordIsNoName() {
    assertThat(
            body(
                "The council told the Harbor Gazette in mid-October it would vote.",
                "ORG:Harbor Gazette",
                "LOC:mid-October"))
        .containsExactly("ORG:Harbor Gazette");
    assertThat(body("Talks resume in early-March.", "MISC:early-March")).isEmpty();
    assertThat(body("Prices rose in late-Summer.", "MISC:late-Summer")).isEmpty();
    assertThat(body("A pro-Canada group marched.", "MISC:pro-Canada"))
        .containsExactly("MISC:pro-Canada");
  }

  @Test
  void aNameHyphenatedIntoAnAdjectiveIsTheNameBeforeTheHyphen() {
    String line =
        "The Brenford, Ontario-based maker and Iran-backed groups sold the Veldt-led fund.";
    EntityResolver.RawMention based = mention(line, "MISC", "Ontario-based");
    assertThat(based.text()).isEqualTo("Ontario");
    assertThat(based.type()).isEqualTo("LOC");
    assertThat(line.substring(based.start(), based.end())).isEqualTo("Ontario");
    assertThat(mention(line, "MISC", "Iran-backed").type()).isEqualTo("LOC");
    assertThat(mention("A NATO-led force.", "MISC", "NATO-led").type()).isEqualTo("ORG");
    // Not a known place: the name keeps the type it was given.
    EntityResolver.RawMention led = mention(line, "ORG", "Veldt-led");
    assertThat(led.text()).isEqualTo("Veldt");
    assertThat(led.type()).isEqualTo("ORG");
    // A hyphenated name is no adjective.
    assertThat(mention("Minister Ana Lopez-Reyes spoke.", "PER", "Lopez-Reyes").text())
        .isEqualTo("Lopez-Reyes");
  }

  @Test
  void aNameHyphenatedIntoAnAdjectiveBeforeAnotherNameIsANameOfItsOwn() {
    assertThat(
            body("The Ontario-based Court of Appeal ruled.", "ORG:Ontario-based Court of Appeal"))
        .containsExactly("MISC:Ontario-based", "ORG:Court of Appeal");
    assertThat(body("The Veldt-backed Harbour Fund grew.", "ORG:Veldt-backed Harbour Fund"))
        .containsExactly("MISC:Veldt-backed", "ORG:Harbour Fund");
    // A hyphenated name is no adjective.
    assertThat(body("Ana Lopez-Reyes Garcia spoke.", "PER:Ana Lopez-Reyes Garcia"))
        .containsExactly("PER:Ana Lopez-Reyes Garcia");
  }

  private EntityResolver.RawMention mention(String line, String type, String text) {
    int start = line.indexOf(text);
    return rules.clean(
        new EntityResolver.RawMention(type, text, start, start + text.length(), false, false));
  }

  @Test
  void aLoneNameBeforeAdministrationOrPresidencyIsThePersonWhoLeadsIt() {
    assertThat(body("Critics of the Okafor administration marched.", "LOC:Okafor"))
        .containsExactly("PER:Okafor");
    assertThat(body("A second Brandt presidency looked likely.", "ORG:Brandt"))
        .containsExactly("PER:Brandt");
    // Places, organisations and nationalities keep their type.
    assertThat(body("The Kurdistan administration paid salaries.", "LOC:Kurdistan"))
        .containsExactly("LOC:Kurdistan");
    assertThat(body("The Colombian presidency said so.", "MISC:Colombian"))
        .containsExactly("MISC:Colombian");
    assertThat(body("The Federal Aviation administration ruled.", "ORG:Federal Aviation"))
        .containsExactly("ORG:Federal Aviation");
  }

  @Test
  void aNameGlossedByAnOrganisationsAcronymIsThatOrganisation() {
    assertThat(body("The Vrije Boeren (VBP) left the cabinet.", "MISC:Vrije Boeren", "ORG:VBP"))
        .containsExactly("ORG:Vrije Boeren", "ORG:VBP");
    // A place in parentheses is no acronym, and a person keeps their type.
    assertThat(body("Marta Quiroga (Chile) won.", "PER:Marta Quiroga", "LOC:Chile"))
        .containsExactly("PER:Marta Quiroga", "LOC:Chile");
  }

  @Test
  void anAcronymInParenthesesRightAfterANameOfItsTypeGlossesIt() {
    List<Token> toks = Tokenizer.tokenize("The Vrije Boeren Partij (VBB) and Lena Ortiz (NL) met.");
    NameSpan party = new NameSpan("ORG", 1, 4);
    NameSpan acronym = new NameSpan("ORG", 5, 6);
    assertThat(NewsNameRules.glossOf(toks, acronym, party)).isTrue();
    // A person's country in parentheses is no gloss, nor an acronym of another type.
    assertThat(NewsNameRules.glossOf(toks, new NameSpan("LOC", 11, 12), new NameSpan("PER", 8, 10)))
        .isFalse();
    assertThat(NewsNameRules.glossOf(toks, new NameSpan("MISC", 5, 6), party)).isFalse();
  }

  @Test
  void aNameSetOffByItsRoleIsAPerson() {
    assertThat(body("said Oh Min-seo, head of research at a fund.", "MISC:Oh Min-seo"))
        .containsExactly("PER:Oh Min-seo");
    // Other names before a role keep their type; so does a nationality's phrase.
    assertThat(body("said Halvorsen Marine, chief buyer of steel.", "ORG:Halvorsen Marine"))
        .containsExactly("ORG:Halvorsen Marine");
    assertThat(body("at the Euro Cup, president Ana Silva said.", "MISC:Euro Cup"))
        .contains("MISC:Euro Cup");
  }

  @Test
  void aNameWhereAnAnalystOrEconomistWorksIsAnOrganisation() {
    assertThat(body("said Lena Ortiz, an analyst at Halvorsen.", "PER:Lena Ortiz", "LOC:Halvorsen"))
        .containsExactly("PER:Lena Ortiz", "ORG:Halvorsen");
    assertThat(body("economists at Brack Partners expect a cut.", "PER:Brack Partners"))
        .containsExactly("ORG:Brack Partners");
    // A known place stays a place.
    assertThat(body("a professor at Oxford said.", "LOC:Oxford")).containsExactly("LOC:Oxford");
  }

  @Test
  void aLanguageLabelLeftByThePageIsNoName() {
    assertThat(rules.clean(new EntityResolver.RawMention("ORG", "EN", 0, 2, false, true))).isNull();
    assertThat(rules.clean(new EntityResolver.RawMention("ORG", "AFP", 0, 3, false, true)))
        .isNotNull();
  }

  @Test
  void ordinaryNamesPassUnchanged() {
    assertThat(
            body(
                "Maria Lopez met officials of the World Bank in Geneva.",
                "PER:Maria Lopez",
                "ORG:World Bank",
                "LOC:Geneva"))
        .containsExactly("PER:Maria Lopez", "ORG:World Bank", "LOC:Geneva");
  }

  @Test
  void aNameEndingInCharterOrTreatyIsADocumentNotItsMaker() {
    assertThat(body("They cited the EU Charter in court.", "ORG:EU Charter"))
        .containsExactly("MISC:EU Charter");
  }

  @Test
  void aBattleOrATreatyNamedByWhatItIsOfIsAnEventNotAnOrganisation() {
    assertThat(
            body(
                "The Treaty of Lindholm ended the war that began at the Battle of Kressen.",
                "ORG:Treaty of Lindholm",
                "ORG:Battle of Kressen"))
        .containsExactly("MISC:Treaty of Lindholm", "MISC:Battle of Kressen");
    // a body of people is no event, and "Battle Mountain" is no battle
    assertThat(
            body(
                "The Congress of Mill Workers met Battle Mountain Mining.",
                "ORG:Congress of Mill Workers",
                "ORG:Battle Mountain Mining"))
        .containsExactly("ORG:Congress of Mill Workers", "ORG:Battle Mountain Mining");
  }

  @Test
  void aStraitOrAMountNamedByItsHeadWordIsAPlace() {
    assertThat(
            body(
                "Ships left the Strait of Ardona for Mount Teller and Lake Orrin.",
                "ORG:Strait of Ardona",
                "PER:Mount Teller",
                "ORG:Lake Orrin"))
        .containsExactly("LOC:Strait of Ardona", "LOC:Mount Teller", "LOC:Lake Orrin");
    assertThat(body("She works at Mount Teller Bank.", "ORG:Mount Teller Bank"))
        .containsExactly("ORG:Mount Teller Bank");
  }

  @Test
  void aNameEndingInABuildingOrAStreetIsAPlaceAndOneEndingInAnAwardIsMisc() {
    assertThat(
            body(
                "They moved from Varna Arena to Kell Road and won the Ostrel Honorary Award .",
                "ORG:Varna Arena",
                "ORG:Kell Road",
                "ORG:Ostrel Honorary Award"))
        .containsExactly("LOC:Varna Arena", "LOC:Kell Road", "MISC:Ostrel Honorary Award");
    // a person whose surname is a building word stays a person
    assertThat(body("Anna Tower spoke .", "PER:Anna Tower")).containsExactly("PER:Anna Tower");
  }

  @Test
  void aFormerCountryIsAPlaceThoughItsNameEndsLikeAnOrganisation() {
    assertThat(body("Exports to the Soviet Union fell.", "LOC:Soviet Union"))
        .containsExactly("LOC:Soviet Union");
    assertThat(body("Exports to the Customs Union fell.", "LOC:Customs Union"))
        .containsExactly("ORG:Customs Union");
    // a region GeoNames names by a compass word is an adjective alone
    assertThat(body("It reached Western audiences.", "MISC:Western"))
        .containsExactly("MISC:Western");
  }

  @Test
  void aRegnalNumeralOrAnEpithetBelongsToTheNameAndHonoursDoNot() {
    assertThat(body("Louis VII married in 1137.", "PER:Louis")).containsExactly("PER:Louis VII");
    assertThat(
            body(
                "Under Harald the Bold of Norvia the fleet grew.",
                "PER:Harald",
                "LOC:Bold of Norvia"))
        .containsExactly("PER:Harald the Bold", "LOC:Norvia");
    assertThat(body("Augustus II the Strong ruled.", "PER:Augustus"))
        .containsExactly("PER:Augustus II the Strong");
    assertThat(body("The novelist Ann Roe CBE spoke.", "PER:Ann Roe CBE"))
        .containsExactly("PER:Ann Roe");
    // "I" and "V" are no numerals here: "Tom V Jones" is a results line, "Ann I know" a sentence
    assertThat(body("Tom V Jones ended level.", "PER:Tom", "PER:Jones"))
        .containsExactly("PER:Tom", "PER:Jones");
  }

  @Test
  void aLoneIAfterANameIsTheFirstOfTheNameWhereNoSentenceGoesOn() {
    assertThat(body("By order of King Alric I of Norvia it was built.", "PER:Alric", "LOC:Norvia"))
        .containsExactly("PER:Alric I", "LOC:Norvia");
    assertThat(body("He was succeeded by his nephew Alric I, who ruled.", "PER:Alric"))
        .containsExactly("PER:Alric I");
    // a ruler's verb after it, as chronologies write: "born", "became"
    assertThat(body("1533 - Queen Alric I born .", "PER:Alric")).containsExactly("PER:Alric I");
    assertThat(body("Then Alric I became king .", "PER:Alric")).containsExactly("PER:Alric I");
    // "I" goes on a sentence of its own: not a numeral
    assertThat(body("Thanks Alric I said.", "PER:Alric")).containsExactly("PER:Alric");
    assertThat(body("Tell Alric I was there.", "PER:Alric")).containsExactly("PER:Alric");
  }

  @Test
  void aRuleOfAPlaceLeavesThePlace() {
    assertThat(body("He met the Maharaja of Ostrel today.", "ORG:Maharaja of Ostrel"))
        .containsExactly("LOC:Ostrel");
    assertThat(body("She became Empress of Varnia in 1822.", "ORG:Empress of Varnia"))
        .containsExactly("LOC:Varnia");
    // a club's name that ends in a point of the compass is no rule over a place
    assertThat(body("Clyde beat Queen of South 2-0.", "ORG:Clyde", "ORG:Queen of South"))
        .containsExactly("ORG:Clyde", "ORG:Queen of South");
  }

  @Test
  void anOccupationInsideASpanPartsItFromThePersonAfterIt() {
    assertThat(
            body(
                "It drew on a text by the Varnian physician Ge Holm in 340.",
                "ORG:Varnian physician Ge Holm"))
        .containsExactly("MISC:Varnian", "PER:Ge Holm");
    assertThat(body("It was made by the director Ana Vell.", "ORG:the director Ana Vell"))
        .containsExactly("PER:Ana Vell");
    // lower-case function words belong to names
    assertThat(body("The Bank of Ostrel raised rates.", "ORG:Bank of Ostrel"))
        .containsExactly("ORG:Bank of Ostrel");
  }

  @Test
  void anInstitutionAndWhatItIsOfAreOneOrganisation() {
    assertThat(
            body(
                "She studied at Varna University of Ostrel and joined the Federal Council of the"
                    + " Northern Provinces.",
                "ORG:Varna University",
                "LOC:Ostrel",
                "ORG:Federal Council",
                "LOC:Northern Provinces"))
        .containsExactly(
            "ORG:Varna University of Ostrel", "ORG:Federal Council of the Northern Provinces");
    // a company's legal form is no institution: the company and its place stay two names
    assertThat(body("Brisk Motors Corp of Ostrel said.", "ORG:Brisk Motors Corp", "LOC:Ostrel"))
        .containsExactly("ORG:Brisk Motors Corp", "LOC:Ostrel");
  }

  @Test
  void aCapitalTheInsideASentenceBelongsToTheNameAfterIt() {
    assertThat(
            body(
                "They play at The Kell Oval and read The Ostrel Review .",
                "LOC:Kell Oval",
                "ORG:Ostrel Review"))
        .containsExactly("LOC:The Kell Oval", "ORG:The Ostrel Review");
    // at a sentence's start any "The" is a capital; a person keeps no article
    assertThat(body("The Ostrel Review said so .", "ORG:Ostrel Review"))
        .containsExactly("ORG:Ostrel Review");
    assertThat(body("He met The Ana Kell .", "PER:Ana Kell")).containsExactly("PER:Ana Kell");
  }

  @Test
  void aNameNearOrNorthOfIsAPlace() {
    assertThat(
            body(
                "The spill came from a mine near Baia Vell and a dam east of Ostrel .",
                "ORG:Baia Vell",
                "PER:Ostrel"))
        .containsExactly("LOC:Baia Vell", "LOC:Ostrel");
    // an organisation the list knows stays one
    assertThat(body("Troops massed near NATO lines .", "ORG:NATO")).containsExactly("ORG:NATO");
  }

  @Test
  void aRealmAndItsPlaceAreOnePlace() {
    assertThat(body("It was led by the Tsardom of Norvia .", "LOC:Tsardom", "LOC:Norvia"))
        .containsExactly("LOC:Tsardom of Norvia");
    assertThat(body("It was part of the Grand Duchy of Norvia .", "MISC:Grand Duchy", "LOC:Norvia"))
        .containsExactly("LOC:Grand Duchy of Norvia");
    assertThat(body("A treaty with the Khanate of Ostrel .", "ORG:Khanate of Ostrel"))
        .containsExactly("LOC:Khanate of Ostrel");
  }

  @Test
  void twoInstitutionsJoinedByAndAreTwoNames() {
    assertThat(
            body(
                "He taught at Varna College and Kell University .",
                "ORG:Varna College and Kell University"))
        .containsExactly("ORG:Varna College", "ORG:Kell University");
    // one name that holds "and": its first part does not end in an institution's word
    assertThat(
            body(
                "The order came from the Ostrel Post and Telecommunications Administration .",
                "ORG:Ostrel Post and Telecommunications Administration"))
        .containsExactly("ORG:Ostrel Post and Telecommunications Administration");
  }

  @Test
  void anAwardAndItsCapitalisedFieldAreOneAward() {
    assertThat(
            body(
                "He won the Holm Prize in Physiology or Medicine and the Vell Medal for poetry.",
                "MISC:Holm Prize",
                "LOC:Physiology",
                "MISC:Medicine",
                "MISC:Vell Medal"))
        .containsExactly("MISC:Holm Prize in Physiology or Medicine", "MISC:Vell Medal");
  }

  /** The spans of a document of body sentences after the rules, sentence by sentence. */
  private List<List<String>> document(List<String> sentences, List<List<String>> spans) {
    List<List<Token>> toks = new ArrayList<>();
    List<List<NameSpan>> found = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      toks.add(Tokenizer.tokenize(sentences.get(s)));
      found.add(spansOf(toks.get(s), spans.get(s).toArray(String[]::new)));
    }
    List<List<NameSpan>> out = rules.apply(toks, found, false);
    List<List<String>> rendered = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      rendered.add(render(toks.get(s), out.get(s)));
    }
    return rendered;
  }

  @Test
  void whatASentenceSaysANameIsGivesItsTypeInTheWholeDocument() {
    List<List<String>> out =
        document(
            List.of(
                "Harrow Lane ( 1961 ) is a British crime film directed by Ian Holt .",
                "Critics praised Harrow Lane on its release .",
                "Velmont is a small town in the hills .",
                "Velmont lies near the coast ."),
            List.of(
                List.of("LOC:Harrow Lane", "PER:Ian Holt"),
                List.of("LOC:Harrow Lane"),
                List.of("PER:Velmont"),
                List.of("PER:Velmont")));

    assertThat(out.get(0)).containsExactly("MISC:Harrow Lane", "PER:Ian Holt");
    assertThat(out.get(1)).containsExactly("MISC:Harrow Lane");
    assertThat(out.get(2)).containsExactly("LOC:Velmont");
    assertThat(out.get(3)).containsExactly("LOC:Velmont");
  }

  @Test
  void aNounRightBeforeANameSaysWhatItIs() {
    assertThat(
            body(
                "The band released the album Grey Harbour and the song \" Coldwater Hill \" in"
                    + " the city of Orrin .",
                "PER:Grey Harbour",
                "LOC:Coldwater Hill",
                "PER:Orrin"))
        .containsExactly("MISC:Grey Harbour", "MISC:Coldwater Hill", "LOC:Orrin");
    // after a comma the name may be a person in apposition to a body: "the committee, Ana Roth"
    assertThat(body("The head of the committee , Ana Roth , spoke .", "PER:Ana Roth"))
        .containsExactly("PER:Ana Roth");
    // a noun that is also a verb is left out: "the team to play Norvia"
    assertThat(body("He named the team to play Norvia .", "LOC:Norvia"))
        .containsExactly("LOC:Norvia");
    // an occupation, singular or plural, before a name says it is a person, unless the name ends
    // like an organisation or a place
    assertThat(
            body(
                "It was founded by the directors Kaito Varrow and Ana Kell with the industrialist"
                    + " Ravi Ostrel and the architect Holm Partners .",
                "ORG:Kaito Varrow",
                "PER:Ana Kell",
                "ORG:Ravi Ostrel",
                "ORG:Holm Partners"))
        .containsExactly(
            "PER:Kaito Varrow", "PER:Ana Kell", "PER:Ravi Ostrel", "ORG:Holm Partners");
  }

  @Test
  void aNameHyphenatedIntoAnAdjectiveIsOneMiscName() {
    // a known place, an acronym, an abbreviation or a name the recognizer found, with its tail
    assertThat(
            body(
                "A London-based fund , a NATO-led force and Ostrel-controlled towns .",
                "LOC:Ostrel-controlled"))
        .containsExactly("MISC:London-based", "MISC:NATO-led", "MISC:Ostrel-controlled");
    // an abbreviation, as news writes a state: one token in CoNLL
    List<Token> abbreviated = List.of(new Token("Mo.-based", 0, 9), new Token("bank", 10, 14));
    assertThat(rules.hyphenAdjectives(abbreviated, List.of()))
        .containsExactly(new NameSpan("MISC", 0, 1));
    // a place of two words goes in whole, found or known
    assertThat(body("The Kell Varrow-based firm grew .", "LOC:Kell"))
        .containsExactly("MISC:Kell Varrow-based");
    assertThat(body("A St. Louis-based bank grew .")).containsExactly("MISC:St. Louis-based");
    // a capitalised word that reads as no name stays a word
    assertThat(body("Family-controlled firms grew .")).isEmpty();
  }

  @Test
  void airBeforeAPlaceIsAnAirline() {
    assertThat(
            body(
                "Staff of Air Canada and Air New Zealand met Ana Roth of Air Varrow .",
                "LOC:Canada",
                "LOC:Air New Zealand",
                "PER:Ana Roth",
                "PER:Varrow"))
        .containsExactly("ORG:Air Canada", "ORG:Air New Zealand", "PER:Ana Roth", "PER:Varrow");
  }

  @Test
  void aShipIsMiscAndACarrierAnAirlineUnlessAnAircraftCarrier() {
    assertThat(
            body(
                "The aircraft carrier Kell Varrow and the frigate Ostrel met the national carrier"
                    + " Norvair .",
                "PER:Kell Varrow",
                "LOC:Ostrel",
                "MISC:Norvair"))
        .containsExactly("MISC:Kell Varrow", "MISC:Ostrel", "ORG:Norvair");
  }

  @Test
  void aTitleInQuotesKeepsItsArticle() {
    assertThat(
            body(
                "His novels \" The Kestrel Road \" and \" A Harbour \" sold , and The Ostrel"
                    + " Review said so .",
                "MISC:Kestrel Road",
                "MISC:Harbour",
                "ORG:Ostrel Review"))
        .containsExactly("MISC:The Kestrel Road", "MISC:A Harbour", "ORG:The Ostrel Review");
    // a quotation that starts with "The" is no title: the quote does not close after the name
    assertThat(body("\" The Norvian side agreed , \" he said .", "MISC:Norvian"))
        .containsExactly("MISC:Norvian");
  }

  @Test
  void aPointOfTheCompassBeforeANationalityIsPartOfIt() {
    assertThat(body("The Southeast Asian and West African markets .", "MISC:Asian", "MISC:African"))
        .containsExactly("MISC:Southeast Asian", "MISC:West African");
    // not before a name that is no nationality
    assertThat(body("They won the South Kell Cup .", "MISC:Kell Cup"))
        .containsExactly("MISC:Kell Cup");
  }

  @Test
  void aNumberedRoadIsAPlace() {
    assertThat(body("Trucks drove along Interstate 95 and Route 9 to Ostrel .", "ORG:Interstate"))
        .containsExactly("LOC:Interstate 95", "LOC:Route 9");
    // a number that is no road's: "Highway patrol 12 officers" has no number right after
    assertThat(body("The Highway Patrol sent 12 officers .", "ORG:Highway Patrol"))
        .containsExactly("ORG:Highway Patrol");
  }

  @Test
  void aMakerBeforeItsModelIsAProduct() {
    assertThat(
            body(
                "It flew the Airbus A350 and the Boeing 787 Dreamliner beside a Toyota Kestrel .",
                "ORG:Airbus",
                "ORG:Boeing",
                "MISC:Dreamliner",
                "ORG:Toyota Kestrel"))
        .containsExactly("MISC:Airbus A350", "MISC:Boeing 787 Dreamliner", "MISC:Toyota Kestrel");
    // the maker's units, places and partners stay organisations; a year is no model
    assertThat(
            body(
                "Toyota Motor , Toyota Australia , McLaren Mercedes and Boeing 1996 results .",
                "ORG:Toyota Motor",
                "ORG:Toyota Australia",
                "ORG:McLaren Mercedes",
                "ORG:Boeing"))
        .containsExactly(
            "ORG:Toyota Motor", "ORG:Toyota Australia", "ORG:McLaren Mercedes", "ORG:Boeing");
  }

  @Test
  void theModelsPartOfAProductsNameMentionedAloneIsTheProduct() {
    List<List<String>> out =
        document(
            List.of(
                "Nissan Kestrel Lite sales rose .", "The Kestrel Lite sold well , Nissan said ."),
            List.of(List.of("ORG:Nissan Kestrel Lite"), List.of("ORG:Kestrel Lite", "ORG:Nissan")));
    assertThat(out.get(0)).containsExactly("MISC:Nissan Kestrel Lite");
    assertThat(out.get(1)).containsExactly("MISC:Kestrel Lite", "ORG:Nissan");
  }

  @Test
  void aFirstNameRightBeforeAPersonsNameIsItsStart() {
    assertThat(
            body("Then Tiger Varrow fired a 62 as Samer Kell watched .", "PER:Varrow", "PER:Kell"))
        .containsExactly("PER:Tiger Varrow", "PER:Samer Kell");
    // at a sentence's start a capital says nothing: "Tell" is also a given name
    assertThat(body("Tell Varrow to come .", "PER:Varrow")).containsExactly("PER:Varrow");
    // roles, days and places stay out
    assertThat(
            body(
                "On Wednesday Varrow met King Kell and Paris Ostrel .",
                "PER:Varrow",
                "PER:Kell",
                "PER:Ostrel"))
        .containsExactly("PER:Varrow", "PER:Kell", "PER:Ostrel");
  }

  @Test
  void aCommonSurnameRightAfterAPersonsNameEndsIt() {
    assertThat(body("Pelham won ( Warren O'Connor ) .", "PER:Warren"))
        .containsExactly("PER:Warren O'Connor");
    // a day, a place or a word that is no surname stays out
    assertThat(body("He met Ana Kell Monday in Ostrel .", "PER:Ana Kell"))
        .containsExactly("PER:Ana Kell");
  }

  @Test
  void aFamilyNamesParticlesBelongToIt() {
    assertThat(
            body(
                "A pass from Van der Kell reached De la Varrow .",
                "LOC:Van",
                "PER:Kell",
                "PER:Varrow"))
        .containsExactly("PER:Van der Kell", "PER:De la Varrow");
  }

  @Test
  void aNameWithAYearAloneInParenthesesAfterItIsAWork() {
    assertThat(
            body(
                "Her films include Lord of the Fennick ( 1954 ) , Kestrel ( 1960 ) and My Neighbour"
                    + " Varrow ( 1988 ) .",
                "PER:Fennick",
                "ORG:Kestrel",
                "PER:Neighbour Varrow"))
        .containsExactly("MISC:Lord of the Fennick", "MISC:Kestrel", "MISC:My Neighbour Varrow");
    // a champion dated by the year of the title, as news lists them, stays a person
    assertThat(body("It went to Norvia 's Allan Kell ( 1980 ) .", "LOC:Norvia", "PER:Allan Kell"))
        .containsExactly("LOC:Norvia", "PER:Allan Kell");
  }

  @Test
  void everyLabelledNameOfAChainInParenthesesGlossesTheNameBeforeIt() {
    assertThat(
            body(
                "The Varta ( Ostrian : Varta ; Lenian : Vartova ) floods in spring .",
                "LOC:Varta",
                "MISC:Ostrian",
                "ORG:Varta",
                "MISC:Lenian",
                "PER:Vartova"))
        .containsExactly("LOC:Varta", "MISC:Ostrian", "LOC:Varta", "MISC:Lenian", "LOC:Vartova");
  }

  @Test
  void oneOfTheKindsANameIsSaysWhatItIs() {
    List<List<String>> out =
        document(
            List.of("Velmont is one of the oldest towns of the coast .", "Velmont grew ."),
            List.of(List.of("PER:Velmont"), List.of("PER:Velmont")));

    assertThat(out.get(0)).containsExactly("LOC:Velmont");
    assertThat(out.get(1)).containsExactly("LOC:Velmont");
    assertThat(NewsNameRules.singular("cities")).isEqualTo("city");
    assertThat(NewsNameRules.singular("churches")).isEqualTo("church");
    assertThat(NewsNameRules.singular("rivers")).isEqualTo("river");
    assertThat(NewsNameRules.singular("press")).isEqualTo("press");
  }

  @Test
  void aNameWithAFounderOrShareholdersIsAnOrganisationInTheWholeDocument() {
    List<List<String>> out =
        document(
            List.of(
                "Tallyworks is under investigation .",
                "Tallyworks founder Ana Roth declined to comment .",
                "Brennor's chief executive quit , and Velmont employees were told .",
                "Texas employees and Japanese executives were not told ."),
            List.of(
                List.of("PER:Tallyworks"),
                List.of("MISC:Tallyworks", "PER:Ana Roth"),
                List.of("PER:Brennor", "ORG:Velmont"),
                List.of("LOC:Texas", "MISC:Japanese")));

    assertThat(out.get(0)).containsExactly("ORG:Tallyworks");
    assertThat(out.get(1)).containsExactly("ORG:Tallyworks", "PER:Ana Roth");
    assertThat(out.get(2)).containsExactly("ORG:Brennor", "ORG:Velmont");
    // a place's and a nationality's people are not an organisation's
    assertThat(out.get(3)).containsExactly("LOC:Texas", "MISC:Japanese");
  }

  @Test
  void aClubsTownLetterInParenthesesIsPartOfItsName() {
    assertThat(body("Velezna ( K ) 4 2 0 2 4", "ORG:Velezna", "ORG:K"))
        .containsExactly("ORG:Velezna ( K )");
    assertThat(body("Mladost ( BJ ) 1 Rudar 0", "ORG:Mladost", "ORG:Rudar"))
        .containsExactly("ORG:Mladost ( BJ )", "ORG:Rudar");
    // the initials of the name are its abbreviation, and after a person a party label
    assertThat(body("the Vendi Party ( VP ) won", "ORG:Vendi Party", "ORG:VP"))
        .containsExactly("ORG:Vendi Party", "ORG:VP");
    assertThat(body("Senator Ana Roth ( R ) voted", "PER:Ana Roth"))
        .containsExactly("PER:Ana Roth");
  }

  @Test
  void aPlanetOrMoonIsAPlaceInATextAboutSpace() {
    List<List<String>> out =
        document(
            List.of("The spacecraft flew past Venus and Saturn .", "It landed on Titan in 2005 ."),
            List.of(List.of("PER:Venus", "ORG:Saturn"), List.of("ORG:Titan")));
    assertThat(out.get(0)).containsExactly("LOC:Venus", "LOC:Saturn");
    assertThat(out.get(1)).containsExactly("LOC:Titan");
    // without a word of space, a carmaker stays one
    assertThat(document(List.of("Saturn sold more cars ."), List.of(List.of("ORG:Saturn"))).get(0))
        .containsExactly("ORG:Saturn");
  }

  @Test
  void aRelativeOrACharacterBeforeANameIsAPerson() {
    List<List<String>> out =
        document(
            List.of(
                "He searches for his daughter Velma .", "Velma is pursued by the villain Orvald ."),
            List.of(List.of("ORG:Velma"), List.of("ORG:Velma", "LOC:Orvald")));
    assertThat(out.get(0)).containsExactly("PER:Velma");
    assertThat(out.get(1)).containsExactly("PER:Velma", "PER:Orvald");
  }

  @Test
  void aPeopleIsMiscAndAForeignStadiumAPlace() {
    assertThat(
            document(
                    List.of("The Vendi are an indigenous people of the north ."),
                    List.of(List.of("PER:Vendi")))
                .get(0))
        .containsExactly("MISC:Vendi");
    assertThat(body("They play at the Ostrel Stadion .", "ORG:Ostrel Stadion"))
        .containsExactly("LOC:Ostrel Stadion");
  }

  @Test
  void lowerCaseParticlesJoinGivenNamesToTheFamilyName() {
    assertThat(
            body("the astronomer Karl Georg von Strelitz said", "PER:Karl Georg", "PER:Strelitz"))
        .containsExactly("PER:Karl Georg von Strelitz");
    assertThat(body("organised by Ana Maria de la Vega of Ostrel", "PER:Ana Maria", "LOC:Ostrel"))
        .containsExactly("PER:Ana Maria de la Vega", "LOC:Ostrel");
    // a place after the particle is not the family name
    assertThat(body("Ana Roth de Ostrel won", "PER:Ana Roth", "LOC:Ostrel"))
        .containsExactly("PER:Ana Roth", "LOC:Ostrel");
  }

  @Test
  void aPluralNounBeforeAListSaysWhatEveryNameListedIs() {
    List<List<String>> out =
        document(
            List.of("It flows past the towns of Velmont , Ostrel and Brenna ."),
            List.of(List.of("ORG:Velmont", "PER:Ostrel", "PER:Brenna")));
    assertThat(out.get(0)).containsExactly("LOC:Velmont", "LOC:Ostrel", "LOC:Brenna");
    // a singular noun says what the first name is, not the next
    List<List<String>> one =
        document(
            List.of("the town of Velmont and Ana Roth"),
            List.of(List.of("ORG:Velmont", "PER:Ana Roth")));
    assertThat(one.get(0)).containsExactly("LOC:Velmont", "PER:Ana Roth");
  }

  @Test
  void aPlaceFollowedByAPluralNounIsATeamOrAFirm() {
    assertThat(body("He played for the Bergen Daredevils .", "LOC:Bergen Daredevils"))
        .containsExactly("ORG:Bergen Daredevils");
    assertThat(body("She flew Sudan Airways .", "LOC:Sudan Airways"))
        .containsExactly("ORG:Sudan Airways");
    // events, ranges and peoples keep their type
    assertThat(body("the Atlanta Games opened", "MISC:Atlanta Games"))
        .containsExactly("MISC:Atlanta Games");
    assertThat(body("It rises in the Romania Carpathians .", "LOC:Romania Carpathians"))
        .containsExactly("LOC:Romania Carpathians");
    // a place's people, and a place within a place
    assertThat(body("Most South Dakotans agreed .", "LOC:South Dakotans"))
        .containsExactly("LOC:South Dakotans");
    assertThat(body("He grew up in Northern Illinois .", "LOC:Northern Illinois"))
        .containsExactly("LOC:Northern Illinois");
  }

  @Test
  void aParliamentKnownByItsOwnNameIsAnOrganisation() {
    assertThat(body("The bill passed the Folketing on Friday .", "LOC:Folketing"))
        .containsExactly("ORG:Folketing");
  }

  @Test
  void capitalisedWordsASentenceOpensWithAndDefinesAreANameInEveryMention() {
    List<List<String>> out =
        document(
            List.of(
                "Rain in Velmont is the second studio album by the band .",
                "Rain in Velmont reached number 9 in the charts .",
                "Sub Vendi is an American independent record label ."),
            List.of(List.of("LOC:Velmont"), List.of("LOC:Velmont"), List.of()));
    assertThat(out.get(0)).containsExactly("MISC:Rain in Velmont");
    assertThat(out.get(1)).containsExactly("MISC:Rain in Velmont");
    assertThat(out.get(2)).containsExactly("ORG:Sub Vendi");
    // one word the recognizer left out stays out: a common word opening a sentence
    assertThat(document(List.of("Music is a universal language ."), List.of(List.of())).get(0))
        .isEmpty();
  }

  @Test
  void aTitleInQuotesAfterTheNounOfAWorkIsTheWork() {
    assertThat(
            body("It included the singles \" Rain in Velmont \" and \" Ostrel \" .", "LOC:Velmont"))
        .containsExactly("MISC:Rain in Velmont", "MISC:Ostrel");
    assertThat(body("the film \" Harrow Lane \" opened", "PER:Harrow Lane"))
        .containsExactly("MISC:Harrow Lane");
    // a quotation that is no title, and a noun that is no work's
    assertThat(body("the film \" was a mess , \" Ana Roth said", "PER:Ana Roth"))
        .containsExactly("PER:Ana Roth");
    assertThat(body("the minister \" Velmont \" said", "PER:Velmont"))
        .containsExactly("PER:Velmont");
  }

  @Test
  void aTitleAfterTheNounOfAWorkIsTheWorkToItsLastWord() {
    assertThat(
            body(
                "He wrote the novel The Tower on the Velm , published in 1961 .",
                "MISC:The Tower",
                "LOC:Velm"))
        .containsExactly("MISC:The Tower on the Velm");
    assertThat(body("It aired in the series Orvandel , which ran for years .", "PER:Orvandel"))
        .containsExactly("MISC:Orvandel");
    // set off by commas, the title ends at a comma or a parenthesis
    assertThat(body("Their second album , Long Way Home ( 1994 ) , sold well ."))
        .containsExactly("MISC:Long Way Home");
    assertThat(body("His first novel , Things Come Apart , was a success ."))
        .containsExactly("MISC:Things Come Apart");
    assertThat(body("It is a fine movie , Daily Planet said .", "ORG:Daily Planet"))
        .containsExactly("ORG:Daily Planet");
    // a day, a letter
    assertThat(body("the programme Monday was cut")).isEmpty();
    assertThat(body("preferred shares , series B , at par")).isEmpty();
  }

  @Test
  void aNounOfAListBeforeSuchAsOrIncludingSaysWhatTheNamesListedAre() {
    List<List<String>> out =
        document(
            List.of("Multinational firms including Velmar , Ostrel and Brenna invested ."),
            List.of(List.of("LOC:Velmar", "PER:Ostrel", "ORG:Brenna")));
    assertThat(out.get(0)).containsExactly("ORG:Velmar", "ORG:Ostrel", "ORG:Brenna");
    List<List<String>> bands =
        document(
            List.of("It signed bands such as Harrowgate and The Velmonts ."),
            List.of(List.of("PER:Harrowgate", "LOC:The Velmonts")));
    assertThat(bands.get(0)).containsExactly("ORG:Harrowgate", "ORG:The Velmonts");
    // a singular noun, or a noun no list knows, says nothing
    List<List<String>> none =
        document(
            List.of("veterans including Bremen 's Jens Todt were called up ."),
            List.of(List.of("ORG:Bremen", "PER:Jens Todt")));
    assertThat(none.get(0)).containsExactly("ORG:Bremen", "PER:Jens Todt");
  }

  @Test
  void aNameInAYearInParenthesesAfterInIsAWorkEvenWithAFirstName() {
    assertThat(body("She won for her role in Michael Harrow ( 2007 ) .", "PER:Michael Harrow"))
        .containsExactly("MISC:Michael Harrow");
    // a champion dated in news keeps being a person
    assertThat(body("Britain 's Allan Wells ( 1980 ) ran .", "LOC:Britain", "PER:Allan Wells"))
        .containsExactly("LOC:Britain", "PER:Allan Wells");
  }

  @Test
  void aShipsPrefixAndItsNameAreTheShipInEveryMention() {
    List<List<String>> out =
        document(
            List.of("HMS Velmont was a battlecruiser .", "Velmont was sunk in 1941 ."),
            List.of(List.of("PER:HMS Velmont"), List.of("PER:Velmont")));
    assertThat(out.get(0)).containsExactly("MISC:HMS Velmont");
    assertThat(out.get(1)).containsExactly("MISC:Velmont");
  }

  @Test
  void warsPeoplesGamesAndPersonsWithParticlesTakeTheirTypeFromTheirWords() {
    assertThat(body("It ended the Forty Years ' War .", "ORG:Forty Years ' War"))
        .containsExactly("MISC:Forty Years ' War");
    assertThat(body("the Ministry of War said", "ORG:Ministry of War"))
        .containsExactly("ORG:Ministry of War");
    assertThat(body("members of the Uvra people live there", "ORG:Uvra"))
        .containsExactly("MISC:Uvra");
    assertThat(body("He won gold at the 2014 Winter Olympics .", "MISC:Olympics"))
        .containsExactly("MISC:Winter Olympics");
    assertThat(body("troops under Antonio José de Velmar won", "LOC:Antonio José de Velmar"))
        .containsExactly("PER:Antonio José de Velmar");
    // a place of Romance words with a given name's first word stays a place
    assertThat(body("It lies near Isla de Velmar .", "LOC:Isla de Velmar"))
        .containsExactly("LOC:Isla de Velmar");
    assertThat(body("the film La leggenda del Velmar", "MISC:La leggenda del Velmar"))
        .containsExactly("MISC:La leggenda del Velmar");
    assertThat(body("They built the Velmar Dam in 1963 .", "ORG:Velmar Dam"))
        .containsExactly("LOC:Velmar Dam");
  }

  @Test
  void aNameInAnotherScriptGlossingANameIsThatName() {
    assertThat(
            body(
                "Velmar Jazeera ( Arabic : الجزيرة , literally the island ) is a network .",
                "ORG:Velmar Jazeera",
                "MISC:Arabic"))
        .containsExactly("ORG:Velmar Jazeera", "MISC:Arabic", "ORG:الجزيرة");
    assertThat(body("Kim Ora ( Korean : 김오라 ; born 1990 ) skated .", "PER:Kim Ora", "MISC:Korean"))
        .containsExactly("PER:Kim Ora", "MISC:Korean", "PER:김오라");
    // Latin letters are the recognizer's to find; no name before the parenthesis, no gloss
    assertThat(body("It said ( Arabic : الجزيرة ) .", "MISC:Arabic"))
        .containsExactly("MISC:Arabic");
  }

  @Test
  void aDefinitionRetypesTheGlossesOfTheNameItDefines() {
    List<List<String>> out =
        document(
            List.of("Velmar Sophia ( Turkish : Velmasofya ) is a mosque in the city ."),
            List.of(List.of("PER:Velmar Sophia", "MISC:Turkish", "ORG:Velmasofya")));
    assertThat(out.get(0)).containsExactly("LOC:Velmar Sophia", "MISC:Turkish", "LOC:Velmasofya");
  }

  @Test
  void rangesAndDesertsArePlacesAndTheAndAPluralABand() {
    assertThat(body("It lies in the Andes near the border .", "ORG:Andes"))
        .containsExactly("LOC:Andes");
    assertThat(body("They crossed the Kalahari .", "MISC:Kalahari"))
        .containsExactly("LOC:Kalahari");
    assertThat(
            body(
                "It released records by The Velmonts and The Harrow Brothers .",
                "LOC:The Velmonts",
                "MISC:The Harrow Brothers"))
        .containsExactly("ORG:The Velmonts", "ORG:The Harrow Brothers");
    // a country, an event, a name without the capital "The"
    assertThat(body("Queen Beatrix of The Netherlands came .", "LOC:The Netherlands"))
        .containsExactly("LOC:The Netherlands");
    assertThat(body("He starred in The Velmar Games .", "MISC:The Velmar Games"))
        .containsExactly("MISC:The Velmar Games");
  }

  @Test
  void whoPublishesOrOperatesIsAnOrganisationAndAProbeOrADynastyAThing() {
    assertThat(body("It was published by Velmark in London .", "PER:Velmark", "LOC:London"))
        .containsExactly("ORG:Velmark", "LOC:London");
    assertThat(body("Trains are operated by Ostrel Rail .", "LOC:Ostrel Rail"))
        .containsExactly("ORG:Ostrel Rail");
    // a person by the first name, a country
    assertThat(body("a paper published by Andrew Velmark", "PER:Andrew Velmark"))
        .containsExactly("PER:Andrew Velmark");
    assertThat(body("a route operated by France", "LOC:France")).containsExactly("LOC:France");
    assertThat(body("the Velmar probe landed", "PER:Velmar")).containsExactly("MISC:Velmar");
    assertThat(body("the last king of the Ostrel dynasty", "ORG:Ostrel"))
        .containsExactly("MISC:Ostrel");
    // a maker's probe keeps the maker
    assertThat(body("the Boeing probe failed", "ORG:Boeing")).containsExactly("ORG:Boeing");
  }

  @Test
  void aNameWithItsCountryAfterACommaIsAPlace() {
    assertThat(body("It has a plant in Velmont , Finland .", "ORG:Velmont", "LOC:Finland"))
        .containsExactly("LOC:Velmont", "LOC:Finland");
    // a person, a list of clubs and a company's country with a possessive keep their types
    assertThat(body("1. Ana Roth , Finland , 12.74", "PER:Ana Roth", "LOC:Finland"))
        .containsExactly("PER:Ana Roth", "LOC:Finland");
    assertThat(
            body(
                "He played for Velmont , Monaco , Ostrel and Brenna .",
                "ORG:Velmont",
                "LOC:Monaco",
                "ORG:Ostrel",
                "ORG:Brenna"))
        .containsExactly("ORG:Velmont", "LOC:Monaco", "ORG:Ostrel", "ORG:Brenna");
    assertThat(body("Velmont , Finland 's biggest bank", "ORG:Velmont", "LOC:Finland"))
        .containsExactly("ORG:Velmont", "LOC:Finland");
    assertThat(
            body(
                "He works at the Velmont Institute in Ostrel , Finland .",
                "ORG:Velmont Institute in Ostrel",
                "LOC:Finland"))
        .containsExactly("ORG:Velmont Institute in Ostrel", "LOC:Finland");
  }

  @Test
  void aNoblesTitleIsNoPartOfTheNameAndALoneIAfterARulersNameIsItsNumeral() {
    assertThat(body("led by Grand Duke Vorant and his army", "PER:Duke Vorant"))
        .containsExactly("PER:Vorant");
    assertThat(body("reopened under Tsar Velimir I as a university", "PER:Velimir"))
        .containsExactly("PER:Velimir I");
    // after a name with no ruler's title, "I" is the pronoun
    assertThat(body("told Ana Roth I would go", "PER:Ana Roth")).containsExactly("PER:Ana Roth");
  }

  @Test
  void aFirstNameAFamilyNameOfAPlaceIsAPersonAndThePlace() {
    assertThat(
            body(
                "It was won by Stanley Matthews of Blackpool .",
                "ORG:Stanley Matthews of Blackpool"))
        .containsExactly("PER:Stanley Matthews", "LOC:Blackpool");
    // an institution named for a place stays whole
    assertThat(
            body(
                "The Berlin Museum of Medical History opened .",
                "ORG:Berlin Museum of Medical History"))
        .containsExactly("ORG:Berlin Museum of Medical History");
  }

  @Test
  void aPlaceOpeningARowOfScoresIsItsTeamButACountryStaysAPlace() {
    assertThat(
            body(
                "Wollondilly 14.9 ( 93 ) Tarrabool 8.7 ( 55 )", "LOC:Wollondilly", "LOC:Tarrabool"))
        .containsExactly("ORG:Wollondilly", "ORG:Tarrabool");
    assertThat(body("Port Veyne 18 11 2 5 422", "LOC:Port Veyne"))
        .containsExactly("ORG:Port Veyne");
    // a national team is a place in CoNLL, and so is a golfer's country in parentheses
    assertThat(body("Norway 3 2 1 0 7", "LOC:Norway")).containsExactly("LOC:Norway");
    assertThat(body("Tomas Vell ( Wales ) 68 71", "PER:Tomas Vell", "LOC:Wales"))
        .containsExactly("PER:Tomas Vell", "LOC:Wales");
    assertThat(body("Wollondilly 30 Tarrabool 6", "LOC:Wollondilly", "LOC:Tarrabool"))
        .containsExactly("ORG:Wollondilly", "ORG:Tarrabool");
    assertThat(
            body(
                "Division one - Port Veyne v Tarrabool United .",
                "LOC:Port Veyne",
                "ORG:Tarrabool United"))
        .containsExactly("ORG:Port Veyne", "ORG:Tarrabool United");
    assertThat(body("Norway v Wales", "LOC:Norway", "LOC:Wales"))
        .containsExactly("LOC:Norway", "LOC:Wales");
    // a sentence with words is no row
    assertThat(body("Wollondilly 2000 was a year to remember", "LOC:Wollondilly"))
        .containsExactly("LOC:Wollondilly");
  }

  @Test
  void aDayAbbreviatedInCapitalsIsNoPartOfTheNameAfterIt() {
    assertThat(body("WED Karvell Group YR EPS 41.8", "ORG:WED Karvell Group"))
        .containsExactly("ORG:Karvell Group");
    assertThat(body("FRI Dunmore YR DIV 15.0", "PER:FRI Dunmore")).containsExactly("PER:Dunmore");
  }

  @Test
  void aMakersNameBeforeItsPointsInATableIsTheMakerNotAModel() {
    assertThat(
            body(
                "Lars Ovind ( Norway ) Kawasaki 117",
                "PER:Lars Ovind",
                "LOC:Norway",
                "ORG:Kawasaki"))
        .containsExactly("PER:Lars Ovind", "LOC:Norway", "ORG:Kawasaki");
    // in a sentence the number is the model's
    assertThat(body("The Boeing 747 overshot the runway .", "ORG:Boeing"))
        .containsExactly("MISC:Boeing 747");
  }

  @Test
  void aPaperNamedOnItsOwnLineAboveADigestsStoriesIsAnOrganisation() {
    List<List<String>> out =
        document(
            List.of(
                "PRESS DIGEST - Varnland - Aug 2 .",
                "THE VARN HERALD",
                "- The government said it would cut taxes .",
                "AL-SAHIFA",
                "- Police arrested two men in the capital .",
                "IRELAND",
                "- Farmers protested against milk quotas ."),
            List.of(
                List.of("LOC:Varnland"),
                List.of("MISC:VARN"),
                List.of(),
                List.of("PER:AL-SAHIFA"),
                List.of(),
                List.of("LOC:IRELAND"),
                List.of()));
    assertThat(out.get(1)).containsExactly("ORG:THE VARN HERALD");
    assertThat(out.get(3)).containsExactly("ORG:AL-SAHIFA");
    // a country heading the papers that follow stays a place
    assertThat(out.get(5)).containsExactly("LOC:IRELAND");
    // a line in capitals without a dashed story below is left alone
    assertThat(
            document(
                    List.of("PRESS DIGEST", "LATEST FIXTURES", "- MIDDAY FIXTURES"),
                    List.of(List.of(), List.of(), List.of()))
                .get(1))
        .isEmpty();
    // and so is a page's heading above its bullets, in a text that is no digest
    assertThat(
            document(
                    List.of("KEY POINTS", "- The government said it would cut taxes ."),
                    List.of(List.of(), List.of()))
                .get(0))
        .isEmpty();
  }

  @Test
  void aNameAfterAnEntrantsCountryIsItsTeamAndAClubInACupResultIsAClub() {
    assertThat(
            body(
                "3. Tomas Vell ( Norway ) Karvell 1:35.2",
                "PER:Tomas Vell",
                "LOC:Norway",
                "PER:Karvell"))
        .containsExactly("PER:Tomas Vell", "LOC:Norway", "ORG:Karvell");
    // a known place after an athlete's country is where the record was set
    assertThat(
            body(
                "2:28.98 Ana Roth ( Chile ) Berlin 17.8.90",
                "PER:Ana Roth",
                "LOC:Chile",
                "LOC:Berlin"))
        .containsExactly("PER:Ana Roth", "LOC:Chile", "LOC:Berlin");
    assertThat(
            body(
                "In Dunmore : Karvell Dunmore ( Norway ) 2 Tarrabool ( Wales ) 1",
                "LOC:Dunmore",
                "PER:Karvell Dunmore",
                "LOC:Norway",
                "LOC:Tarrabool",
                "LOC:Wales"))
        .containsExactly(
            "LOC:Dunmore", "ORG:Karvell Dunmore", "LOC:Norway", "ORG:Tarrabool", "LOC:Wales");
    // players after their countries in a draw stay players
    assertThat(
            body(
                "Tomas Vell ( Norway ) vs. Ana Roth ( Chile )",
                "PER:Tomas Vell",
                "LOC:Norway",
                "PER:Ana Roth",
                "LOC:Chile"))
        .containsExactly("PER:Tomas Vell", "LOC:Norway", "PER:Ana Roth", "LOC:Chile");
  }

  @Test
  void namesATablesColumnsRanTogetherArePartedAgain() {
    assertThat(
            body(
                "Kestrel 30 28/08 Rotterdam / Japan W145 Karvell .",
                "ORG:Rotterdam / Japan W145 Karvell"))
        .containsExactly("LOC:Rotterdam", "LOC:Japan", "ORG:Karvell");
    assertThat(body("Wolf Point MT 4.41 dn .10", "ORG:Wolf Point MT"))
        .containsExactly("LOC:Wolf Point", "LOC:MT");
    // parts that are no places stay one name
    assertThat(body("CDU / CSU 41.5", "ORG:CDU / CSU")).containsExactly("ORG:CDU / CSU");
    // a header of columns is one name per column, a slash joins two
    assertThat(body("KVP / TLU NDP VAR Greens", "ORG:KVP / TLU NDP VAR Greens"))
        .containsExactly("ORG:KVP / TLU", "ORG:NDP", "ORG:VAR", "ORG:Greens");
    // in a line of capitals short words are words
    assertThat(body("BIG FOUR CUP 12 14", "MISC:BIG FOUR CUP"))
        .containsExactly("MISC:BIG FOUR CUP");
    // a code in a line of capitals is a word
    assertThat(body("SECOND ROUND IN OHIO", "LOC:OHIO")).containsExactly("LOC:OHIO");
  }

  @Test
  void aStockMarketsIndexIsMiscButNotTheNewspaperOrTheCompanyOfItsName() {
    assertThat(body("The Nikkei average fell 2 percent .", "ORG:Nikkei"))
        .containsExactly("MISC:Nikkei");
    assertThat(body("The Dow Jones industrial average rose .", "ORG:Dow Jones"))
        .containsExactly("MISC:Dow Jones");
    assertThat(body("the Nikkei business daily said .", "ORG:Nikkei"))
        .containsExactly("ORG:Nikkei");
    assertThat(body("Dow Jones said it would sell the unit .", "ORG:Dow Jones"))
        .containsExactly("ORG:Dow Jones");
    // an interbank rate is an index too
    assertThat(body("Six-month Helibor rose to 3.56 pct .", "ORG:Helibor"))
        .containsExactly("MISC:Helibor");
  }

  @Test
  void aMakersShortNumberInASentenceIsAModelButNotACountOrATime() {
    assertThat(body("It replaced the earlier Saab 99 , a hatchback .", "ORG:Saab"))
        .containsExactly("MISC:Saab 99");
    assertThat(body("shares of Ford 10 percent higher", "ORG:Ford")).containsExactly("ORG:Ford");
    assertThat(
            body(
                "7. Tomas Vell ( Norway ) Motorola 28",
                "PER:Tomas Vell",
                "LOC:Norway",
                "ORG:Motorola"))
        .containsExactly("PER:Tomas Vell", "LOC:Norway", "ORG:Motorola");
    // a maker's company form is the company
    assertThat(body("Boeing Co secures a loan .", "ORG:Boeing Co"))
        .containsExactly("ORG:Boeing Co");
  }

  @Test
  void aRegionOfTheListWrittenCapitalisedAloneIsAPlace() {
    assertThat(body("Copper scrap , Midwest and East coast , rose ."))
        .containsExactly("LOC:Midwest");
    assertThat(body("Frost hit Canada 's Prairies on Monday .", "LOC:Canada"))
        .containsExactly("LOC:Canada", "LOC:Prairies");
    assertThat(body("Tankers from the Mideast were slow .", "ORG:Mideast"))
        .containsExactly("LOC:Mideast");
    // part of a longer name, or a common word, it is no region
    assertThat(body("He flew Midwest Express to Boston .", "ORG:Midwest Express", "LOC:Boston"))
        .containsExactly("ORG:Midwest Express", "LOC:Boston");
    assertThat(body("the prairies of the west")).isEmpty();
  }

  @Test
  void aKnownPlaceOpeningARowOfChangesIsThePlace() {
    assertThat(body("Dresden 792 up 11.4", "ORG:Dresden")).containsExactly("LOC:Dresden");
    // a row of results keeps its team, and an unknown name its type
    assertThat(body("Dresden 3 Tarrabool 1", "ORG:Dresden", "ORG:Tarrabool"))
        .containsExactly("ORG:Dresden", "ORG:Tarrabool");
    assertThat(body("Karvell 74.50 up 0.30", "ORG:Karvell")).containsExactly("ORG:Karvell");
  }

  @Test
  void aPlaceBeforeAPlayersOrACoachsRoleIsItsTeamButACountryStaysAPlace() {
    assertThat(body("Tarrabool coach Ian Holt was sent off .", "LOC:Tarrabool", "PER:Ian Holt"))
        .containsExactly("ORG:Tarrabool", "PER:Ian Holt");
    assertThat(body("England manager Ian Holt named his squad .", "LOC:England", "PER:Ian Holt"))
        .containsExactly("LOC:England", "PER:Ian Holt");
    assertThat(body("a Republic of Ireland squad", "LOC:Republic of Ireland"))
        .containsExactly("LOC:Republic of Ireland");
  }

  @Test
  void aTownInParenthesesAfterAPlayerIsTheClubButACountryOrAStateStaysAPlace() {
    assertThat(
            body(
                "The defenders are Ian Holt ( Tarrabool ) and Tomas Vell ( Netherlands ) .",
                "PER:Ian Holt",
                "LOC:Tarrabool",
                "PER:Tomas Vell",
                "LOC:Netherlands"))
        .containsExactly("PER:Ian Holt", "ORG:Tarrabool", "PER:Tomas Vell", "LOC:Netherlands");
    assertThat(body("Senator Ann Roe ( Texas ) spoke .", "PER:Ann Roe", "LOC:Texas"))
        .containsExactly("PER:Ann Roe", "LOC:Texas");
  }

  @Test
  void aFirmNamedByAPossessiveKeepsItsApostropheS() {
    assertThat(body("Investors sued Lloyd's on Monday .", "ORG:Lloyd"))
        .containsExactly("ORG:Lloyd 's");
    // a person's possessive stays out, and so does a firm's that is no such name
    assertThat(body("Lloyd's wife said .", "PER:Lloyd")).containsExactly("PER:Lloyd");
    assertThat(body("Acme's profit rose .", "ORG:Acme")).containsExactly("ORG:Acme");
  }

  @Test
  void aProductLineAndItsVersionAreOneProduct() {
    assertThat(body("sales of Windows 95 rose .")).containsExactly("MISC:Windows 95");
    assertThat(body("It runs Windows NT and Office 97 .", "MISC:Windows"))
        .containsExactly("MISC:Windows NT", "MISC:Office 97");
    // inside a longer name it stays there, and the word alone is no product
    assertThat(body("the Karvell Windows 95 Kit was sold .", "ORG:Karvell Windows 95 Kit"))
        .containsExactly("ORG:Karvell Windows 95 Kit");
    assertThat(body("The windows 95 were broken .")).isEmpty();
  }

  @Test
  void aMonthsAbbreviationBeforeANumberIsNoName() {
    assertThat(body("Output rose to Jan 1,100.7 from Dec 988.2", "PER:Jan", "ORG:Dec")).isEmpty();
    assertThat(body("Jan Vell won the stage .", "PER:Jan Vell")).containsExactly("PER:Jan Vell");
    assertThat(body("Jan won the stage .", "PER:Jan")).containsExactly("PER:Jan");
  }

  @Test
  void aCountryNamedWithAndIsOnePlace() {
    assertThat(
            body(
                "He played for Bosnia and Herzegovina and Serbia .",
                "LOC:Bosnia",
                "LOC:Herzegovina",
                "LOC:Serbia"))
        .containsExactly("LOC:Bosnia and Herzegovina", "LOC:Serbia");
    // two countries joined by "and" stay two
    assertThat(body("He played for Bosnia and Serbia .", "LOC:Bosnia", "LOC:Serbia"))
        .containsExactly("LOC:Bosnia", "LOC:Serbia");
  }

  @Test
  void aVenueNamedNounFirstIsOnePlace() {
    assertThat(
            body(
                "The club moved to the Estadio Ramon Villagra in 1962 .",
                "MISC:Estadio",
                "PER:Ramon Villagra"))
        .containsExactly("LOC:Estadio Ramon Villagra");
    assertThat(body("They left the Estádio das Lages for a new ground .", "ORG:Estádio das Lages"))
        .containsExactly("LOC:Estádio das Lages");
    assertThat(body("They built the Estádio do Vale in 2003 .", "ORG:Estádio", "PER:Vale"))
        .containsExactly("LOC:Estádio do Vale");
    assertThat(body("The race is held at the Circuit Jules Armand each June .", "PER:Jules Armand"))
        .containsExactly("LOC:Circuit Jules Armand");
    // a court is no venue
    assertThat(body("He appealed to the Circuit Court of Varn .", "ORG:Circuit Court of Varn"))
        .containsExactly("ORG:Circuit Court of Varn");
    assertThat(
            body(
                "The plane landed at Rellin International Airport .",
                "ORG:Rellin International Airport"))
        .containsExactly("LOC:Rellin International Airport");
  }

  @Test
  void aPeopleBeforeALowerCaseWordIsThePeople() {
    assertThat(body("A Zulu army overwhelmed the camp .", "LOC:Zulu")).containsExactly("MISC:Zulu");
    assertThat(body("Her songs mixed Fon and Yoruba traditions .", "LOC:Fon", "ORG:Yoruba"))
        .containsExactly("MISC:Fon", "MISC:Yoruba");
    // before a capitalised word it is part of another name, which keeps its type
    assertThat(body("The Inca Empire grew fast .", "LOC:Inca Empire"))
        .containsExactly("LOC:Inca Empire");
    assertThat(body("They reached the Inca capital .", "LOC:Inca")).containsExactly("MISC:Inca");
  }

  @Test
  void namesOnACricketScorecardArePlayers() {
    assertThat(body("Omar Daud c Rugby b Dunmore 46", "PER:Omar Daud", "ORG:Rugby", "LOC:Dunmore"))
        .containsExactly("PER:Omar Daud", "PER:Rugby", "PER:Dunmore");
    // a bowler the recognizer missed, and one before his figures
    assertThat(body("K. Lane b Streakley 20", "MISC:K. Lane"))
        .containsExactly("PER:K. Lane", "PER:Streakley");
    assertThat(body("Dunmore 23-5-71-1 , Halford 14.3-4-45-1", "LOC:Dunmore"))
        .containsExactly("PER:Dunmore", "PER:Halford");
    assertThat(body("Vass 7-0-29-0 , de Sella 4-0-25-0", "PER:Vass", "PER:de Sella"))
        .containsExactly("PER:Vass", "PER:de Sella");
    // without a number it is no scorecard
    assertThat(body("Plan b Rugby", "ORG:Rugby")).containsExactly("ORG:Rugby");
  }

  @Test
  void anInstitutionsNounBeforeOfMakesTheWholeAnInstitution() {
    assertThat(
            body(
                "In 1918 the college became the University of Port Elmet .",
                "LOC:University of Port Elmet"))
        .containsExactly("ORG:University of Port Elmet");
    assertThat(body("The Bank of Ardmore raised rates .", "LOC:Bank of Ardmore"))
        .containsExactly("ORG:Bank of Ardmore");
    // a place's noun before "of" leaves a place
    assertThat(body("They sailed into the Gulf of Ardmore .", "LOC:Gulf of Ardmore"))
        .containsExactly("LOC:Gulf of Ardmore");
  }

  @Test
  void aNameAfterATributaryOfOrNorthOfIsAPlace() {
    assertThat(body("The Vaike is a tributary of the Emarel .", "LOC:Vaike", "ORG:Emarel"))
        .containsExactly("LOC:Vaike", "LOC:Emarel");
    assertThat(body("The camp lies 40 km north of Dunmore .", "PER:Dunmore"))
        .containsExactly("LOC:Dunmore");
    // an adjective after "west of" stays one
    assertThat(body("They crossed west of Lebanese lines .", "MISC:Lebanese"))
        .containsExactly("MISC:Lebanese");
  }

  @Test
  void anAcronymANameIntroducesInParenthesesIsTheNameInEveryMention() {
    List<List<String>> out =
        document(
            List.of(
                "The holding company Corporacion Minera de Tolva ( CMT ) was sold .",
                "CMT union leaders said the Bank of Varn ( BOV ) lent to CMT 's arm ."),
            List.of(List.of("ORG:Corporacion Minera de Tolva"), List.of("ORG:Bank of Varn")));
    assertThat(out.get(0)).containsExactly("ORG:Corporacion Minera de Tolva", "ORG:CMT");
    assertThat(out.get(1)).containsExactly("ORG:CMT", "ORG:Bank of Varn", "ORG:BOV", "ORG:CMT");
    // said without parentheses too, but not when the document writes the letters as a word
    assertThat(
            document(
                    List.of(
                        "The Bank of Varn Tolva raised its rate .", "The BOVT governor spoke ."),
                    List.of(List.of("ORG:Bank of Varn Tolva"), List.of()))
                .get(1))
        .containsExactly("ORG:BOVT");
    assertThat(
            document(
                    List.of("Arab Nation Daily reported .", "AND THEN THERE WERE NONE and more ."),
                    List.of(List.of("ORG:Arab Nation Daily"), List.of()))
                .get(1))
        .isEmpty();
    // letters that are no initials of the name stay out
    assertThat(body("He joined the Tolva Mining Group ( SEC ) .", "ORG:Tolva Mining Group"))
        .containsExactly("ORG:Tolva Mining Group");
  }

  @Test
  void abbreviationsOfCommonNounsAreNoNames() {
    assertThat(mention("The IPO was delayed", "ORG", "IPO")).isNull();
    assertThat(mention("an EV with 300 miles", "ORG", "EV")).isNull();
    assertThat(mention("Ostrel Labs filed", "ORG", "Ostrel Labs")).isNotNull();
  }

  @Test
  void aSentenceThatSaysSomethingElseAboutANameLeavesItsType() {
    // "a member of", "the home of": the noun that follows is not what the name is
    List<List<String>> out =
        document(
            List.of(
                "Ana Roth was a member of the band .", "Velmont is the home of a famous club ."),
            List.of(List.of("PER:Ana Roth"), List.of("LOC:Velmont")));

    assertThat(out.get(0)).containsExactly("PER:Ana Roth");
    assertThat(out.get(1)).containsExactly("LOC:Velmont");
  }

  /**
   * Whatever the words and whatever spans the recognizer gives, the rules answer with spans inside
   * the sentence: the new look-arounds (numerals, epithets, "of" joins, awards, definitions,
   * appositions) read past a span's ends and must stop at the sentence's.
   */
  @Test
  void anyWordsAndSpansGiveSpansInsideTheSentence() {
    String[] vocabulary = {
      "Louis",
      "II",
      "the",
      "Great",
      "of",
      "University",
      "Berlin",
      "Prize",
      "in",
      "Physics",
      "or",
      "is",
      "a",
      "British",
      "film",
      "album",
      "city",
      "(",
      ")",
      ",",
      "\"",
      "Battle",
      "Mount",
      "CBE",
      "and",
      "Ana",
      "Roth",
      "said",
      "London-based",
      "Air",
      "France",
      "St.",
      "aircraft",
      "carrier",
      "Van",
      "der",
      "Route",
      "9",
      "Airbus",
      "A350",
      "South",
      "African",
      "The",
      "."
    };
    String[] types = {"PER", "ORG", "LOC", "MISC"};
    qt().withExamples(3000)
        .forAll(
            lists().of(integers().between(0, vocabulary.length - 1)).ofSizeBetween(1, 14),
            lists().of(integers().between(0, 99)).ofSizeBetween(0, 6))
        .check(
            (words, cuts) -> {
              List<Token> toks = new ArrayList<>();
              int offset = 0;
              for (int w : words) {
                String text = vocabulary[w];
                toks.add(new Token(text, offset, offset + text.length()));
                offset += text.length() + 1;
              }
              // non-overlapping spans from the cut points, each 1-3 tokens long
              List<NameSpan> spans = new ArrayList<>();
              int at = 0;
              for (int c : cuts) {
                int start = at + c % 3;
                int end = start + 1 + c / 34;
                if (end > toks.size()) {
                  break;
                }
                spans.add(new NameSpan(types[c % 4], start, end));
                at = end;
              }
              for (boolean lineHeadlines : new boolean[] {true, false}) {
                List<NameSpan> out =
                    rules.apply(List.of(toks), List.of(spans), false, lineHeadlines).get(0);
                for (NameSpan sp : out) {
                  if (sp.start() < 0 || sp.end() > toks.size() || sp.start() >= sp.end()) {
                    return false;
                  }
                }
              }
              return true;
            });
  }

  /** The ASCII shortcut of {@code norm} gives what the full normalisation gives. */
  @Test
  void normOfAsciiWordsIsTheFullNormalisation() {
    String alphabet = "aZq9'-. \u00e9\u00c4\u2019\u2018\u0301I";
    qt().withExamples(2000)
        .forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 12))
        .check(
            picks -> {
              StringBuilder b = new StringBuilder();
              picks.forEach(i -> b.append(alphabet.charAt(i)));
              String s = b.toString();
              return NewsNameRules.norm(s).equals(NewsNameRules.normDecomposed(s));
            });
    assertThat(NewsNameRules.norm("McDonald's")).isEqualTo("mcdonald's");
    assertThat(NewsNameRules.norm("Am\u00e9lie\u2019s")).isEqualTo("amelie's");
  }
}
