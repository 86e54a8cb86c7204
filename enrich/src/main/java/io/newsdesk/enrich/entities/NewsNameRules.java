package io.newsdesk.enrich.entities;

import io.newsdesk.enrich.entities.DefaultEntityTagger.NameSpan;
import io.newsdesk.enrich.text.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Rules for names as news text writes them, applied to the recognizer's spans: a role or title is
 * not part of a name, role words alone and headline phrases are no entities, "Ambassador to X Name"
 * is a place and a person, page residue glued to a name is cut off, and types are corrected from
 * general knowledge (places from GeoNames, agencies, international organisations and news agencies,
 * organisation and geographic name endings). Immutable and thread-safe.
 */
final class NewsNameRules {

  static final String WORDS = "/io/newsdesk/enrich/entities/news-names-en.txt";
  static final String PLACES = "/io/newsdesk/enrich/entities/news-places-en.tsv.gz";
  static final String FIRST_NAMES = "/io/newsdesk/enrich/entities/news-first-names-en.txt.gz";
  static final String GAZETTEER = "/io/newsdesk/enrich/entities/gazetteer-en.txt";

  /** Cities at least this large are places before they are people ("Baghdad", "Tehran"). */
  private static final int BIG_CITY = 1_000_000;

  /** Words that make a title-case phrase a headline clause, not a name ("Forces Are Not ..."). */
  private static final Set<String> CLAUSE_WORDS =
      Set.of(
          "are", "is", "was", "were", "be", "been", "not", "no", "must", "will", "would", "can",
          "could", "should", "may", "might", "says", "said", "say", "tells", "told", "has", "have",
          "had", "does", "do", "did", "amid", "over", "after", "against", "into", "calls", "urges",
          "warns", "vows", "seeks", "plans", "wants", "why", "how", "what", "when", "who");

  /** File extensions a scraper glues to the next word. */
  private static final String RESIDUE_EXTENSION =
      "(?:jpe?g|png|gif|webp|svg|pdf|html?|php|aspx?|mp[34])";

  /** A file extension glued to the next word by a scraper ("jpgSputnik International"). */
  private static final Pattern GLUED_RESIDUE =
      Pattern.compile("^" + RESIDUE_EXTENSION + "(?=\\p{Lu})");

  /** The same residue at the end of a token, before the name it was glued to ("…a85f.jpgAcme"). */
  private static final Pattern GLUED_RESIDUE_TAIL =
      Pattern.compile(RESIDUE_EXTENSION + "\\p{Lu}\\p{Ll}+$");

  /** Abbreviated titles only a person takes ("Mr.", "Sen.", "Dr."); not "St.", a place's. */
  private static final Set<String> HONORIFICS =
      Set.of(
          "mr.", "mrs.", "ms.", "dr.", "prof.", "sen.", "rep.", "gov.", "rev.", "hon.", "gen.",
          "lt.", "col.", "maj.", "capt.", "sgt.", "adm.", "cmdr.", "cpl.", "brig.", "supt.",
          "atty.", "messrs.", "mme.", "mlle.", "mr", "mrs", "ms", "dr", "mme", "mlle");

  /** Words before a role word that make it the role ("the King"), not a surname. */
  private static final Set<String> DETERMINERS =
      Set.of("the", "a", "an", "his", "her", "their", "its", "our", "your", "my", "former", "new");

  /** Verbs that attribute what was said to the name after them ("said Park Ju-gun, ..."). */
  private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "added", "wrote");

  /** Place words that also end club names ("Manchester City", "Notts County"). */
  private static final Set<String> CLUB_PLACE_WORDS = Set.of("city", "county", "town");

  /**
   * A regnal or generational numeral after a name ("Louis II", "Henry VIII"); not "I", "V", "X".
   */
  private static final Pattern REGNAL = Pattern.compile("(?=[IVX]{2})X{0,3}(IX|IV|V?I{0,3})");

  /** An epithet that is part of a ruler's name after "the": "Peter the Great". */
  private static final Set<String> EPITHETS =
      Set.of(
          "great",
          "magnificent",
          "elder",
          "younger",
          "conqueror",
          "confessor",
          "bold",
          "pious",
          "wise",
          "terrible",
          "lionheart",
          "navigator",
          "lawgiver",
          "fair",
          "just",
          "unready",
          "strong");

  /** Honours written after a person's name ("Ann Roe CBE"), not part of it. */
  private static final Set<String> POST_NOMINALS =
      Set.of("cbe", "obe", "mbe", "kbe", "dbe", "gbe", "frs", "qc", "kc", "vc", "phd", "esq.");

  /**
   * First words of an event or a document named by what it is of: "Battle of Waterloo", "Treaty of
   * Nerchinsk", "Siege of Vienna" (MISC, as CoNLL types wars and treaties).
   */
  private static final Set<String> EVENT_HEADS =
      Set.of(
          "battle",
          "battles",
          "siege",
          "war",
          "wars",
          "peace",
          "sack",
          "massacre",
          "statute",
          "statutes",
          "edict",
          "partition",
          "conquest",
          "treaty",
          "treaties",
          "convention",
          "act",
          "declaration",
          "charter",
          "accord",
          "accords",
          "pact",
          "capitulation",
          "congress");

  /** States named by their kind and their place: "Republic of Ireland" (one LOC in CoNLL). */
  private static final Set<String> REALMS =
      Set.of(
          "kingdom",
          "tsardom",
          "principality",
          "duchy",
          "emirate",
          "sultanate",
          "caliphate",
          "khanate",
          "republic",
          "empire");

  /**
   * First words of a natural feature named by what it is of ("Strait of Malacca", "Sea of Japan",
   * "Bay of Bengal") or before its name ("Mount Kazbek", "Lake Ohrid"), and of a realm ("Tsardom of
   * Russia").
   */
  private static final Set<String> GEO_HEADS_OF =
      union(
          Set.of(
              "gulf", "bay", "strait", "straits", "sea", "isle", "isles", "cape", "lake", "mount"),
          REALMS);

  private static final Set<String> GEO_HEADS = Set.of("mount", "mt.", "lake");

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /**
   * Last words of an institution that a place or a body it is "of" completes: "University of
   * Berlin", "Council of the European Union". Not a company's legal form: "Kia Motor Corp of South
   * Korea" is a company and a place.
   */
  private static final Set<String> INSTITUTIONS =
      Set.of(
          "university",
          "college",
          "school",
          "institute",
          "academy",
          "council",
          "committee",
          "ministry",
          "department",
          "bank",
          "league",
          "union",
          "organization",
          "organisation",
          "association",
          "federation",
          "party",
          "church",
          "court",
          "parliament",
          "assembly",
          "commission",
          "agency",
          "bureau",
          "society",
          "foundation",
          "museum",
          "library");

  /** Awards named for their field after "in" or "for": "Nobel Prize in Physics". */
  private static final Set<String> AWARDS = Set.of("prize", "award", "medal", "trophy");

  /** Last words of awards and contests: every Cup of CoNLL's is MISC, as every prize. */
  private static final Set<String> AWARD_ENDS = union(AWARDS, Set.of("awards", "cup"));

  /**
   * Regions GeoNames names by a compass word alone: "Western" alone is an adjective ("Western
   * audiences", MISC in CoNLL) before it is the region.
   */
  private static final Set<String> COMPASS_REGIONS =
      Set.of("western", "eastern", "northern", "southern", "central");

  /**
   * A point of the compass is a place to GeoNames, and the end of club names ("Queen of South").
   */
  private static final Set<String> COMPASS_POINTS = Set.of("north", "south", "east", "west");

  private static final Set<String> SEASONS = Set.of("spring", "summer", "autumn", "fall", "winter");

  private static final Set<String> FACILITY_HEADS =
      Set.of("base", "airbase", "airport", "airfield", "oilfield", "refinery", "dam");

  private final Map<String, Set<String>> words;
  private final Set<String> places;
  private final Set<String> majorPlaces;
  private final Set<String> firstNames;
  private final Set<String> demonyms;
  private final Set<String> countries;
  // First words of the general list's organisations: most capitalised words start none.
  private final Set<String> orgFirstWords = new HashSet<>();

  // First letters of the one-word regions, to pass most capitalised words by without folding them.
  private final Set<Character> regionInitials = new HashSet<>();
  // The type each noun of the DEFINES_* and APPOSED_* lists gives a name (PER, ORG, LOC, MISC).
  private final Map<String, String> definingNouns = new HashMap<>();
  private final Map<String, String> apposedNouns = new HashMap<>();

  private NewsNameRules(
      Map<String, Set<String>> words,
      Set<String> places,
      Set<String> majorPlaces,
      Set<String> firstNames,
      Set<String> demonyms,
      Set<String> countries) {
    this.words = words;
    this.places = places;
    this.majorPlaces = majorPlaces;
    this.firstNames = firstNames;
    this.demonyms = demonyms;
    this.countries = countries;
    for (String region : words.getOrDefault("REGION", Set.of())) {
      regionInitials.add(region.charAt(0));
    }
    for (String org : words.getOrDefault("ORG", Set.of())) {
      int space = org.indexOf(' ');
      orgFirstWords.add(space < 0 ? org : org.substring(0, space));
    }
    for (String type : Labels.TYPES) {
      words
          .getOrDefault("DEFINES_" + type, Set.of())
          .forEach(w -> definingNouns.putIfAbsent(w, type));
      words
          .getOrDefault("APPOSED_" + type, Set.of())
          .forEach(w -> apposedNouns.putIfAbsent(w, type));
    }
  }

  private static final class Holder {
    static final NewsNameRules SHARED = load();
  }

  /** The rules with the lists shipped in the project's resources. */
  static NewsNameRules shared() {
    return Holder.SHARED;
  }

  private static NewsNameRules load() {
    Map<String, Set<String>> words = new HashMap<>();
    for (String line : lines(WORDS, false)) {
      int tab = line.indexOf('\t');
      if (line.startsWith("#") || tab < 0) {
        continue;
      }
      Set<String> set = words.computeIfAbsent(line.substring(0, tab), k -> new HashSet<>());
      for (String w : line.substring(tab + 1).split("\\|")) {
        if (!w.isBlank()) {
          set.add(norm(w.strip()));
        }
      }
    }
    Set<String> places = new HashSet<>();
    Set<String> major = new HashSet<>(words.getOrDefault("COUNTRY_ALT", Set.of()));
    Set<String> countries = new HashSet<>(major);
    major.addAll(words.getOrDefault("SEAT", Set.of()));
    places.addAll(major);
    for (String line : lines(PLACES, true)) {
      String[] f = line.split("\t");
      if (f.length < 2) {
        continue;
      }
      String name = norm(f[1]);
      places.add(name);
      if (f[0].equals("COUNTRY")) {
        countries.add(name);
        if (name.startsWith("the ")) {
          countries.add(name.substring(4)); // GeoNames' "The Netherlands" is "Netherlands" too
          places.add(name.substring(4));
        }
      }
      boolean big = f[0].equals("CITY") && f.length > 2 && Long.parseLong(f[2]) >= BIG_CITY;
      if (!f[0].equals("CITY") || big) {
        major.add(name);
      }
    }
    Set<String> first = new HashSet<>();
    for (String line : lines(FIRST_NAMES, true)) {
      first.add(norm(line.strip()));
    }
    // Nationality words a first-name list also holds ("British", "Kenyan" are rare given names).
    Set<String> demonyms = new HashSet<>();
    for (String line : lines(GAZETTEER, false)) {
      if (line.startsWith("DEMONYM\t")) {
        for (String w : line.substring(line.indexOf('\t') + 1).split("\\|")) {
          demonyms.add(norm(w.strip()));
        }
      }
    }
    return new NewsNameRules(words, places, major, first, demonyms, countries);
  }

  private static List<String> lines(String resource, boolean gzip) {
    try (InputStream raw = NewsNameRules.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      InputStream in = gzip ? new GZIPInputStream(raw) : raw;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      String l;
      while ((l = r.readLine()) != null) {
        if (!l.isBlank()) {
          out.add(l);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The spans of every sentence after the rules. Sentence 0 is the title when {@code hasTitle};
   * title-case sentences (headlines, labels) keep only names the rest of the document confirms.
   */
  List<List<NameSpan>> apply(
      List<List<Token>> sentences, List<List<NameSpan>> spans, boolean hasTitle) {
    return apply(sentences, spans, hasTitle, true);
  }

  /**
   * As {@link #apply(List, List, boolean)}; with {@code lineHeadlines} false, a title-case sentence
   * is a sentence like any other. That is for sentences given one by one (a CoNLL file), where a
   * title-case line is a table's header or a list of names, not a page's headline run into its
   * text: a scraped page is the case the headline rules are for.
   */
  List<List<NameSpan>> apply(
      List<List<Token>> sentences,
      List<List<NameSpan>> spans,
      boolean hasTitle,
      boolean lineHeadlines) {
    int n = sentences.size();
    boolean[] headline = new boolean[n];
    Set<String> lowerWords = new HashSet<>();
    Set<String> capitalWords = new HashSet<>();
    Set<String> bodyNames = new HashSet<>();
    for (int s = 0; s < n; s++) {
      headline[s] = (hasTitle && s == 0) || (lineHeadlines && titleCase(sentences.get(s)));
      if (headline[s]) {
        continue;
      }
      List<Token> toks = sentences.get(s);
      for (int i = 0; i < toks.size(); i++) {
        String t = toks.get(i).text();
        if (Character.isLowerCase(t.charAt(0))) {
          lowerWords.add(norm(t));
        } else if (Character.isUpperCase(t.charAt(0))) {
          capitalWords.add(norm(t));
        }
      }
      for (NameSpan sp : spans.get(s)) {
        bodyNames.add(text(toks, sp.start(), sp.end()));
      }
    }
    // Surnames of people named in full, so that "King said" after "Ruth King" stays her.
    Set<String> surnames = new HashSet<>();
    for (int s = 0; s < n; s++) {
      for (NameSpan sp : spans.get(s)) {
        if (sp.type().equals("PER") && sp.end() - sp.start() >= 2) {
          surnames.add(norm(sentences.get(s).get(sp.end() - 1).text()));
        }
      }
    }
    List<List<NameSpan>> out = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      List<Token> toks = sentences.get(s);
      List<NameSpan> kept = new ArrayList<>();
      List<NameSpan> pieces = new ArrayList<>();
      for (NameSpan found : joinedOf(toks, nameTails(toks, spans.get(s)))) {
        for (NameSpan piece : adjectiveSplit(toks, withGluedStart(toks, found))) {
          pieces.addAll(innerOccupation(toks, piece));
        }
      }
      for (NameSpan sp : pieces) {
        if (timeExpression(toks, sp)) {
          continue;
        }
        boolean knownSurname =
            sp.type().equals("PER")
                && sp.end() - sp.start() == 1
                && surnames.contains(norm(toks.get(sp.start()).text()))
                && (sp.start() == 0
                    || !DETERMINERS.contains(norm(toks.get(sp.start() - 1).text())));
        for (NameSpan r : knownSurname ? List.of(sp) : rewrite(toks, sp)) {
          if (headline[s] && !confirmed(toks, r, lowerWords, capitalWords, bodyNames)) {
            for (NameSpan part : knownParts(toks, r)) {
              kept.add(retype(toks, part));
            }
            continue;
          }
          kept.add(retype(toks, r));
        }
      }
      kept.removeIf(sp -> inPartyLabel(toks, sp));
      if (!headline[s]) {
        kept = withListedRegions(toks, withListedOrgs(toks, kept));
      }
      List<NameSpan> done =
          tableRowTeams(
              toks,
              placeTeams(
                  toks,
                  products(
                      toks,
                      airlines(
                          toks,
                          hyphenAdjectives(
                              toks,
                              glosses(
                                  toks,
                                  scriptGlosses(
                                      toks,
                                      datedWorks(
                                          toks,
                                          placeWithCountry(
                                              toks,
                                              listedPlaces(
                                                  toks, personOfPlace(toks, kept)))))))))));
      done =
          withRegionLetter(
              toks,
              numberedRoads(
                  toks,
                  withInnerParticles(
                      toks,
                      withNameParticles(
                          toks,
                          quotedWorks(
                              toks,
                              titledWorks(
                                  toks,
                                  ships(
                                      toks,
                                      withGamesKind(
                                          toks,
                                          withQuotedArticle(
                                              toks,
                                              withCompassPoint(
                                                  toks,
                                                  venueOpenings(
                                                      toks, withoutDayColumn(toks, done))))))))))));
      done =
          rolePlayerTeams(
              toks,
              productVersions(
                  toks,
                  playerClubs(
                      toks,
                      changeRowPlaces(
                          toks,
                          entrantTeams(
                              toks,
                              scorecardPlayers(
                                  toks,
                                  tableSplits(
                                      toks, withoutMonths(toks, joinedCountries(toks, done)))))))));
      out.add(
          headline[s]
              ? done
              : withSurname(
                  toks, withFirstName(toks, withCapitalThe(toks, withoutOpeningThe(toks, done)))));
    }
    List<List<NameSpan>> typed =
        digestTitles(
            sentences,
            celestialBodies(
                sentences, productMentions(sentences, definedTypes(sentences, out, lowerWords))));
    List<List<NameSpan>> last = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      last.add(possessiveFirms(sentences.get(s), typed.get(s)));
    }
    return last;
  }

  /**
   * A press digest names each paper on a line of its own in capitals, its stories below as lines
   * that open with a dash ("DAWN" / "- The government said ..."): such a line, of one to six words,
   * is one organisation, the paper, unless it is a country heading the papers that follow ("IRAQ").
   * Only in a document that calls itself a digest. eng.train and eng.testa: 57 of 61 such lines are
   * organisations (2 are countries, 2 Maltese papers typed as places), all 61 in a "PRESS DIGEST".
   */
  private List<List<NameSpan>> digestTitles(List<List<Token>> sentences, List<List<NameSpan>> out) {
    if (sentences.stream()
        .flatMap(List::stream)
        .noneMatch(t -> t.text().equalsIgnoreCase("digest"))) {
      return out; // a page's "KEY POINTS" above its bullets is no paper
    }
    List<List<NameSpan>> titled = null;
    for (int s = 0; s + 1 < sentences.size(); s++) {
      List<Token> toks = sentences.get(s);
      if (!digestTitle(toks) || !digestStory(sentences.get(s + 1))) {
        continue;
      }
      String all = text(toks, 0, toks.size());
      if (isCountry(all) || isPlace(all) || has("ROLE", all)) {
        continue;
      }
      if (titled == null) {
        titled = new ArrayList<>(out);
      }
      titled.set(s, List.of(new NameSpan("ORG", 0, toks.size())));
    }
    return titled == null ? out : titled;
  }

  /** A line of one to six words in capitals that starts with a letter: "AL RAI", "DIARIO 16". */
  private static boolean digestTitle(List<Token> toks) {
    if (toks.isEmpty() || toks.size() > 6 || !Character.isLetter(toks.get(0).text().charAt(0))) {
      return false;
    }
    for (Token t : toks) {
      String w = t.text();
      for (int i = 0; i < w.length(); i++) {
        if (Character.isLowerCase(w.charAt(i))) {
          return false;
        }
      }
      if (DATELINE_DATE.matcher(w).matches()) {
        return false;
      }
    }
    return true;
  }

  /** A digest's story: a dash, then a sentence in mixed case ("- The government said ..."). */
  private static boolean digestStory(List<Token> toks) {
    if (toks.size() < 3 || !toks.get(0).text().equals("-")) {
      return false;
    }
    for (Token t : toks) {
      if (Character.isLowerCase(t.text().charAt(0))) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern DATELINE_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * In a text about space (a lower-case word such as "spacecraft", "orbit" or "planet"), a planet
   * or moon named alone is a place: "flybys of Venus, Earth and Jupiter", "landed on Titan" (the
   * recognizer, taught on news, reads them as a company or a person). Elsewhere "Saturn" may be a
   * car maker and "Mars" a confectioner, so the names keep their type.
   */
  private List<List<NameSpan>> celestialBodies(
      List<List<Token>> sentences, List<List<NameSpan>> out) {
    if (!aboutSpace(sentences)) {
      return out;
    }
    List<List<NameSpan>> retyped = new ArrayList<>(out.size());
    for (int s = 0; s < sentences.size(); s++) {
      List<Token> toks = sentences.get(s);
      List<NameSpan> spans = out.get(s);
      retyped.add(
          replacing(
              spans,
              k -> {
                NameSpan sp = spans.get(k);
                return sp.end() - sp.start() == 1
                        && EntityResolver.NAME_TYPES.contains(sp.type())
                        && !sp.type().equals("LOC")
                        && has("CELESTIAL", norm(toks.get(sp.start()).text()))
                    ? new NameSpan("LOC", sp.start(), sp.end())
                    : null;
              }));
    }
    return retyped;
  }

  /**
   * A stock market's index: "the Nikkei", "Tokyo's Nikkei average", "the DAX", "the Dow Jones
   * industrial average" (CoNLL types every one MISC: Nikkei 8 of 8, FTSE 5 of 5, CAC-40 6 of 6, Dow
   * 12 of 14, the other two "Dow Chemical"). Not the newspaper or the company the index is named
   * for ("the Nikkei business daily", "Dow Jones said", "Dow Jones & Co").
   */
  private boolean marketIndex(List<Token> toks, int s, int e, String all) {
    boolean index = has("MARKET_INDEX", all);
    if (!index && !has("MARKET_INDEX_BY_WORD", all)) {
      return false;
    }
    String next = e < toks.size() ? norm(toks.get(e).text()) : "";
    return index ? !INDEX_OWNER_WORDS.contains(next) : has("INDEX_WORD", next);
  }

  /** Words after an index's name that make it its newspaper's or its company's. */
  private static final Set<String> INDEX_OWNER_WORDS =
      Set.of(
          "newspaper",
          "daily",
          "business",
          "financial",
          "shimbun",
          "said",
          "says",
          "reported",
          "reports",
          "&",
          "group",
          "inc",
          "inc.",
          "co",
          "co.",
          "newswires",
          "chemical");

  /** Whether a lower-case word of the text is one of space ("spacecraft", "orbit", "planet"). */
  private boolean aboutSpace(List<List<Token>> sentences) {
    for (List<Token> toks : sentences) {
      for (Token t : toks) {
        String w = t.text();
        if (Character.isLowerCase(w.charAt(0)) && has("SPACE_WORD", norm(w))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The model's part of a product's name, mentioned alone, is the product too: "Sentra" after
   * "Nissan Sentra", "Switch Lite" after "Nintendo Switch Lite" (MISC, as {@link #products} types
   * the full name), and a ship's name after its prefix ("Hood" after "HMS Hood", {@link #ships}),
   * so that the thing keeps one type through the document.
   */
  private List<List<NameSpan>> productMentions(
      List<List<Token>> sentences, List<List<NameSpan>> out) {
    List<List<String>> models = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      List<Token> toks = sentences.get(s);
      for (NameSpan sp : out.get(s)) {
        if (sp.type().equals("MISC")
            && sp.end() - sp.start() >= 2
            && (has("PRODUCT_MAKER", norm(toks.get(sp.start()).text()))
                || SHIP_PREFIXES.contains(toks.get(sp.start()).text()))) {
          List<String> model = new ArrayList<>();
          for (int i = sp.start() + 1; i < sp.end(); i++) {
            model.add(norm(toks.get(i).text()));
          }
          models.add(model);
        }
      }
    }
    if (models.isEmpty()) {
      return out;
    }
    List<List<NameSpan>> retyped = new ArrayList<>(out.size());
    for (int s = 0; s < sentences.size(); s++) {
      List<Token> toks = sentences.get(s);
      List<NameSpan> spans = new ArrayList<>(out.get(s).size());
      for (NameSpan sp : out.get(s)) {
        List<String> words = new ArrayList<>();
        for (int i = sp.start(); i < sp.end(); i++) {
          words.add(norm(toks.get(i).text()));
        }
        boolean part =
            EntityResolver.NAME_TYPES.contains(sp.type())
                && !sp.type().equals("MISC")
                && models.stream()
                    .anyMatch(m -> java.util.Collections.indexOfSubList(m, words) >= 0);
        spans.add(part ? new NameSpan("MISC", sp.start(), sp.end()) : sp);
      }
      retyped.add(spans);
    }
    return retyped;
  }

  /** Words that may stand between "is a" and the noun that says what a thing is. */
  private static final int MAX_MODIFIERS = 7;

  /**
   * What a sentence says a name is gives its type, in every mention of the document: "Unknown
   * Pleasures is the debut studio album by ..." (MISC), "Rough Trade is an English independent
   * record label" (ORG), "Mount Kazbek ( ... ) is a dormant stratovolcano" (LOC). The pattern of an
   * encyclopedia's first sentence, and of a news story's background line ("Acme is a Texas maker of
   * ..."): a name, perhaps a parenthesis, "is/was/are/were", "a/an/the", at most seven modifiers,
   * then a noun from the lists DEFINES_PER, DEFINES_ORG, DEFINES_LOC, DEFINES_MISC. A noun right
   * before the name says it as well ({@link #apposedAs}; for that mention alone when the name is a
   * place: "the daily Iran"), and an acronym the name introduces in parentheses takes its type
   * ({@link #introducedAcronym}), as do an organisation's initials anywhere in the document unless
   * {@code lowerWords} (the document's words written in lower case) holds them.
   */
  private List<List<NameSpan>> definedTypes(
      List<List<Token>> sentences, List<List<NameSpan>> found, Set<String> lowerWords) {
    List<List<NameSpan>> out = definedOpenings(sentences, found);
    Map<String, String> defined = null;
    Map<Long, String> local = null; // sentence << 32 | start: types for one mention alone
    Set<String> orgInitials = null; // of the organisations named in two words or more
    for (int s = 0; s < sentences.size(); s++) {
      List<Token> toks = sentences.get(s);
      List<NameSpan> spans = out.get(s);
      for (int j = 0; j < spans.size(); j++) {
        NameSpan sp = spans.get(j);
        if (!EntityResolver.NAME_TYPES.contains(sp.type())) {
          continue;
        }
        String type = definedAs(toks, sp.end());
        boolean inList = false;
        if (type == null) {
          type = apposedAs(toks, sp.start());
          if ("PER".equals(type) && orgOrPlaceEnding(toks, sp.start(), sp.end())) {
            type = null; // "the architect Foster Associates": what the name says wins
          } else if ("LOC".equals(type)
              && sp.type().equals("MISC")
              && sp.end() - sp.start() == 1
              && nationality(toks.get(sp.start()))) {
            type = null; // "west of Lebanese territory": the adjective stays
          } else if (type != null
              && !type.equals("LOC")
              && isPlace(text(toks, sp.start(), sp.end()))) {
            // "the daily Iran", "the club Pescara": this mention, but every other "Iran" of the
            // document is the country
            if (local == null) {
              local = new HashMap<>();
            }
            local.put(((long) s << 32) | sp.start(), type);
            type = null;
          }
          inList = type != null && pluralApposition(toks, sp.start());
        }
        if (type == null && ownedByOrg(toks, sp)) {
          type = "ORG";
        }
        String acronym = introducedAcronym(toks, sp, spans);
        if (acronym != null) {
          if (defined == null) {
            defined = new HashMap<>();
          }
          defined.putIfAbsent(acronym, sp.type()); // and so every "CVG" of the document
        }
        if (sp.type().equals("ORG") && sp.end() - sp.start() >= 2) {
          if (orgInitials == null) {
            orgInitials = new HashSet<>();
          }
          orgInitials.add(initials(toks, sp.start(), sp.end()));
          orgInitials.add(wordInitials(toks, sp.start(), sp.end()));
        }
        if (type != null) {
          if (defined == null) {
            defined = new HashMap<>();
          }
          defined.putIfAbsent(text(toks, sp.start(), sp.end()), type);
          // "the towns of Foca, Gorazde and Zvornik": a plural noun says what each name listed is
          for (int n = j + 1; inList && n < spans.size(); n++) {
            NameSpan prev = spans.get(n - 1);
            NameSpan next = spans.get(n);
            if (!EntityResolver.NAME_TYPES.contains(next.type())
                || !listJoin(toks, prev.end(), next.start())) {
              break;
            }
            defined.putIfAbsent(text(toks, next.start(), next.end()), type);
          }
        }
      }
    }
    if (orgInitials != null) {
      // An organisation's acronym stands for it in the whole document, said in parentheses or not:
      // "the Bank of Japan ... the BOJ governor" (eng.train and eng.testa: 308 of 314 such
      // acronyms ORG); three letters at least and no word the document writes in lower case
      // ("AND" of "Arab News Daily").
      for (String a : orgInitials) {
        String key = a.toLowerCase(Locale.ROOT);
        if (a.length() >= 3 && !lowerWords.contains(key)) {
          if (defined == null) {
            defined = new HashMap<>();
          }
          defined.putIfAbsent(key, "ORG");
        }
      }
    }
    if (defined == null && local == null) {
      return out;
    }
    boolean onlyLocal = defined == null;
    if (onlyLocal) {
      defined = Map.of();
    }
    // The first words of the defined names: where a mention of one may start.
    Set<String> firsts = new HashSet<>();
    for (String name : defined.keySet()) {
      int space = name.indexOf(' ');
      firsts.add(space < 0 ? name : name.substring(0, space));
    }
    List<List<NameSpan>> retyped = new ArrayList<>(out.size());
    for (int s = 0; s < sentences.size(); s++) {
      List<Token> toks = sentences.get(s);
      List<NameSpan> spans = new ArrayList<>(out.get(s).size());
      for (NameSpan sp : out.get(s)) {
        String type =
            EntityResolver.NAME_TYPES.contains(sp.type())
                ? defined.get(text(toks, sp.start(), sp.end()))
                : null;
        if (local != null && type == null) {
          type = local.get(((long) s << 32) | sp.start());
        }
        spans.add(type == null ? sp : new NameSpan(type, sp.start(), sp.end()));
      }
      // a definition retypes the name's glosses with it: "Hagia Sophia (Turkish: Ayasofya)"
      retyped.add(onlyLocal ? spans : glosses(toks, otherMentions(toks, spans, defined, firsts)));
    }
    return retyped;
  }

  /**
   * A sentence that opens with capitalised words and says what they are makes them a name, which
   * the recognizer may have missed in words that read as a phrase: "Remain in Light is the fourth
   * studio album", "Sub Pop is an American independent record label". Two words at least, or words
   * of which the recognizer found a part ("He is a singer", "Music is a language" stay as they
   * are).
   */
  private List<List<NameSpan>> definedOpenings(
      List<List<Token>> sentences, List<List<NameSpan>> out) {
    List<List<NameSpan>> result = null;
    for (int s = 0; s < sentences.size(); s++) {
      List<Token> toks = sentences.get(s);
      List<NameSpan> spans = out.get(s);
      int e = 0;
      while (e < toks.size()
          && (capitalisedWord(toks.get(e)) || e > 0 && TITLE_WORDS.contains(toks.get(e).text()))) {
        e++;
      }
      while (e > 0 && TITLE_WORDS.contains(toks.get(e - 1).text())) {
        e--;
      }
      if (e == 0 || !capitalisedWord(toks.get(0))) {
        continue;
      }
      String type = definedAs(toks, e);
      if (type == null) {
        continue;
      }
      // "The" is a work's own ("The Master and Margarita"), not an organisation's, a place's or a
      // product's the recognizer found without it ("The Airbus A380 is an airliner")
      boolean the = toks.get(0).text().equals("The") && e > 1;
      int start =
          the && (!type.equals("MISC") || spans.stream().anyMatch(sp -> sp.start() == 1)) ? 1 : 0;
      boolean partFound = false;
      boolean crossing = false;
      boolean exact = false;
      for (NameSpan sp : spans) {
        if (sp.start() < e && sp.end() > start) {
          partFound = true;
          crossing |= sp.end() > e;
          exact |= sp.start() == start && sp.end() == e;
        }
      }
      if (exact || crossing || !partFound && e - start < 2) {
        continue;
      }
      if (result == null) {
        result = new ArrayList<>(out);
      }
      result.set(s, withSpan(spans, new NameSpan(type, start, e)));
    }
    return result == null ? out : result;
  }

  /**
   * The mentions of a name the document says what it is that the recognizer left out, found by
   * their words: "Remain in Light reached number 19" after "Remain in Light is ... album". A name
   * of one word only inside a sentence, where its capital says it is a name, unless all its letters
   * are capitals ("CVG said"); never over a span. {@code firsts}: the first words of the defined
   * names, the only words a mention may start with.
   */
  private List<NameSpan> otherMentions(
      List<Token> toks, List<NameSpan> spans, Map<String, String> defined, Set<String> firsts) {
    List<NameSpan> out = null;
    int n = toks.size();
    for (int i = 0; i < n; i++) {
      if (!capitalisedWord(toks.get(i))
          || i > 0
              && capitalisedWord(toks.get(i - 1))
              && !(i == 1 && TITLE_ARTICLES.contains(toks.get(0).text())) // "The BOJ governor"
          || !firsts.contains(norm(toks.get(i).text()))) {
        continue;
      }
      // the longest defined name that starts here and ends before a word that is no name's
      for (int e = Math.min(n, i + MAX_DEFINED_WORDS); e > i; e--) {
        if (e < n && capitalisedWord(toks.get(e))
            || e - i < 2 && i == 0 && !allCapitals(toks.get(i).text())) {
          continue; // a capital at a sentence's start says nothing, unless all are ("CVG said")
        }
        String type = defined.get(text(toks, i, e));
        List<NameSpan> cur = out == null ? spans : out;
        if (type == null || !writtenAsName(toks, i, e) || !onlyInside(cur, i, e)) {
          continue;
        }
        out = withSpan(cur, new NameSpan(type, i, e));
        i = e - 1;
        break;
      }
    }
    return out == null ? spans : out;
  }

  /**
   * The spans with each one replaced by the spans {@code rule} gives for its index (null: kept as
   * it is; empty: dropped); the same list when the rule changes none.
   */
  private static List<NameSpan> splitting(
      List<NameSpan> spans, java.util.function.IntFunction<List<NameSpan>> rule) {
    List<NameSpan> out = null;
    for (int k = 0; k < spans.size(); k++) {
      List<NameSpan> parts = rule.apply(k);
      if (parts == null) {
        if (out != null) {
          out.add(spans.get(k));
        }
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(spans.subList(0, k));
      }
      out.addAll(parts);
    }
    return out == null ? spans : out;
  }

  /** Whether the words are capitalised but for a title's small words: "Remain in Light". */
  private static boolean writtenAsName(List<Token> toks, int s, int e) {
    for (int i = s; i < e; i++) {
      if (!capitalisedWord(toks.get(i)) && !TITLE_WORDS.contains(toks.get(i).text())) {
        return false;
      }
    }
    return capitalisedWord(toks.get(e - 1));
  }

  /** Words a name defined in the document may hold, for {@link #otherMentions}. */
  private static final int MAX_DEFINED_WORDS = 8;

  /**
   * Whether every span that overlaps the words from {@code s} to {@code e} lies inside them and
   * none is them already.
   */
  private static boolean onlyInside(List<NameSpan> spans, int s, int e) {
    for (NameSpan sp : spans) {
      if (sp.start() < e && sp.end() > s) {
        if (sp.start() < s || sp.end() > e || sp.start() == s && sp.end() == e) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether the words right after a name are what only an organisation has: "WeWork founder Adam
   * Neumann", "Apple shareholders", "Acme 's chief executive" (ORG_FOLLOWER). Not after a place
   * ("Texas employees") or a nationality ("Japanese executives"), which keep their type.
   */
  private boolean ownedByOrg(List<Token> toks, NameSpan sp) {
    if (sp.type().equals("LOC") || sp.type().equals("ORG")) {
      return false;
    }
    if (sp.type().equals("MISC")
        && (nationality(toks.get(sp.start())) || isPlace(norm(toks.get(sp.start()).text())))) {
      return false;
    }
    int i = sp.end();
    int n = toks.size();
    if (i < n && norm(toks.get(i).text()).equals("'s")) {
      i++;
    }
    if (i >= n) {
      return false;
    }
    String w = norm(toks.get(i).text());
    return has("ORG_FOLLOWER", w)
        || w.equals("chief") && i + 1 < n && norm(toks.get(i + 1).text()).equals("executive");
  }

  /** Whether the noun that apposes the name at {@code s} is a plural: "the towns of", "bands". */
  private static boolean pluralApposition(List<Token> toks, int s) {
    if (listIntro(toks, s) > 0) {
      return true; // apposedAs asked for a plural
    }
    int k = s - 1;
    if (k >= 1 && (toks.get(k).text().equals("of") || toks.get(k).text().equals("\""))) {
      k--;
    }
    String w = norm(toks.get(k).text());
    return !singular(w).equals(w);
  }

  /**
   * The number of words before {@code s} that open the examples of a list: 2 for "such as", 1 for
   * "including", else 0 (or when no noun stands before them).
   */
  private static int listIntro(List<Token> toks, int s) {
    if (s >= 3 && toks.get(s - 1).text().equals("as") && toks.get(s - 2).text().equals("such")) {
      return 2;
    }
    return s >= 2 && toks.get(s - 1).text().equals("including") ? 1 : 0;
  }

  /**
   * Whether the words from {@code a} to {@code b} join two names of a list: ",", "and", ", and".
   */
  private static boolean listJoin(List<Token> toks, int a, int b) {
    if (b - a == 1) {
      String t = toks.get(a).text();
      return t.equals(",") || t.equals("and") || t.equals("or");
    }
    return b - a == 2
        && toks.get(a).text().equals(",")
        && (toks.get(a + 1).text().equals("and") || toks.get(a + 1).text().equals("or"));
  }

  private static final Set<String> COPULAS = Set.of("is", "was", "are", "were");

  private static final Set<String> ARTICLES = Set.of("a", "an", "the");

  /** Words that end the search for the defining noun: what follows them says something else. */
  private static final Set<String> DEFINITION_STOPS =
      Set.of(
          "of", "by", "in", "on", "at", "for", "from", "with", "that", "which", "who", "whose",
          "where", "when", ",", ".", ";", ":", "(", ")", "and", "or", "but", "to", "as");

  /** The type the words after a name at {@code i} define it as ("is a British film"), or null. */
  private String definedAs(List<Token> toks, int i) {
    int n = toks.size();
    if (i < n && toks.get(i).text().equals("(")) {
      int depth = 0;
      for (; i < n; i++) {
        String t = toks.get(i).text();
        depth += t.equals("(") ? 1 : t.equals(")") ? -1 : 0;
        if (depth == 0) {
          break;
        }
      }
      i++;
    }
    if (i + 2 >= n || !COPULAS.contains(toks.get(i).text())) {
      return null;
    }
    int from;
    boolean plural = false;
    if (ARTICLES.contains(toks.get(i + 1).text())) {
      from = i + 2;
    } else if (i + 4 < n
        && toks.get(i + 1).text().equals("one")
        && toks.get(i + 2).text().equals("of")
        && toks.get(i + 3).text().equals("the")) {
      from = i + 4; // "is one of the main rivers of ..."
      plural = true;
    } else {
      return null;
    }
    for (int k = from; k < n && k <= from + MAX_MODIFIERS; k++) {
      String w = norm(toks.get(k).text());
      if (DEFINITION_STOPS.contains(w)) {
        return null;
      }
      if (!Character.isLowerCase(toks.get(k).text().charAt(0))) {
        continue;
      }
      // the noun is the last of a run of nouns: "record label", "film noir" stops at "film"
      boolean last =
          k + 1 >= n
              || !Character.isLowerCase(toks.get(k + 1).text().charAt(0))
              || DEFINITION_STOPS.contains(norm(toks.get(k + 1).text()));
      // not "music" of "music prize": a defining noun follows, which it only modifies
      String type = definingNouns.get(plural ? singular(w) : w);
      if (type != null && (last || !definingNouns.containsKey(norm(toks.get(k + 1).text())))) {
        return type;
      }
    }
    return null;
  }

  /** The singular of a plural noun, for the lists: "rivers", "cities", "churches". */
  static String singular(String w) {
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes")) {
      return w.substring(0, w.length() - 2);
    }
    return w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
  }

  /** Nouns of places that name one after "of": "the city of Gao", "the island of Sumatra". */
  private static final Set<String> PLACE_OF =
      Set.of(
          "city",
          "town",
          "village",
          "province",
          "state",
          "island",
          "region",
          "county",
          "district",
          "kingdom",
          "port",
          "capital",
          "republic",
          "emirate",
          "sultanate",
          "principality");

  /**
   * Lower-case words of geography before "of" and a place: "a tributary of the Emajogi", "north of
   * Mosul" (eng.train and eng.testa: after north, east, west and their compounds 45 places of 45;
   * "south of" leads to adjectives as often, "south of Lebanese territory", and is left out).
   */
  private static final Set<String> GEO_OF =
      Set.of(
          "tributary",
          "tributaries",
          "mouth",
          "confluence",
          "estuary",
          "headwaters",
          "coast",
          "shores",
          "waters",
          "outskirts",
          "suburbs",
          "north",
          "east",
          "west",
          "northeast",
          "northwest",
          "southeast",
          "southwest");

  /**
   * The type a noun right before a name gives it, in apposition: "their debut album, Unknown
   * Pleasures", "the game show Countdown", "the newspaper Le Monde", "the city of Gao"; or null.
   */
  private String apposedAs(List<Token> toks, int s) {
    int intro = listIntro(toks, s);
    if (intro > 0) {
      // "labels such as 4AD", "cities including Tokaj": a plural noun, then the names it lists
      String noun = toks.get(s - 1 - intro).text();
      String w = norm(noun);
      return Character.isLowerCase(noun.charAt(0)) && !singular(w).equals(w)
          ? apposedNouns.get(singular(w))
          : null;
    }
    int k = s - 1;
    if (k >= 0 && toks.get(k).text().equals("\"")) {
      k--; // the song " Waterloo "; not after a comma: "the committee, Anatoly Gorokhovsky"
    }
    if (k >= 2
        && toks.get(k).text().equals("the")
        && toks.get(k - 1).text().equals("of")
        && GEO_OF.contains(toks.get(k - 2).text())) {
      return "LOC"; // "a tributary of the Emajogi", "west of the Urals"
    }
    if (k >= 1 && toks.get(k).text().equals("of")) {
      String w = norm(toks.get(k - 1).text());
      if (GEO_OF.contains(toks.get(k - 1).text())) {
        return "LOC"; // "the outskirts of Tartu", "40 km north of Mosul"
      }
      return (PLACE_OF.contains(w) || PLACE_OF.contains(singular(w)))
              && Character.isLowerCase(toks.get(k - 1).text().charAt(0))
          ? "LOC"
          : null;
    }
    if (k < 1 || !Character.isLowerCase(toks.get(k).text().charAt(0))) {
      return null;
    }
    String w = norm(toks.get(k).text());
    if (w.equals("carrier")) { // "the aircraft carrier Enterprise"; "national carrier EgyptAir"
      return k >= 1 && norm(toks.get(k - 1).text()).equals("aircraft") ? "MISC" : "ORG";
    }
    String type = apposedNouns.get(w);
    return type != null ? type : apposedNouns.get(singular(w)); // "the directors Ann Roe and ..."
  }

  /**
   * "Luxembourg-based Court of Justice": a name hyphenated into an adjective before another name is
   * a name of its own ({@link #clean} then cuts the tail: the place "Luxembourg").
   */
  private List<NameSpan> adjectiveSplit(List<Token> toks, NameSpan sp) {
    if (sp.end() - sp.start() < 2) {
      return List.of(sp);
    }
    String first = toks.get(sp.start()).text();
    int dash = adjectiveTail(first);
    if (dash < 0) {
      return List.of(sp);
    }
    String type = isPlace(norm(first.substring(0, dash))) ? "LOC" : sp.type();
    return List.of(
        new NameSpan(type, sp.start(), sp.start() + 1),
        new NameSpan(sp.type(), sp.start() + 1, sp.end()));
  }

  /**
   * A lower-case occupation or role inside a span parts what comes before it from the person after
   * it: "Taoist physician Ge Hong" is "Taoist" and the person "Ge Hong", as "the Taoist physician
   * Ge Hong" reads. Names hold lower-case function words ("Bank of England"), not occupations; a
   * span that runs over one joined two names.
   */
  private List<NameSpan> innerOccupation(List<Token> toks, NameSpan sp) {
    int s = sp.start();
    int e = sp.end();
    for (int k = s + 1; k < e - 1; k++) {
      String t = toks.get(k).text();
      if (!Character.isLowerCase(t.charAt(0))) {
        continue;
      }
      String w = norm(t);
      if (!(isRole(w) || "PER".equals(definingNouns.get(w))) || !capitalised(toks, k + 1, e)) {
        return List.of(sp);
      }
      NameSpan person = new NameSpan("PER", k + 1, e);
      if (!capitalised(toks, s, k)) {
        return List.of(person);
      }
      String before = nationality(toks.get(s)) && k - s == 1 ? "MISC" : sp.type();
      return List.of(new NameSpan(before, s, k), person);
    }
    return List.of(sp);
  }

  /**
   * Where in {@code text} the hyphen before an adjective's tail is ("California-based",
   * "Iran-backed"), or -1.
   */
  private int adjectiveTail(String text) {
    int dash = text.lastIndexOf('-');
    return dash > 1 && has("HYPHEN_TAIL", norm(text.substring(dash + 1))) ? dash : -1;
  }

  /**
   * A known place listed with a place is a place: "around Paris and Lyon", not the club "Lyon" that
   * sports pages teach the recognizer. Only names joined by "and" or "or" (a comma also sets off an
   * apposition: "the Oval, Surrey captain ..."), and only a place typed as an organisation.
   */
  private List<NameSpan> listedPlaces(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = new ArrayList<>(spans);
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i + 1 < out.size(); i++) {
        NameSpan a = out.get(i);
        NameSpan b = out.get(i + 1);
        if (b.start() - a.end() != 1 || !LIST_JOINS.contains(norm(toks.get(a.end()).text()))) {
          continue;
        }
        if (a.type().equals("LOC") && placeTypedAsOrg(toks, b)) {
          out.set(i + 1, new NameSpan("LOC", b.start(), b.end()));
        } else if (b.type().equals("LOC") && placeTypedAsOrg(toks, a)) {
          out.set(i, new NameSpan("LOC", a.start(), a.end()));
        }
      }
    }
    return out;
  }

  /**
   * A place named with the country or region it lies in is a place: "Uusikaupunki, Finland",
   * "Bexleyheath, Kent," (CoNLL: before a comma and a country, 153 of 163 names are places; the
   * others are followed by "'s" or a noun, "Gazprom, Russia's ..." and "Ana Roth, U.S. embassy",
   * and a person is never retyped: "Ana Roth, U.S., 19.32" is a result line). The name before is
   * retyped from an organisation or MISC when the second is a country; the second, when the first
   * is a place and it a known place typed as an organisation.
   */
  private List<NameSpan> placeWithCountry(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int i = 0; i + 1 < spans.size(); i++) {
      List<NameSpan> cur = out == null ? spans : out;
      NameSpan a = cur.get(i);
      NameSpan b = cur.get(i + 1);
      if (b.start() - a.end() != 1
          || !toks.get(a.end()).text().equals(",")
          || !closesPlace(toks, b.end())
          || i + 2 < cur.size() && cur.get(i + 2).start() == b.end() + 1) {
        continue; // "played for Fulham, Monaco, PAOK": a list, not a place and its country
      }
      String first = norm(text(toks, a.start(), a.end()));
      if ((a.type().equals("ORG") || a.type().equals("MISC"))
          && b.type().equals("LOC")
          && isCountry(norm(text(toks, b.start(), b.end())))
          && !isKnownOrg(first)
          && !holdsOrgWord(toks, a)
          && !nationality(toks.get(a.start()))
          && capitalisedWord(toks.get(a.start()))) {
        out = new ArrayList<>(cur);
        out.set(i, new NameSpan("LOC", a.start(), a.end()));
      } else if (a.type().equals("LOC") && placeTypedAsOrg(toks, b)) {
        out = new ArrayList<>(cur);
        out.set(i + 1, new NameSpan("LOC", b.start(), b.end()));
      }
    }
    return out == null ? spans : out;
  }

  /** Whether a word of the span is an organisation's ("Max Planck Institute ... in Munich"). */
  private boolean holdsOrgWord(List<Token> toks, NameSpan sp) {
    for (int i = sp.start(); i < sp.end(); i++) {
      if (has("ORG_SUFFIX", norm(toks.get(i).text()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the sentence ends or a new clause starts at {@code i}: ",", ".", ";", ")", a date. */
  private static boolean closesPlace(List<Token> toks, int i) {
    if (i >= toks.size()) {
      return true;
    }
    String t = toks.get(i).text();
    return t.equals(",")
        || t.equals(".")
        || t.equals(";")
        || t.equals(")")
        || t.equals(":")
        || Character.isDigit(t.charAt(0)) && t.contains("-"); // a dateline's date
  }

  /**
   * A span that reads "first name, family name, of, place" (a first name that is no place, a family
   * name that is no institution's word) is a person and where they are from or play: "Stanley
   * Matthews of Blackpool", "Goran Ivanisevic of Croatia" (CoNLL: such words are one name 3 times
   * in eng.train, all boards and firms named for a place, "Marion County Board of Education", and
   * two names 63 times, the second a place 59 times). The part after "of" is a place if the lists
   * know it as one, an organisation if they know it as one, else keeps the span's type.
   */
  private static final List<String> SURNAMES = List.of("SURNAME", "SURNAME_RARE");

  private static final Set<String> INSTITUTION_HEADS =
      Set.of(
          "museum",
          "academy",
          "gallery",
          "library",
          "archive",
          "archives",
          "theatre",
          "theater",
          "opera",
          "orchestra",
          "school",
          "hospital",
          "cathedral",
          "abbey",
          "palace",
          "house");

  private List<NameSpan> personOfPlace(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int k = 0; k < spans.size(); k++) {
      NameSpan sp = spans.get(k);
      int s = sp.start();
      int o = s + 2;
      while (o < sp.end() && capitalisedWord(toks.get(o))) {
        o++;
      }
      if (sp.type().equals("PER")
          || o != s + 2
          || o + 1 >= sp.end()
          || !toks.get(o).text().equals("of")
          || !firstNames.contains(norm(toks.get(s).text()))
          || !listed(toks, s + 1, s + 2, SURNAMES)
          || INSTITUTION_HEADS.contains(norm(toks.get(s + 1).text()))
          || isRole(norm(toks.get(s).text()))
          || !capitalisedWord(toks.get(s + 1))
          || orgOrPlaceEnding(toks, s, o)
          || !capitalisedWord(toks.get(o + 1))) {
        continue;
      }
      String rest = norm(text(toks, o + 1, sp.end()));
      String type = isPlace(rest) ? "LOC" : isKnownOrg(rest) ? "ORG" : sp.type();
      if (out == null) {
        out = new ArrayList<>(spans);
      }
      int at = out.indexOf(sp);
      out.set(at, new NameSpan("PER", s, o));
      out.add(at + 1, new NameSpan(type, o + 1, sp.end()));
    }
    return out == null ? spans : out;
  }

  private static final Set<String> LIST_JOINS = Set.of("and", "or");

  private boolean placeTypedAsOrg(List<Token> toks, NameSpan sp) {
    String t = text(toks, sp.start(), sp.end());
    return sp.type().equals("ORG") && isPlace(t) && !isKnownOrg(t);
  }

  /**
   * A US legislator's party and state in parentheses after the name ("Sen. Ted Cruz (R-Texas)",
   * "(D-N.Y.)", "(I-Vt.)") is a label, not a name of its own.
   */
  static boolean inPartyLabel(List<Token> toks, NameSpan sp) {
    int open = sp.start() - 1;
    while (open >= 0 && sp.start() - open <= 3 && !toks.get(open).text().equals("(")) {
      open--;
    }
    if (open < 0 || !toks.get(open).text().equals("(") || open + 1 >= toks.size()) {
      return false;
    }
    String first = toks.get(open + 1).text();
    if (first.length() < 3
        || "DRI".indexOf(first.charAt(0)) < 0
        || first.charAt(1) != '-'
        || !Character.isUpperCase(first.charAt(2))) {
      return false;
    }
    for (int k = open + 2; k < toks.size() && k <= open + 6; k++) {
      if (toks.get(k).text().equals(")")) {
        return sp.end() <= k;
      }
    }
    return false;
  }

  /**
   * A span that a scraper's residue cut in two takes back the first word of the name, glued to the
   * file extension before it ("…a85f.jpgNorthwind International" is "Northwind International" once
   * {@link #clean} cuts the extension off), instead of leaving a generic word alone as a name.
   */
  static NameSpan withGluedStart(List<Token> toks, NameSpan sp) {
    int p = sp.start() - 1;
    if (p < 0) {
      return sp;
    }
    return GLUED_RESIDUE_TAIL.matcher(toks.get(p).text()).find()
        ? new NameSpan(sp.type(), p, sp.end())
        : sp;
  }

  /**
   * A time expression written as one hyphenated word is no name: "mid-January", "early-March",
   * "late-Summer" (a lower-case prefix before a month, a weekday or a season).
   */
  static boolean timeExpression(List<Token> toks, NameSpan sp) {
    if (sp.end() - sp.start() != 1) {
      return false;
    }
    String t = toks.get(sp.start()).text();
    int hyphen = t.lastIndexOf('-');
    if (hyphen < 1 || hyphen == t.length() - 1 || !Character.isLowerCase(t.charAt(0))) {
      return false;
    }
    String w = t.substring(hyphen + 1).toLowerCase(Locale.ROOT);
    return NumericEntityRules.isCalendarWord(w) || SEASONS.contains(w);
  }

  /** Last words of plural names that are events or awards, not bands: "The Hunger Games". */
  private static final Set<String> PLURAL_EVENTS =
      Set.of("games", "awards", "olympics", "championships", "finals", "series", "wars");

  /**
   * Whether a name inside a sentence is a capital "The" and capitalised words ending in a plural,
   * as bands and papers are named ("The Smiths", "The Rolling Stones", "The Times"): not a place
   * ("The Netherlands", "The Bahamas"), a people ("The Serbs") or an event ("The Hunger Games").
   */
  private boolean theAndPlural(List<Token> toks, int s, int e) {
    if (!toks.get(s).text().equals("The")) {
      s--; // the capital "The" joins the name later ({@link #withCapitalThe})
    }
    if (s <= 0 || e - s < 2 || e - s > 4 || !toks.get(s).text().equals("The")) {
      return false;
    }
    for (int i = s + 1; i < e; i++) {
      if (!capitalisedWord(toks.get(i))) {
        return false;
      }
    }
    String last = norm(toks.get(e - 1).text());
    String rest = text(toks, s + 1, e);
    return last.length() > 3
        && last.endsWith("s")
        && !last.endsWith("ss")
        && !last.endsWith("us")
        && !last.endsWith("is")
        && !PLURAL_EVENTS.contains(last)
        && !isPlace(rest)
        && !isPlace(text(toks, s, e))
        && !isCountry(rest)
        && !isCountry(text(toks, s, e))
        && !has("RANGE", rest)
        && !nationality(toks.get(e - 1))
        && !listed(toks, s + 1, e, GEO_AND_CLUBS);
  }

  /** Verbs before "by" whose agent is an organisation: "published by", "operated by". */
  private static final Set<String> MADE_BY_VERBS =
      Set.of("published", "manufactured", "operated", "distributed", "marketed", "calculated");

  /**
   * Lower-case nouns after a name that make it the name of a thing or a line, not of its maker:
   * "the Huygens probe", "the Piast dynasty" (eng.train holds none).
   */
  private static final Set<String> THING_NOUNS = Set.of("probe", "probes", "dynasty", "derby");

  /**
   * Whether the name at {@code s} follows "published by", "operated by" ... and is not a person by
   * a listed first name ("published by Andrew Wakefield").
   */
  private boolean madeBy(List<Token> toks, int s) {
    return s >= 2
        && toks.get(s - 1).text().equals("by")
        && MADE_BY_VERBS.contains(toks.get(s - 2).text())
        && !firstNames.contains(norm(toks.get(s).text()));
  }

  /** Whether a name is a known place, a country or a people ("developed by France"). */
  private boolean placeOrPeople(List<Token> toks, int s, String all) {
    return isPlace(all) || isCountry(all) || nationality(toks.get(s));
  }

  /** Last words of the names of wars and uprisings: "Gulf War", "Cultural Revolution". */
  private static final Set<String> CONFLICT_ENDS =
      Set.of("war", "revolution", "uprising", "uprisings", "rebellion", "revolt", "insurrection");

  /** Nouns after a name that make it a people's: "the Uros people", "a Xhosa tribe". */
  private static final Set<String> PEOPLE_NOUNS =
      Set.of("people", "peoples", "tribe", "tribes", "tribesmen");

  /**
   * First words of foreign places and titles that are given names too: "Isla", "Santa", "Rio", and
   * articles ("La leggenda del Grande Tempio", a film).
   */
  private static final Set<String> FOREIGN_OPENERS =
      Set.of(
          "isla", "rio", "san", "santa", "santo", "sao", "porto", "puerto", "villa", "monte",
          "costa", "cabo", "lago", "sierra", "cerro", "bahia", "ciudad", "vila", "la", "le", "el",
          "il", "lo", "los", "las", "les", "der", "die", "das");

  /**
   * Whether a name of three words or more is a person's with a lower-case particle inside: a listed
   * first name, then "de", "van der", "bin" ... and a capitalised last word ("José de San Martín",
   * "Osama bin Laden"). Not a known place, organisation or club ("Vasco da Gama"), nor one that
   * ends as a place or an organisation does.
   */
  private boolean particlePerson(List<Token> toks, int s, int e, String all) {
    if (e - s < 3 || !firstNames.contains(norm(toks.get(s).text()))) {
      return false;
    }
    boolean particle = false;
    for (int i = s + 1; i < e - 1; i++) {
      particle |= PERSON_PARTICLES.contains(toks.get(i).text());
    }
    String last = norm(toks.get(e - 1).text());
    return particle
        && capitalisedWord(toks.get(e - 1))
        && !FOREIGN_OPENERS.contains(norm(toks.get(s).text()))
        && !isPlace(all)
        && !isKnownOrg(all)
        && !listed(toks, s, e, GEO_AND_CLUBS)
        && !has("ORG_SUFFIX", last)
        && !has("GEO_FEATURE", last)
        && !has("VENUE", last);
  }

  /**
   * A name in parentheses right after a name is another name of the same thing, as reference text
   * writes it: "the Kestrel River (Welsh: Afon Cudyll)" or "the Northern Grid Authority (NGA)" give
   * the second name the first one's type.
   */
  static List<NameSpan> glosses(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = new ArrayList<>(spans);
    for (int i = 0; i < out.size(); i++) {
      NameSpan y = out.get(i);
      if (y.end() >= toks.size()
          || !(toks.get(y.end()).text().equals(")") || toks.get(y.end()).text().equals(";"))) {
        continue;
      }
      int open = y.start() - 1;
      boolean labelled = open >= 2 && toks.get(open).text().equals(":");
      if (labelled) {
        open -= 2; // "(Welsh: ...": a language label before the colon
      }
      if (open >= 1 && toks.get(open).text().equals(";")) {
        open = openingOf(toks, open); // "(Hungarian: Tisza; Serbian: Tisa)": one of a chain
      }
      if (open < 1 || !toks.get(open).text().equals("(")) {
        continue;
      }
      for (int j = 0; j < out.size(); j++) {
        NameSpan x = out.get(j);
        // Unlabelled, only an acronym of the name: "Marta Quiroga (Chile)" is a person and a place.
        if (x.end() == open && !x.type().equals(y.type()) && (labelled || acronymOf(toks, y, x))) {
          out.set(i, new NameSpan(x.type(), y.start(), y.end()));
          break;
        }
        // "Social Democrats (SPD)": a name glossed by an organisation's acronym, in whatever
        // language its initials are, is that organisation.
        if (x.end() == open
            && !labelled
            && x.type().equals("MISC")
            && y.type().equals("ORG")
            && acronymShaped(toks, y)) {
          out.set(j, new NameSpan("ORG", x.start(), x.end()));
          break;
        }
      }
    }
    return out;
  }

  /** The "(" that opens the parenthesis holding {@code i}, at most 16 tokens back, or -1. */
  /**
   * A name written in another script, labelled by its language in parentheses after a name, is that
   * name again: "Al Jazeera (Arabic: الجزيرة)", "Kim Yu-na (Korean: 김연아; born ...)". The
   * recognizer, taught on English words, finds no name in them; {@link #glosses} then gives them
   * the type of the name they gloss. Only words with no Latin letter, up to the next ";", "," or
   * ")".
   */
  static List<NameSpan> scriptGlosses(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    int n = toks.size();
    for (int i = 2; i + 2 < n; i++) {
      if (!toks.get(i).text().equals(":") || !capitalisedWord(toks.get(i - 1))) {
        continue;
      }
      int open = i - 2;
      if (open >= 1 && toks.get(open).text().equals(";")) {
        open = openingOf(toks, open);
      }
      if (open < 1 || !toks.get(open).text().equals("(")) {
        continue;
      }
      int e = i + 1;
      while (e < n && e - i <= 6 && otherScript(toks.get(e).text())) {
        e++;
      }
      String close = e < n ? toks.get(e).text() : "";
      if (e == i + 1 || !(close.equals(";") || close.equals(",") || close.equals(")"))) {
        continue;
      }
      List<NameSpan> cur = out == null ? spans : out;
      String type = null;
      for (NameSpan x : cur) {
        if (x.end() == open && EntityResolver.NAME_TYPES.contains(x.type())) {
          type = x.type();
        }
      }
      if (type != null && onlyInside(cur, i + 1, e)) {
        out = withSpan(cur, new NameSpan(type, i + 1, e));
      }
    }
    return out == null ? spans : out;
  }

  /** Whether a word has letters and none of them Latin: "الجزيرة", "김연아", "Σοφία". */
  private static boolean otherScript(String w) {
    boolean letter = false;
    for (int k = 0; k < w.length(); ) {
      int c = w.codePointAt(k);
      k += Character.charCount(c);
      if (Character.isLetter(c)) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          return false;
        }
        letter = true;
      }
    }
    return letter;
  }

  private static int openingOf(List<Token> toks, int i) {
    for (int k = i - 1; k >= 0 && i - k <= 16; k--) {
      String t = toks.get(k).text();
      if (t.equals("(")) {
        return k;
      }
      if (t.equals(")")) {
        return -1;
      }
    }
    return -1;
  }

  private static final Pattern YEAR = Pattern.compile("1[0-9]{3}|20[0-9]{2}");

  /** Lower-case words a title holds: "Lord of the Flies", "Waiting for Godot". */
  private static final Set<String> TITLE_WORDS =
      Set.of("of", "the", "a", "an", "for", "to", "in", "on", "and", "with", "from", "at");

  /**
   * A name with a year alone in parentheses after it is a work, as reference prose dates films,
   * books and albums: "Kagemusha (1980)", "Princess Mononoke (1997)" (the recognizer's "Mononoke"
   * takes back the capitalised words before it, and the lower-case words a title holds between
   * them). Not a person's name that starts with a first name, nor two names or more after a
   * possessive ("Britain's Allan Wells (1980)": news dates a champion's title that way), unless the
   * name follows "in" ("her performance in Michael Clayton (2007)").
   */
  private List<NameSpan> datedWorks(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int k = 0; k < spans.size(); k++) {
      NameSpan sp = spans.get(k);
      int e = sp.end();
      if (e + 2 >= toks.size()
          || !toks.get(e).text().equals("(")
          || !YEAR.matcher(toks.get(e + 1).text()).matches()
          || !toks.get(e + 2).text().equals(")")
          || !EntityResolver.NAME_TYPES.contains(sp.type())
          || sp.type().equals("MISC") && !capitalisedWord(toks.get(sp.start()))) {
        continue;
      }
      int floor = k > 0 ? spans.get(k - 1).end() : 0;
      int s = sp.start();
      int p = s;
      while (p - 1 >= floor) {
        int q = p - 1;
        while (q > floor && p - q <= 3 && TITLE_WORDS.contains(toks.get(q).text())) {
          q--; // "Lord of the Flies": the lower-case words between capitalised ones
        }
        Token t = toks.get(q);
        if (!capitalisedWord(t) || t.text().equals("I")) {
          break;
        }
        p = q;
        s = q;
      }
      // "her performance in Michael Clayton (2007)": a person is not "in" a year of their own
      boolean inWork = s > 0 && toks.get(s - 1).text().equals("in");
      if (sp.type().equals("PER")
          && !inWork
          && (firstNames.contains(norm(toks.get(sp.start()).text()))
              || s == sp.start() && sp.end() - sp.start() >= 2)) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(spans);
      }
      out.set(k, new NameSpan("MISC", s, e));
    }
    return out == null ? spans : out;
  }

  /**
   * Whether {@code gloss} is an acronym in parentheses right after {@code name}, of the same type:
   * "Kurdistan Workers' Party (PKK)", "Social Democrats (SPD)" name one organisation twice.
   */
  static boolean glossOf(List<Token> toks, NameSpan gloss, NameSpan name) {
    return name.end() + 1 == gloss.start()
        && gloss.end() < toks.size()
        && toks.get(name.end()).text().equals("(")
        && toks.get(gloss.end()).text().equals(")")
        && name.type().equals(gloss.type())
        && name.end() - name.start() >= 2
        && acronymShaped(toks, gloss);
  }

  /** One token of two to six letters, at least two of them capitals: "SPD", "AfD", "CDU". */
  private static boolean acronymShaped(List<Token> toks, NameSpan sp) {
    if (sp.end() - sp.start() != 1) {
      return false;
    }
    String t = toks.get(sp.start()).text();
    if (t.length() < 2 || t.length() > 6 || !t.chars().allMatch(Character::isLetter)) {
      return false;
    }
    return t.chars().filter(Character::isUpperCase).count() >= 2;
  }

  /**
   * The acronym a name introduces in parentheses right after it, when the recognizer left it out:
   * "Corporacion Venezolana de Guayana ( CVG )", "Bank of Japan ( BOJ )"; its letters are the
   * capitals of the name's words, or the first letters of all its words but articles (eng.train and
   * eng.testa: 80 such acronyms, each of its name's type). Null when there is none.
   */
  private static String introducedAcronym(List<Token> toks, NameSpan sp, List<NameSpan> spans) {
    int s = sp.start();
    int e = sp.end();
    if (e - s < 2
        || e + 2 >= toks.size()
        || !toks.get(e).text().equals("(")
        || !toks.get(e + 2).text().equals(")")
        || covered(spans, e + 1)) {
      return null;
    }
    String a = toks.get(e + 1).text().replace(".", "");
    if (a.length() < 2
        || a.length() > 6
        || !a.chars().allMatch(Character::isLetter)
        || !a.equals(a.toUpperCase(Locale.ROOT))) {
      return null;
    }
    return a.equals(initials(toks, s, e)) || a.equals(wordInitials(toks, s, e))
        ? norm(toks.get(e + 1).text())
        : null;
  }

  /** The first letters of a name's words but articles and "and": "BOJ" for "Bank of Japan". */
  private static String wordInitials(List<Token> toks, int s, int e) {
    StringBuilder b = new StringBuilder();
    for (int i = s; i < e; i++) {
      String w = toks.get(i).text();
      if (Character.isLetter(w.charAt(0)) && !ARTICLES.contains(norm(w)) && !w.equals("and")) {
        b.append(Character.toUpperCase(w.charAt(0)));
      }
    }
    return b.toString();
  }

  private static boolean allCapitals(String w) {
    return w.length() >= 2 && w.chars().allMatch(c -> Character.isUpperCase(c) || c == '.');
  }

  /** "NGA" for "Northern Grid Authority": the capitals of the name's capitalised words. */
  private static boolean acronymOf(List<Token> toks, NameSpan acronym, NameSpan name) {
    if (acronym.end() - acronym.start() != 1) {
      return false;
    }
    String a = toks.get(acronym.start()).text().replace(".", "");
    return a.length() >= 2 && a.equals(initials(toks, name.start(), name.end()));
  }

  /**
   * Roles and titles come off the front of a name ("Defense Secretary Lloyd Austin" is the person
   * "Lloyd Austin"); a span of role words alone ("US Secretary", "Press Secretary") is dropped; a
   * place glued before a person after "Ambassador to" becomes a place and a person.
   */
  List<NameSpan> rewrite(List<Token> toks, NameSpan sp) {
    int s = sp.start();
    int e = sp.end();
    if (isKnownOrg(text(toks, s, e))) {
      return List.of(sp);
    }
    List<NameSpan> parts = coordinated(toks, sp);
    if (parts != null) {
      List<NameSpan> out = new ArrayList<>();
      parts.forEach(p -> out.addAll(rewrite(toks, p)));
      return out;
    }
    // Office words before a role that follows the span are the role's ("Pentagon Press Secretary"
    // leaves "Pentagon"; "Iraqi Foreign Minister" leaves "Iraqi"); nothing left, no entity.
    if (e < toks.size() && isRole(norm(toks.get(e).text()))) {
      int k = e;
      while (k > s && has("QUALIFIER", norm(toks.get(k - 1).text())) && !known(toks, s, k)) {
        k--;
      }
      if (k == s) {
        return List.of();
      }
      if (k < e) {
        sp = new NameSpan(sp.type(), s, k);
        e = k;
      }
    }
    boolean roleInSpan = false;
    int j = s;
    while (j < e) {
      String w = norm(toks.get(j).text());
      if (isRole(w)) {
        roleInSpan = true;
      } else if (!(has("QUALIFIER", w)
          || !roleInSpan && (isPlace(w) || nationality(toks.get(j))))) {
        break;
      }
      j++;
    }
    if (!roleInSpan) {
      // Without a role in the span only office words go ("Defense" after "Secretary of").
      j = s;
      while (j < e && office(norm(toks.get(j).text()))) {
        j++;
      }
    }
    boolean roleBefore = roleBefore(toks, s);
    String last = norm(toks.get(e - 1).text());
    String first = norm(toks.get(s).text());
    boolean surnameLikeRole = // "John Major", "Billie Jean King": a person whose surname is a role
        sp.type().equals("PER")
            && e - s >= 2
            && firstNames.contains(first)
            && !isRole(first)
            && !has("QUALIFIER", first);
    if (isRole(last) && !surnameLikeRole && (e - s == 1 || !hasFirstName(toks, s, e))) {
      return List.of(); // "Says Iraqi Foreign Minister", "Pentagon Press Secretary"
    }
    if (j > s && (roleInSpan || roleBefore)) {
      if (j == e) {
        return List.of();
      }
      if (roleInSpan
          && toks.get(j - 1).text().equals("of")
          && capitalised(toks, j, e)
          && !COMPASS_POINTS.contains(text(toks, j, e))
          && !(e - j >= 2 && firstNames.contains(norm(toks.get(j).text())))) {
        return List.of(new NameSpan("LOC", j, e)); // "Maharaja of Mysore", "Emperor of Brazil"
      }
      boolean personLike =
          sp.type().equals("PER")
              || firstNames.contains(norm(toks.get(j).text())) && e - j >= 2
              || roleInSpan
                  && !sp.type().equals("MISC") // "Grand Prix", "Major League Baseball"
                  && e - j <= 4
                  && capitalised(toks, j, e)
                  && !orgOrPlaceEnding(toks, j, e);
      if (personLike) {
        return split(toks, new NameSpan("PER", j, e));
      }
      return List.of(sp);
    }
    return split(toks, sp);
  }

  /**
   * Two known names joined by "and" in one span are two names ("Arab League and Organization of
   * Islamic Cooperation"), unless the whole is one name ("Trinidad and Tobago"); null otherwise.
   */
  private List<NameSpan> coordinated(List<Token> toks, NameSpan sp) {
    int s = sp.start();
    int e = sp.end();
    if (e - s < 3 || known(toks, s, e)) {
      return null;
    }
    for (int k = s + 1; k < e - 1; k++) {
      if (!norm(toks.get(k).text()).equals("and")) {
        continue;
      }
      if (known(toks, s, k) && known(toks, k + 1, e)) {
        return List.of(knownSpan(toks, s, k, sp.type()), knownSpan(toks, k + 1, e, sp.type()));
      }
      // "Bard College and Brown University": two names that each end in an institution's word
      String left = norm(toks.get(k - 1).text());
      String right = norm(toks.get(e - 1).text());
      if (k - s >= 2 && e - k >= 3 && INSTITUTIONS.contains(left) && INSTITUTIONS.contains(right)) {
        return List.of(new NameSpan("ORG", s, k), new NameSpan("ORG", k + 1, e));
      }
    }
    return null;
  }

  private boolean known(List<Token> toks, int s, int e) {
    String t = text(toks, s, e);
    return isKnownOrg(t) || isPlace(t) || EntityAliases.lookup(CanonicalKeys.fold(t)) != null;
  }

  private NameSpan knownSpan(List<Token> toks, int s, int e, String type) {
    String t = text(toks, s, e);
    return new NameSpan(isKnownOrg(t) ? "ORG" : isPlace(t) ? "LOC" : type, s, e);
  }

  /**
   * "Baghdad Alina Romanowski" after "Ambassador to" is a place and a person. Only after a role:
   * elsewhere a place before a first name starts one name ("San Diego Padres", "Mary Joe
   * Fernandez", "New York Cotton Exchange").
   */
  private List<NameSpan> split(List<Token> toks, NameSpan sp) {
    int s = sp.start();
    int e = sp.end();
    if (e - s < 3 || !roleBefore(toks, s)) {
      return List.of(sp);
    }
    for (int k = s + 1; k <= e - 2; k++) {
      if (isPlace(text(toks, s, k))
          && firstNames.contains(norm(toks.get(k).text()))
          && !orgOrPlaceEnding(toks, k, e)) {
        return List.of(new NameSpan("LOC", s, k), new NameSpan("PER", k, e));
      }
    }
    return List.of(sp);
  }

  /** The type general knowledge gives the span, else the recognizer's type. */
  NameSpan retype(List<Token> toks, NameSpan sp) {
    int s = sp.start();
    int e = sp.end();
    String all = text(toks, s, e);
    String last = norm(toks.get(e - 1).text());
    String type = sp.type();
    if (isKnownOrg(all)) {
      type = "ORG";
    } else if (has("RANGE", all)) {
      type = "LOC"; // "the Andes", "the Alps", "the Kalahari": ranges and deserts are places
    } else if (marketIndex(toks, s, e, all)) {
      type = "MISC"; // "the Nikkei", "the Dow Jones industrial average": indices, as in CoNLL
    } else if (!type.equals("ORG") && theAndPlural(toks, s, e)) {
      type = "ORG"; // "records by The Smiths and The Strokes": a band ("The Times": a paper)
    } else if (s > 0 && HONORIFICS.contains(norm(toks.get(s - 1).text()))) {
      // "Rep. Alexandria Ocasio-Cortez", "Dr. Florence Ames": a person, whatever the name says
      type = "PER";
    } else if (e < toks.size() && facilityHead(toks, e)) {
      type = "LOC"; // "Harir base", "Ain al-Asad air base"
    } else if ((type.equals("ORG") || type.equals("PER")) && afterWhereWord(toks, s)) {
      type = "LOC"; // "near Mohacs", "east of Tokaj" (CoNLL: 72 of 77 places, none an ORG)
    } else if (type.equals("MISC")
        && e - s >= 2
        && s > 0
        && SPEECH_VERBS.contains(norm(toks.get(s - 1).text()))
        && e + 1 < toks.size()
        && toks.get(e).text().equals(",")
        && isRole(norm(toks.get(e + 1).text()))
        && !nationality(toks.get(s))) {
      type = "PER"; // "said Park Ju-gun, head of ...": who said it, set off by a role, is a person
    } else if (e - s == 1
        && e < toks.size()
        && has("REGIME", norm(toks.get(e).text()))
        && !isPlace(all)
        && !isKnownOrg(all)
        && !nationality(toks.get(s))) {
      type = "PER"; // "the Biden administration", "a Trump presidency"; not "the Kurdistan ..."
    } else if (s >= 2
        && norm(toks.get(s - 1).text()).equals("at")
        && has("AFFILIATE", norm(toks.get(s - 2).text()))
        && !type.equals("ORG")
        && !isPlace(all)) {
      type = "ORG"; // "an analyst at Bernstein", "economists at Capital Economics"
    } else if (majorPlaces.contains(all)
        && !type.equals("ORG")
        && !firstNames.contains(all)
        && !COMPASS_REGIONS.contains(all)) {
      type = "LOC"; // "Turkiye" is a country before it is anyone's name
    } else if (e - s >= 3
        && EVENT_HEADS.contains(norm(toks.get(s).text()))
        && toks.get(s + 1).text().equals("of")
        && !congressOfBody(toks, s, e)) {
      type = "MISC"; // "Battle of Waterloo", "Treaty of Nerchinsk", "Congress of Vienna"
    } else if (e - s >= 3
        && GEO_HEADS_OF.contains(norm(toks.get(s).text()))
        && toks.get(s + 1).text().equals("of")
        && !has("ORG_SUFFIX", last)) {
      type = "LOC"; // "Strait of Malacca", "Sea of Japan", "Isle of Man"
    } else if (e - s >= 2
        && GEO_HEADS.contains(norm(toks.get(s).text()))
        && !has("ORG_SUFFIX", last)
        && Character.isUpperCase(toks.get(s + 1).text().charAt(0))) {
      type = "LOC"; // "Mount Kazbek", "Lake Maracaibo"; not "Mount Pleasant Bank"
    } else if (e - s >= 2
        && CONFLICT_ENDS.contains(last)
        && !type.equals("MISC")
        && !holdsOrgWord(toks, sp)
        && !firstNamedPerson(toks, s, type)) {
      type = "MISC"; // "Thirty Years' War", "Haitian Revolution" (eng.train: 16 of 16 MISC)
    } else if (e < toks.size()
        && PEOPLE_NOUNS.contains(toks.get(e).text())
        && !type.equals("MISC")
        && !isKnownOrg(all)) {
      type = "MISC"; // "the Uros people", "a Xhosa tribe" (eng.train: 11 of 12 MISC)
    } else if (e - s == 1
        && !type.equals("MISC")
        && e < toks.size()
        && Character.isLowerCase(toks.get(e).text().charAt(0))
        && has("PEOPLE_GROUP", all)) {
      type = "MISC"; // "a Zulu army", "Fon and Yoruba traditions": the people, as a nationality
    } else if (!type.equals("ORG") && madeBy(toks, s) && !placeOrPeople(toks, s, all)) {
      type = "ORG"; // "published by Heinemann", "operated by Russian Railways" (eng.train 5 of 5)
    } else if (!type.equals("MISC")
        && e < toks.size()
        && THING_NOUNS.contains(toks.get(e).text())
        && !placeOrPeople(toks, s, all)
        && !isKnownOrg(all)
        && !has("PRODUCT_MAKER", norm(toks.get(s).text()))) {
      type = "MISC"; // "the Huygens probe", "the Piast dynasty", "the Old Firm derby"
    } else if (!type.equals("PER") && particlePerson(toks, s, e, all)) {
      type = "PER"; // "José de San Martín", "Edwin van der Sar" (eng.train: 40 of 61 names)
    } else if (e - s >= 2 && AWARD_ENDS.contains(last) && !firstNamedPerson(toks, s, type)) {
      type = "MISC"; // "Academy Honorary Award", "Golden Boot Trophy" (CoNLL: every Cup MISC)
    } else if (e - s >= 2 && has("VENUE", last) && !firstNamedPerson(toks, s, type)) {
      type = "LOC"; // "Chase Arena", "Gergeti Trinity Church", "Elland Road"
    } else if (e - s >= 2 && has("DOC_SUFFIX", last) && !type.equals("PER")) {
      type = "MISC"; // "UN Charter", "Paris Agreement": a document, not an organisation
    } else if (e - s >= 3
        && !type.equals("ORG")
        && toks.get(s + 1).text().equals("of")
        && has("ORG_SUFFIX", norm(toks.get(s).text()))) {
      type = "ORG"; // "University of Cape Town", "Bank of Tanzania" (eng.train: 35 of 35)
    } else if (e - s >= 2
        && has("GEO_FEATURE", last)
        && !firstNamedPerson(toks, s, type)
        && !(type.equals("ORG") && CLUB_PLACE_WORDS.contains(last))) {
      // "Golan Heights", "Kurdistan Region"; not "Anthony Hill", nor the clubs "Notts County" and
      // "Manchester City"
      type = "LOC";
    } else if (e - s >= 2
        && has("ORG_SUFFIX", last)
        && !(type.equals("LOC") && isPlace(all))
        && !firstNamedPerson(toks, s, type)) {
      type = "ORG"; // "Arab League", "Coordination Framework Party"
    }
    return type.equals(sp.type()) ? sp : new NameSpan(type, s, e);
  }

  /**
   * The spans with each one replaced by what {@code rule} gives for its index (null: kept as it
   * is); the same list when the rule replaces none.
   */
  private static List<NameSpan> replacing(
      List<NameSpan> spans, java.util.function.IntFunction<NameSpan> rule) {
    List<NameSpan> out = null;
    for (int k = 0; k < spans.size(); k++) {
      NameSpan r = rule.apply(k);
      if (r != null) {
        if (out == null) {
          out = new ArrayList<>(spans);
        }
        out.set(k, r);
      }
    }
    return out == null ? spans : out;
  }

  /**
   * A capital "The" inside a sentence, right before a name, is the name's own: "at The Oval", "sign
   * The Smiths", "published by The Lancet Oncology" (CoNLL has it inside the name 28 times of 28
   * after a lower-case word). Not for people, and not at a sentence's start, where any "The" is a
   * capital.
   */
  static List<NameSpan> withCapitalThe(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int s = sp.start();
          if (s < 2
              || sp.type().equals("PER")
              || !EntityResolver.NAME_TYPES.contains(sp.type())
              || !toks.get(s - 1).text().equals("The")
              || !Character.isLowerCase(toks.get(s - 2).text().charAt(0))
              || k > 0 && spans.get(k - 1).end() > s - 1) {
            return null;
          }
          return new NameSpan(sp.type(), s - 1, sp.end());
        });
  }

  /**
   * A name hyphenated into an adjective is one MISC name, place and tail together: "London-based",
   * "U.S.-led", "Kurdish-controlled", "St. Louis-based" (CoNLL: 69 of 76 such words in eng.train;
   * the seven others are a nationality before "born", "based" or "backed"). The part before the
   * hyphen must read as a name: a known place, nationality or organisation, an acronym, an
   * abbreviation ("Mo.-based") or a name the recognizer found; so "Family-controlled" stays a word.
   * {@link #clean} later keeps the place of it for the pipeline's entities.
   */
  List<NameSpan> hyphenAdjectives(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int i = 0; i < toks.size(); i++) {
      String w = toks.get(i).text();
      int dash = adjectiveTail(w);
      if (dash < 0 || !Character.isUpperCase(w.charAt(0))) {
        continue;
      }
      String before = w.substring(0, dash);
      List<NameSpan> cur = out == null ? spans : out;
      NameSpan at = null;
      NameSpan left = null;
      for (NameSpan sp : cur) {
        if (sp.start() <= i && i < sp.end()) {
          at = sp;
        } else if (sp.end() == i && !sp.type().equals("PER") && capitalisedWord(toks.get(i - 1))) {
          left = sp;
        }
      }
      if (at != null && at.end() != i + 1) {
        continue; // inside a longer name: "Luxembourg-based Court of Justice" is split elsewhere
      }
      int start = at != null ? at.start() : i;
      if (left != null) {
        start = left.start(); // "New" "York-based"
      } else {
        for (int j = i - 1; j >= Math.max(0, i - 2) && capitalisedWord(toks.get(j)); j--) {
          if (isPlace(norm(text(toks, j, i) + " " + before))
              || isKnownOrg(norm(text(toks, j, i) + " " + before))) {
            start = j; // "St. Louis-based", "United Nations-sponsored"
          }
        }
      }
      String name = norm(before);
      boolean nameLike =
          at != null
              || start < i
              || isPlace(name)
              || isKnownOrg(name)
              || demonyms.contains(name)
              || before.endsWith(".")
              || before.length() >= 2 && before.equals(before.toUpperCase(Locale.ROOT));
      if (!nameLike || at != null && at.type().equals("MISC") && at.start() == start) {
        continue;
      }
      List<NameSpan> next = new ArrayList<>();
      boolean added = false;
      for (NameSpan sp : cur) {
        if (sp.end() <= start || sp.start() > i) {
          if (!added && sp.start() > i) {
            next.add(new NameSpan("MISC", start, i + 1));
            added = true;
          }
          next.add(sp);
        }
      }
      if (!added) {
        next.add(new NameSpan("MISC", start, i + 1));
      }
      out = next;
    }
    return out == null ? spans : out;
  }

  /**
   * "Air" before a country or a city is an airline: "Air France", "Air India", "Air New Zealand"
   * (the recognizer finds the place alone).
   */
  List<NameSpan> airlines(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int s = sp.start();
          boolean airFirst = toks.get(s).text().equals("Air") && sp.end() - s >= 2;
          boolean airBefore =
              s >= 1
                  && toks.get(s - 1).text().equals("Air")
                  && (k == 0 || spans.get(k - 1).end() < s);
          int from = airFirst ? s + 1 : s;
          if (!(airFirst || airBefore)
              || sp.type().equals("ORG") && airFirst
              || !isPlace(norm(text(toks, from, sp.end())))) {
            return null;
          }
          return new NameSpan("ORG", airFirst ? s : s - 1, sp.end());
        });
  }

  /**
   * A title in quotes keeps its article: "\" The Crying Game \"", "\" A World of Things \"" (the
   * recognizer leaves a capital "The" out, as it is at a quotation's start).
   */
  static List<NameSpan> withQuotedArticle(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int s = sp.start();
          if (s < 2
              || sp.end() >= toks.size()
              || !toks.get(sp.end()).text().equals("\"")
              || !toks.get(s - 2).text().equals("\"")
              || !TITLE_ARTICLES.contains(toks.get(s - 1).text())
              || k > 0 && spans.get(k - 1).end() > s - 2) {
            return null;
          }
          return new NameSpan(sp.type(), s - 1, sp.end());
        });
  }

  /**
   * Nouns of works that only a title in quotes follows as a name ("the show \" Countdown \"");
   * before a bare name they are verbs or other things ("play Australia"). The nouns of APPOSED_MISC
   * ("film", "album", "song" ...) take a quoted title too.
   */
  private static final Set<String> QUOTED_WORK_NOUNS =
      Set.of(
          "series", "program", "play", "episode", "ballad", "hit", "track", "record", "show",
          "game", "video");

  /** Whether a title in quotes after {@code noun} is a work. */
  private boolean workNoun(String noun) {
    return QUOTED_WORK_NOUNS.contains(noun) || "MISC".equals(apposedNouns.get(noun));
  }

  /**
   * A title in quotes right after the noun of a work is the work (MISC), whether or not the
   * recognizer found a name in it: the singles " Linger " and " Dreams " (CoNLL: 2 of 2 in
   * eng.train). The title is at most ten words, each capitalised but for a title's small words;
   * after a plural noun, every title of the list.
   */
  List<NameSpan> quotedWorks(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    int n = toks.size();
    for (int i = 0; i + 3 < n; i++) {
      String noun = toks.get(i).text();
      if (!Character.isLowerCase(noun.charAt(0)) || !(workNoun(noun) || workNoun(singular(noun)))) {
        continue;
      }
      boolean plural = !workNoun(noun);
      int q = i + 1;
      while (q + 2 < n && toks.get(q).text().equals("\"")) {
        int close = q + 1;
        while (close < n && close - q <= 11 && !toks.get(close).text().equals("\"")) {
          close++;
        }
        if (close >= n
            || !toks.get(close).text().equals("\"")
            || close == q + 1
            || !titleWords(toks, q + 1, close)) {
          break;
        }
        List<NameSpan> cur = out == null ? spans : out;
        if (onlyInside(cur, q + 1, close)) {
          out = withSpan(cur, new NameSpan("MISC", q + 1, close));
        }
        if (!plural) {
          break;
        }
        q = close + 1; // " Linger " and " Dreams "
        if (q < n && (toks.get(q).text().equals(",") || toks.get(q).text().equals("and"))) {
          q++;
        }
        if (q < n && toks.get(q).text().equals("and")) {
          q++;
        }
      }
    }
    return out == null ? spans : out;
  }

  /**
   * Nouns of works a bare title follows, in apposition ("the novel The Bridge on the Drina") or set
   * off by commas ("their second album, Closer, was"). Fewer than APPOSED_MISC: not "treaty" or a
   * ship's noun, which a name of a country or of a person follows in news ("the treaty Israel
   * signed").
   */
  private static final Set<String> TITLED_WORKS =
      Set.of(
          "film",
          "movie",
          "documentary",
          "album",
          "song",
          "single",
          "novel",
          "book",
          "opera",
          "musical",
          "sitcom",
          "series",
          "programme",
          "poem",
          "painting",
          "novella",
          "memoir");

  /** Words a title after a work's noun holds at most, for {@link #titledWorks}. */
  private static final int MAX_TITLE_WORDS = 10;

  /**
   * A title right after the noun of a work is the work (MISC), to its last capitalised word, with
   * the small words a title holds: "the novel The Bridge on the Drina" (the recognizer found "The
   * Bridge" and the place "Drina"), "the NBC series Hannibal" (a person's name to it). Set off by
   * commas, the title must end at a comma or a parenthesis: "his first novel, Things Fall Apart,
   * was", "their second album, No Need to Argue (1994)"; "the movie, Daily Variety said" stays as
   * it is. Not a place of one word, a day or a month, or a single letter ("series B").
   */
  List<NameSpan> titledWorks(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    int n = toks.size();
    for (int i = 0; i + 1 < n; i++) {
      if (!TITLED_WORKS.contains(toks.get(i).text())) {
        continue;
      }
      boolean comma = toks.get(i + 1).text().equals(",");
      int s = comma ? i + 2 : i + 1;
      if (s >= n || !capitalisedWord(toks.get(s)) || toks.get(s).text().length() < 2) {
        continue;
      }
      int e = s + 1;
      for (int k = s + 1; k < n && k - s < MAX_TITLE_WORDS; k++) {
        Token t = toks.get(k);
        if (capitalisedWord(t) || Character.isDigit(t.text().charAt(0)) && k > s) {
          e = k + 1;
        } else if (!TITLE_WORDS.contains(t.text())) {
          break;
        }
      }
      if (comma
          && (e >= n || !(toks.get(e).text().equals(",") || toks.get(e).text().equals("(")))) {
        continue;
      }
      String first = norm(toks.get(s).text());
      if (CALENDAR_WORDS.contains(first) || e - s == 1 && isPlace(first)) {
        continue;
      }
      List<NameSpan> next = asSpan(out == null ? spans : out, new NameSpan("MISC", s, e));
      out = next == null ? out : next;
    }
    return out == null ? spans : out;
  }

  /**
   * The spans with {@code added} in place of those inside it or of the one of its words, retyped;
   * null when a span crosses its bounds.
   */
  private static List<NameSpan> asSpan(List<NameSpan> spans, NameSpan added) {
    if (onlyInside(spans, added.start(), added.end())) {
      return withSpan(spans, added);
    }
    for (int k = 0; k < spans.size(); k++) {
      NameSpan sp = spans.get(k);
      if (sp.start() == added.start() && sp.end() == added.end()) {
        List<NameSpan> same = new ArrayList<>(spans);
        same.set(k, added);
        return same;
      }
    }
    return null;
  }

  /** First words of the names of multi-sport games: "Olympics", "Olympic Games", "Games". */
  private static final Set<String> GAMES =
      Set.of("Olympics", "Olympic", "Games", "Paralympics", "Paralympic", "Universiade");

  /** Words before a name of games that are part of it: "Winter Olympics", "Youth Olympic Games". */
  private static final Set<String> GAMES_KINDS = Set.of("Summer", "Winter", "Youth");

  /**
   * The season of the games is part of their name: "the 2014 Winter Olympics" (the recognizer,
   * which never met "Winter Olympics" in CoNLL's news, leaves the season out as a time word).
   */
  static List<NameSpan> withGamesKind(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int s = sp.start();
          return sp.type().equals("MISC")
                  && s > 0
                  && GAMES.contains(toks.get(s).text())
                  && GAMES_KINDS.contains(toks.get(s - 1).text())
                  && (k == 0 || spans.get(k - 1).end() < s)
              ? new NameSpan("MISC", s - 1, sp.end())
              : null;
        });
  }

  /** Prefixes of a ship's name: "HMS Hood", "USS Enterprise", "RMS Titanic", "SMS Emden". */
  private static final Set<String> SHIP_PREFIXES =
      Set.of("HMS", "USS", "HMAS", "HMCS", "HMNZS", "RMS", "USNS", "SMS", "HNLMS", "HMY");

  /**
   * A ship's prefix and the capitalised words after it are the ship (MISC, as CoNLL types vessels):
   * "HMS Hood", which the recognizer takes for a person. {@link #productMentions} then types its
   * name alone ("Hood was sunk") the same.
   */
  static List<NameSpan> ships(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    int n = toks.size();
    for (int i = 0; i + 1 < n; i++) {
      if (!SHIP_PREFIXES.contains(toks.get(i).text()) || !capitalisedWord(toks.get(i + 1))) {
        continue;
      }
      int e = i + 1;
      while (e < n && e - i <= 3 && capitalisedWord(toks.get(e))) {
        e++;
      }
      List<NameSpan> next = asSpan(out == null ? spans : out, new NameSpan("MISC", i, e));
      out = next == null ? out : next;
    }
    return out == null ? spans : out;
  }

  /** Whether the words are a title: the first capitalised, the others too or small words. */
  private static boolean titleWords(List<Token> toks, int s, int e) {
    if (!capitalisedWord(toks.get(s))) {
      return false;
    }
    for (int i = s; i < e; i++) {
      String t = toks.get(i).text();
      if (!capitalisedWord(toks.get(i))
          && !TITLE_WORDS.contains(t)
          && !Character.isDigit(t.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  /** The spans with {@code added} in place of the spans inside it, in order. */
  private static List<NameSpan> withSpan(List<NameSpan> spans, NameSpan added) {
    List<NameSpan> next = new ArrayList<>(spans.size() + 1);
    boolean in = false;
    for (NameSpan sp : spans) {
      if (sp.start() >= added.start() && sp.end() <= added.end()) {
        continue;
      }
      if (!in && sp.start() >= added.end()) {
        next.add(added);
        in = true;
      }
      next.add(sp);
    }
    if (!in) {
      next.add(added);
    }
    return next;
  }

  private static final Set<String> ROAD_HEADS =
      Set.of("Interstate", "Interstates", "Highway", "Route", "Motorway", "Autobahn");

  private static final Pattern ROAD_NUMBER = Pattern.compile("[0-9]{1,3}[A-Z]?");

  /** A numbered road is a place, number and all: "Interstate 95", "Highway 61", "Route 66". */
  static List<NameSpan> numberedRoads(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int i = 0; i + 1 < toks.size(); i++) {
      if (!ROAD_HEADS.contains(toks.get(i).text())
          || !ROAD_NUMBER.matcher(toks.get(i + 1).text()).matches()) {
        continue;
      }
      int at = i;
      List<NameSpan> next = new ArrayList<>();
      for (NameSpan sp : out == null ? spans : out) {
        if (sp.end() <= at || sp.start() > at + 1) {
          next.add(sp);
        } else if (sp.start() < at) {
          next.add(new NameSpan(sp.type(), sp.start(), at)); // "Rochester Interstate 5": the city
        }
      }
      int pos = 0;
      while (pos < next.size() && next.get(pos).start() < at) {
        pos++;
      }
      next.add(pos, new NameSpan("LOC", at, at + 2));
      out = next;
    }
    return out == null ? spans : out;
  }

  /**
   * A club's name with the letter of its town in parentheses, as league tables tell apart clubs of
   * one name ("Buducnost ( V )", "Mladost ( BJ )"), is the club's name whole: CoNLL has the
   * parentheses inside the name 8 times of 8 in eng.train. Not an abbreviation of the name ("Party
   * ( PP )", the initials of its words), and only after an organisation (after a person, "( R )" is
   * a party label).
   */
  static List<NameSpan> withRegionLetter(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int k = 0; k < spans.size(); k++) {
      NameSpan sp = spans.get(k);
      int e = sp.end();
      if (!sp.type().equals("ORG")
          || e + 2 >= toks.size()
          || !toks.get(e).text().equals("(")
          || !toks.get(e + 2).text().equals(")")
          || !REGION_LETTERS.matcher(toks.get(e + 1).text()).matches()
          || toks.get(e + 1).text().equals(initials(toks, sp.start(), e))) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(spans);
      }
      int at = out.indexOf(sp);
      out.set(at, new NameSpan("ORG", sp.start(), e + 3));
      if (at + 1 < out.size() && out.get(at + 1).start() < e + 3) {
        out.remove(at + 1); // the letter taken for a name of its own
      }
    }
    return out == null ? spans : out;
  }

  private static final Pattern REGION_LETTERS = Pattern.compile("[A-Z]{1,2}");

  /**
   * The first letters of the capitalised words from {@code s} to {@code e}: "PP" of "People 's
   * Party".
   */
  private static String initials(List<Token> toks, int s, int e) {
    StringBuilder b = new StringBuilder();
    for (int i = s; i < e; i++) {
      char c = toks.get(i).text().charAt(0);
      if (Character.isUpperCase(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static final Set<String> TITLE_ARTICLES = Set.of("The", "A", "An");

  private static final Set<String> CAPITAL_PARTICLES =
      Set.of("Van", "Von", "De", "Da", "Di", "Du", "La", "Le", "Ter", "Ten", "Dos", "Del");
  private static final Set<String> PARTICLES =
      Set.of(
          "der", "den", "de", "la", "van", "von", "da", "di", "du", "le", "ter", "dos", "del",
          "los", "las");

  /** Lower-case words inside a person's name: the family name's particles, and "bin", "ibn". */
  private static final Set<String> PERSON_PARTICLES = union(PARTICLES, Set.of("bin", "ibn"));

  /**
   * A family name's particles belong to it: "Van der Westhuizen", "De la Cruz" (the recognizer
   * reads the capital "Van" alone as a place or leaves it out).
   */
  static List<NameSpan> withNameParticles(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int k = 0; k < (out == null ? spans : out).size(); k++) {
      List<NameSpan> cur = out == null ? spans : out;
      NameSpan sp = cur.get(k);
      int s = sp.start();
      if (s < 2
          || !sp.type().equals("PER")
          || !PARTICLES.contains(toks.get(s - 1).text())
          || !CAPITAL_PARTICLES.contains(toks.get(s - 2).text())) {
        continue;
      }
      NameSpan prev = k > 0 ? cur.get(k - 1) : null;
      boolean loneVan = prev != null && prev.start() == s - 2 && prev.end() == s - 1;
      if (prev != null && prev.end() > s - 2 && !loneVan) {
        continue; // the particle is another name's
      }
      out = new ArrayList<>(cur);
      if (loneVan) {
        out.remove(k - 1); // "Van" alone, read as a place
        k--;
      }
      out.set(k, new NameSpan("PER", s - 2, sp.end()));
    }
    return out == null ? spans : out;
  }

  /**
   * Lower-case particles between a person's given names and the family name join them: "Friedrich
   * Georg Wilhelm von Struve", "Loyola de Palacio", "Joost van der Westhuizen" (CoNLL: one person
   * 42 times of 42 in eng.train). The family name after the particles may be a span the recognizer
   * gave as a person, or none; any other span there is left as it is.
   */
  static List<NameSpan> withInnerParticles(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int k = 0; k < (out == null ? spans : out).size(); k++) {
      List<NameSpan> cur = out == null ? spans : out;
      NameSpan sp = cur.get(k);
      int e = sp.end();
      if (!sp.type().equals("PER")) {
        continue;
      }
      int j = e;
      while (j < toks.size() && PARTICLES.contains(toks.get(j).text())) {
        j++;
      }
      if (j == e || j >= toks.size() || !capitalisedWord(toks.get(j))) {
        continue;
      }
      NameSpan next = k + 1 < cur.size() ? cur.get(k + 1) : null;
      int end;
      if (next != null && next.start() == j) {
        if (!next.type().equals("PER")) {
          continue;
        }
        end = next.end();
      } else if (next != null && next.start() < j) {
        continue;
      } else {
        end = j + 1;
        while (end < toks.size()
            && capitalisedWord(toks.get(end))
            && (next == null || end < next.start())) {
          end++;
        }
      }
      out = new ArrayList<>(cur);
      out.set(k, new NameSpan("PER", sp.start(), end));
      if (next != null && next.start() == j) {
        out.remove(k + 1);
      }
    }
    return out == null ? spans : out;
  }

  /**
   * A place followed by a plural noun is a team or a firm of that place, not the place: "Delhi
   * Daredevils", "Seattle Mariners", "Sudan Airways" (CoNLL: 93 organisations of 103 such names in
   * eng.train; the rest events, nationalities and features: "Atlanta Games", "South Africans",
   * "Florida Straits", which keep their type).
   */
  List<NameSpan> placeTeams(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int e = sp.end();
          if (!sp.type().equals("LOC") || e - sp.start() < 2) {
            return null;
          }
          Token lastTok = toks.get(e - 1);
          String t = lastTok.text();
          String last = norm(t);
          boolean plural =
              t.length() > 3
                  && capitalisedWord(lastTok)
                  && !t.equals(t.toUpperCase(Locale.ROOT))
                  && last.endsWith("s")
                  && !last.endsWith("ss")
                  && !last.endsWith("us")
                  && !last.endsWith("is");
          String place = norm(toks.get(e - 2).text());
          return plural
                  && isPlace(norm(text(toks, sp.start(), e - 1)))
                  && !isPlace(last) // "Northern Illinois", "West Indies"
                  && !(e - sp.start() == 2
                      && (COMPASS_POINTS.contains(place) || COMPASS_REGIONS.contains(place)))
                  && !sharesStem(place, last) // "South Dakotans", "New Yorkers": its people
                  && !has("GEO_FEATURE", last)
                  && !has("GEO_FEATURE", singular(last))
                  && !TEAM_NOT.contains(last)
                  && !nationality(lastTok)
              ? new NameSpan("ORG", sp.start(), e)
              : null;
        });
  }

  /**
   * A place that stands in a results table's row for its side is the team of that place: with two
   * numbers or more after it ("Sydney 21 15 1 5 2067", "Essendon 14.16 ( 100 )"), with a score
   * after it in a row of scores ("Canberra 30 Auckland 6"), or on either side of "v" in a fixture
   * list ("West Bromwich v Sheffield United"). eng.train and eng.testa: of the names before two
   * numbers or more, 1,013 teams and 6 places, all countries, whose national teams CoNLL types as
   * places; in rows of two scores or more, 1,244 teams and 1 place that is no country; around "v",
   * 163 teams and 8 countries. A row has no lower-case word, so "Sydney 2000 to 2004 ..." is left,
   * and a place in parentheses is a player's country: "Ernie Els ( South Africa ) 66 75".
   */
  List<NameSpan> tableRowTeams(List<Token> toks, List<NameSpan> spans) {
    boolean row = tableRow(toks);
    int scored = 0;
    for (int k = 0; row && k < spans.size(); k++) {
      if (scoreAfter(toks, spans.get(k).end())) {
        scored++;
      }
    }
    boolean scores = scored >= 2;
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int s = sp.start();
          int e = sp.end();
          if (!sp.type().equals("LOC")
              || s > 0 && toks.get(s - 1).text().equals("(") // a nationality
              || isCountry(norm(text(toks, s, e)))) {
            return null;
          }
          boolean numbered = scoreAfter(toks, e);
          boolean fixture =
              e < toks.size() && toks.get(e).text().equals("v")
                  || s > 0 && toks.get(s - 1).text().equals("v");
          return fixture || numbered && (scores || row && numbersAfter(toks, e) >= 2)
              ? new NameSpan("ORG", s, e)
              : null;
        });
  }

  private static final Pattern SCORE_NUMBER = Pattern.compile("[0-9]+([.,][0-9]+)?");

  /**
   * A place before a player's or a coach's role is its team: "Sao Paulo midfielder Andre",
   * "Neuchatel coach Gilbert Gress", "Taibe supporters"; a country stays a place, as CoNLL types
   * national teams ("England manager"). Cross-validated folds of eng.train: 10 such names typed as
   * places were clubs; every place that CoNLL keeps before these words is a country (14 of 14).
   */
  List<NameSpan> rolePlayerTeams(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int e = sp.end();
          return sp.type().equals("LOC")
                  && e < toks.size()
                  && has("SPORTS_ROLE", norm(toks.get(e).text()))
                  && !isCountry(text(toks, sp.start(), e))
              ? new NameSpan("ORG", sp.start(), e)
              : null;
        });
  }

  /**
   * A town in parentheses after a player is the player's club: "Thierry Henry ( Monaco )", "James
   * Debbah ( Nice )" (eng.train and eng.testa: 62 of 64 such names that are no country are
   * organisations). A country stays the player's country, and a US state a politician's.
   */
  List<NameSpan> playerClubs(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int s = sp.start();
          int e = sp.end();
          if (!sp.type().equals("LOC")
              || k == 0
              || s < 2
              || e >= toks.size()
              || !toks.get(s - 1).text().equals("(")
              || !toks.get(e).text().equals(")")
              || !spans.get(k - 1).type().equals("PER")
              || spans.get(k - 1).end() != s - 1) {
            return null;
          }
          String all = text(toks, s, e);
          return isCountry(all) || listed(toks, s, e, COUNTRY_LIST) || has("US_STATE", all)
              ? null
              : new NameSpan("ORG", s, e);
        });
  }

  private static final List<String> COUNTRY_LIST = List.of("GEO_COUNTRY");

  /**
   * A firm whose name is a possessive keeps its "'s": "Lloyd 's", "Moody 's", "Sotheby 's"
   * (eng.train and eng.testa: Lloyd 13 of 13, Moody 9 of 9, Boatmen 8 of 8 ORG with the "'s"); from
   * a list of such firms, and only after a name read as an organisation, not a person's ("Lloyd 's
   * wife").
   */
  List<NameSpan> possessiveFirms(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int e = sp.end();
          return sp.type().equals("ORG")
                  && e < toks.size()
                  && (toks.get(e).text().equals("'s") || toks.get(e).text().equals("\u2019s"))
                  && has("POSSESSIVE_FIRM", text(toks, sp.start(), e))
                  && (k + 1 == spans.size() || spans.get(k + 1).start() > e)
              ? new NameSpan("ORG", sp.start(), e + 1)
              : null;
        });
  }

  /**
   * A product line and its version are one product, MISC: "Windows 95", "Windows NT", "Office 97",
   * "PlayStation 4" (the recognizer missed "Windows 95" 11 times of 11 in the cross-validated folds
   * of eng.train, where CoNLL types it MISC), found where the recognizer saw no name or only part
   * of it.
   */
  List<NameSpan> productVersions(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = spans;
    for (int i = 0; i + 1 < toks.size(); i++) {
      Token t = toks.get(i);
      String next = toks.get(i + 1).text();
      if (!capitalisedWord(t)
          || !Character.isDigit(next.charAt(0)) && !Character.isUpperCase(next.charAt(0))
          || !VERSION.matcher(next).matches()
          || !has("PRODUCT_LINE", norm(t.text()))) {
        continue;
      }
      int s = i;
      int e = i + 2;
      boolean clash = false;
      for (NameSpan sp : out) {
        if (sp.start() < e && s < sp.end() && (sp.start() < s || sp.end() > e)) {
          clash = true; // inside a longer name: "Microsoft Windows 95 Resource Kit"
        }
      }
      if (!clash) {
        out = withSpan(out, new NameSpan("MISC", s, e));
      }
    }
    return out;
  }

  /** A version after a product line: "95", "NT", "XP", "3.1", "2000". */
  private static final Pattern VERSION =
      Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,2})?|NT|XP|CE|ME|II|III|IV|Vista");

  /**
   * A country whose name joins two names with "and" is one place: "Bosnia and Herzegovina",
   * "Antigua and Barbuda", "Saint Kitts and Nevis" (the recognizer may tag the two halves apart;
   * CoNLL keeps "Trinidad and Tobago" whole, 2 of 2). Not "Serbia and Montenegro", two republics in
   * the news of the 1990s (CoNLL: two places), a state of their own only from 2003 to 2006.
   */
  List<NameSpan> joinedCountries(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = spans;
    for (int k = 0; k + 1 < out.size(); k++) {
      NameSpan a = out.get(k);
      NameSpan b = out.get(k + 1);
      int gap = b.start() - a.end();
      if (gap < 1
          || gap > 2
          || !toks.get(a.end()).text().equals("and")
          || gap == 2 && !toks.get(a.end() + 1).text().equals("the")
          || !isCountry(text(toks, a.start(), b.end()))
          || text(toks, a.start(), b.end()).equals("serbia and montenegro")) {
        continue; // the two republics of the Yugoslavia of the 1990s, as CoNLL tags them
      }
      out = withSpan(out, new NameSpan("LOC", a.start(), b.end()));
    }
    return out;
  }

  /** Months as tables and datelines abbreviate them. */
  private static final Set<String> MONTH_ABBREVIATIONS =
      Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

  /**
   * A month's abbreviation before a number is a date, not a person: "Jan 1,100.7" in a table, "on
   * Jan 5" (eng.train and eng.testa: "Jan" before a number 6 of 6 no name, before a word 12 of 12 a
   * person, "Jan Ullrich").
   */
  static List<NameSpan> withoutMonths(List<Token> toks, List<NameSpan> spans) {
    return splitting(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int e = sp.end();
          return e - sp.start() == 1
                  && e < toks.size()
                  && Character.isDigit(toks.get(e).text().charAt(0))
                  && MONTH_ABBREVIATIONS.contains(norm(toks.get(sp.start()).text()))
              ? List.of()
              : null;
        });
  }

  /** Words of a table that reports changes, not results: "Hamburg 21,240 down 3.5". */
  /** Words of a table that reports changes, not results: "Hamburg 21,240 down 3.5". */
  private static final Set<String> CHANGE_WORDS = Set.of("up", "down", "dn", "unc", "unch");

  /**
   * In a table of changes ("Hamburg 21,240 down 3.5", "Minneapolis 5.06 up .02"), a known place
   * before its figures is the place, not a team: the recognizer, taught on tables of results, reads
   * a place before a number as a club (cross-validated folds of eng.train: 10 of 23 such places
   * typed as organisations; no organisation opens such a row there).
   */
  List<NameSpan> changeRowPlaces(List<Token> toks, List<NameSpan> spans) {
    if (!tableRow(toks) || toks.stream().noneMatch(t -> CHANGE_WORDS.contains(t.text()))) {
      return spans;
    }
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int e = sp.end();
          return !sp.type().equals("LOC")
                  && e < toks.size()
                  && SCORE_NUMBER.matcher(toks.get(e).text().replace(",", "")).matches()
                  && isPlace(text(toks, sp.start(), e))
              ? new NameSpan("LOC", sp.start(), e)
              : null;
        });
  }

  /** Whether the token at {@code i} is a score or a count: "30", "14.16". */
  private static boolean scoreAfter(List<Token> toks, int i) {
    return i < toks.size()
        && Character.isDigit(toks.get(i).text().charAt(0))
        && SCORE_NUMBER.matcher(toks.get(i).text()).matches();
  }

  /**
   * How many numbers follow from {@code i} on, parentheses between them allowed: "14.16 ( 100 )".
   */
  private static int numbersAfter(List<Token> toks, int i) {
    int count = 0;
    for (; i < toks.size(); i++) {
      String t = toks.get(i).text();
      if (SCORE_NUMBER.matcher(t).matches()) {
        count++;
      } else if (!t.equals("(") && !t.equals(")")) {
        break;
      }
    }
    return count;
  }

  /**
   * Whether a sentence is a table's row: no lower-case word of three letters or more ("v" and "c"
   * of a scorecard are not words of a sentence).
   */
  /**
   * Entrants of results named by their country in parentheses: after a driver's or a rider's
   * ("Johnny Herbert ( Britain ) Sauber", "Gianluca Corini ( Italy ) Aki") the name is the team's,
   * and a club's in a European cup result ("In Bistrita : Gloria Bistrita ( Romania ) 2 Valletta (
   * Malta ) 1"), though the name is a place's or reads as a person's. eng.train and eng.testa: 175
   * of 213 names after "PERSON ( PLACE )" are organisations, the rest models of cars (MISC, kept),
   * a few riders' teams typed as people, and places of meetings after an athlete's time (known
   * places, kept); 26 of 28 clubs in cup results (2 named as their town, LOC).
   */
  List<NameSpan> entrantTeams(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          String type = sp.type();
          int s = sp.start();
          int e = sp.end();
          if (!type.equals("PER") && !type.equals("LOC")) {
            return null;
          }
          boolean entrant =
              k >= 2
                  && spans.get(k - 1).end() == s - 1
                  && toks.get(s - 1).text().equals(")")
                  && spans.get(k - 1).type().equals("LOC")
                  && spans.get(k - 1).start() >= 1
                  && toks.get(spans.get(k - 1).start() - 1).text().equals("(")
                  && spans.get(k - 2).type().equals("PER")
                  && spans.get(k - 2).end() == spans.get(k - 1).start() - 1
                  && !(type.equals("LOC") && isPlace(norm(text(toks, s, e))));
          boolean club =
              countryAfter(toks, spans, k)
                  && (s >= 2
                          && toks.get(0).text().equals("In")
                          && toks.get(s - 1).text().equals(":")
                      || s >= 2
                          && SCORE_NUMBER.matcher(toks.get(s - 1).text()).matches()
                          && toks.get(s - 2).text().equals(")")
                      || k + 2 < spans.size()
                          && e + 4 < toks.size()
                          && SCORE_NUMBER.matcher(toks.get(e + 3).text()).matches()
                          && spans.get(k + 2).start() == e + 4
                          && countryAfter(toks, spans, k + 2));
          return (entrant || club) && !isCountry(text(toks, s, e))
              ? new NameSpan("ORG", s, e)
              : null;
        });
  }

  /** US states as the post abbreviates them, after a town in a table: "Havre MT 4.54". */
  private static final Set<String> STATE_CODES =
      Set.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
          "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
          "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
          "VA", "WA", "WV", "WI", "WY");

  /** A freight rate on the Worldscale: "W145", "W167.5". */
  private static final Pattern WORLDSCALE = Pattern.compile("W[0-9]+(\\.[0-9]+)?");

  /**
   * Names that a table's columns ran together, parted again: the places of a voyage ("Ulsan /
   * Yosu", "Mideast / Japan"), a town and its state in a price table ("Wolf Point MT 4.41"), a
   * place, its freight rate and the charterer ("Japan W167.5 Jomo"). Places known as such are
   * places; a name with a slash whose parts are no places stays one ("CDU / CSU").
   */
  List<NameSpan> tableSplits(List<Token> toks, List<NameSpan> spans) {
    return splitting(spans, k -> tableParts(toks, spans.get(k)));
  }

  private List<NameSpan> tableParts(List<Token> toks, NameSpan sp) {
    int s = sp.start();
    int e = sp.end();
    List<NameSpan> columns = columnNames(toks, sp);
    if (columns != null) {
      return columns;
    }
    for (int i = s; i < e; i++) {
      String w = toks.get(i).text();
      if (w.length() >= 2
          && w.charAt(0) == 'W'
          && Character.isDigit(w.charAt(1))
          && WORLDSCALE.matcher(w).matches()) {
        List<NameSpan> parts = new ArrayList<>();
        if (i > s) {
          List<NameSpan> before = placeParts(toks, s, i);
          parts.addAll(before == null ? List.of(placeOr(toks, s, i, sp.type())) : before);
        }
        if (i + 1 < e) {
          parts.add(new NameSpan("ORG", i + 1, e)); // the charterer
        }
        return parts;
      }
    }
    return placeParts(toks, s, e);
  }

  /**
   * A table's header of parties or firms, each a column, that the recognizer ran into one name:
   * "CDU / CSU SPD FDP Greens PDS" is "CDU / CSU", "SPD", "FDP", "Greens" and "PDS". Only in a row
   * without words, not all in capitals, and with three acronyms or more; names joined by a slash
   * stay one.
   */
  private static List<NameSpan> columnNames(List<Token> toks, NameSpan sp) {
    int s = sp.start();
    int e = sp.end();
    if (e - s < 3) {
      return null;
    }
    int acronyms = 0;
    for (int i = s; i < e; i++) {
      String w = toks.get(i).text();
      if (w.length() <= 5 && allCapitals(w) && !w.contains(".")) {
        acronyms++;
      }
    }
    if (acronyms < 3
        || e - s < 3
        || !tableRow(toks)
        || toks.stream().noneMatch(t -> !t.text().equals(t.text().toUpperCase(Locale.ROOT)))) {
      return null; // in a line of capitals, short words are words: "HONG KONG OPEN"
    }
    List<NameSpan> out = new ArrayList<>();
    int start = s;
    for (int i = s + 1; i <= e; i++) {
      if (i == e || !toks.get(i).text().equals("/") && !toks.get(i - 1).text().equals("/")) {
        out.add(new NameSpan(sp.type(), start, i));
        start = i;
      }
    }
    return out;
  }

  /** Two places of a voyage ("Ulsan / Yosu"), or a town and its state ("Havre MT"), or null. */
  private List<NameSpan> placeParts(List<Token> toks, int s, int e) {
    for (int i = s + 1; i < e - 1; i++) {
      if (toks.get(i).text().equals("/")
          && (isPlace(text(toks, s, i)) || isCountry(text(toks, s, i)))
          && (isPlace(text(toks, i + 1, e)) || isCountry(text(toks, i + 1, e)))) {
        return List.of(new NameSpan("LOC", s, i), new NameSpan("LOC", i + 1, e));
      }
    }
    String code = toks.get(e - 1).text();
    if (e - s >= 2
        && STATE_CODES.contains(code)
        && !allCapitals(toks.get(e - 2).text())
        && (e == toks.size() || Character.isDigit(toks.get(e).text().charAt(0)))) {
      return List.of(new NameSpan("LOC", s, e - 1), new NameSpan("LOC", e - 1, e));
    }
    return null;
  }

  private NameSpan placeOr(List<Token> toks, int s, int e, String type) {
    String t = text(toks, s, e);
    return new NameSpan(isPlace(t) || isCountry(t) ? "LOC" : type, s, e);
  }

  /** Whether the name {@code k} is followed by a country in parentheses: "Brann ( Norway )". */
  private boolean countryAfter(List<Token> toks, List<NameSpan> spans, int k) {
    int e = spans.get(k).end();
    if (k + 1 >= spans.size() || e + 2 >= toks.size() || !toks.get(e).text().equals("(")) {
      return false;
    }
    NameSpan c = spans.get(k + 1);
    return c.start() == e + 1
        && c.type().equals("LOC")
        && c.end() < toks.size()
        && toks.get(c.end()).text().equals(")");
  }

  private static boolean tableRow(List<Token> toks) {
    for (Token t : toks) {
      String w = t.text();
      if (w.length() >= 3 && Character.isLowerCase(w.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  /** A cricket scorecard's marks before a fielder's or bowler's name: caught, bowled, stumped. */
  private static final Set<String> DISMISSALS = Set.of("c", "b", "st");

  /** A bowler's figures: overs, maidens, runs, wickets ("23-5-71-1", "14.3-4-45-1"). */
  private static final Pattern BOWLING_FIGURES =
      Pattern.compile("[0-9]+(\\.[0-9])?-[0-9]+-[0-9]+-[0-9]+");

  /**
   * In a cricket scorecard the names after "c", "b" and "st" and the names before a bowler's
   * figures are players: "Aamir Sohail c Cork b Croft 46", "Cork 23-5-71-1" (eng.train and
   * eng.testa: 155 names after the marks and 82 before figures, every one a person), though a
   * player's name may be a town's or a club's.
   */
  List<NameSpan> scorecardPlayers(List<Token> toks, List<NameSpan> spans) {
    if (!scoreLine(toks)) {
      return spans;
    }
    List<NameSpan> out = spans;
    int n = toks.size();
    for (int i = 0; i + 1 < n; i++) {
      int s;
      int e;
      if (DISMISSALS.contains(toks.get(i).text())
          && (capitalisedWord(toks.get(i + 1))
              || i + 2 < n
                  && PARTICLES.contains(toks.get(i + 1).text())
                  && capitalisedWord(toks.get(i + 2)))) {
        s = i + 1;
        e = s + 1;
        while (e < n && capitalisedWord(toks.get(e))) {
          e++; // "c de Silva", "b Mushtaq Ahmed"
        }
      } else if (capitalisedWord(toks.get(i))
          && Character.isDigit(toks.get(i + 1).text().charAt(0))
          && BOWLING_FIGURES.matcher(toks.get(i + 1).text()).matches()) {
        e = i + 1;
        s = i;
        while (s > 0 && capitalisedWord(toks.get(s - 1))) {
          s--;
        }
      } else {
        continue;
      }
      List<NameSpan> next = new ArrayList<>();
      for (NameSpan sp : out) {
        if (sp.end() <= s || sp.start() >= e) {
          next.add(sp);
        } else {
          s = Math.min(s, sp.start()); // the name as found: "de Silva 4-0-25-0"
          e = Math.max(e, sp.end());
        }
      }
      next.add(new NameSpan("PER", s, e));
      next.sort(java.util.Comparator.comparingInt(NameSpan::start));
      out = next;
      i = Math.max(i, e - 1);
    }
    List<NameSpan> marked = out;
    return replacing(
        marked,
        k -> {
          NameSpan sp = marked.get(k);
          int e = sp.end();
          return !sp.type().equals("PER")
                  && e < n
                  && (DISMISSALS.contains(toks.get(e).text()) || toks.get(e).text().equals("lbw"))
              ? new NameSpan("PER", sp.start(), e) // the batsman: "S. Law b Streak 20"
              : null;
        });
  }

  /** Whether a sentence holds a number, as every line of a scorecard does. */
  private static boolean scoreLine(List<Token> toks) {
    for (Token t : toks) {
      if (Character.isDigit(t.text().charAt(0))) {
        return true;
      }
    }
    return false;
  }

  /** Days of the week as a table abbreviates them in capitals ("MON Gencor YR EPS ..."). */
  private static final Set<String> DAY_ABBREVIATIONS =
      Set.of("MON", "TUE", "TUES", "WED", "THU", "THUR", "THURS", "FRI", "SAT", "SUN");

  /**
   * A day abbreviated in capitals before a name in mixed case is the date's column, not part of the
   * name: "MON Gencor", "THU JD Group" in a diary of results (eng.train: outside the name 16 times
   * of 16). In a headline all in capitals ("SUN MICROSYSTEMS") it stays.
   */
  static List<NameSpan> withoutDayColumn(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int s = sp.start();
          if (sp.end() - s < 2 || !DAY_ABBREVIATIONS.contains(toks.get(s).text())) {
            return null;
          }
          String next = toks.get(s + 1).text();
          return next.equals(next.toUpperCase(Locale.ROOT))
              ? null
              : new NameSpan(sp.type(), s + 1, sp.end());
        });
  }

  /**
   * Words that open the name of a venue in the languages that put the noun first: "Estadio Alberto
   * J. Armando", "Estádio do Dragão", "Stade de France", "Parc des Princes", "Circuit Gilles
   * Villeneuve" (CoNLL: "Parc des Princes" a place).
   */
  private static final Set<String> VENUE_OPENERS =
      Set.of(
          "estadio",
          "stade",
          "stadio",
          "stadion",
          "parc",
          "circuit",
          "autodromo",
          "aeroporto",
          "aeropuerto",
          "aeroport",
          "praca",
          "plaza",
          "piazza");

  /** Words between a venue's noun and its name: "Estádio do Dragão", "Parc des Princes". */
  private static final Set<String> VENUE_PARTICLES =
      union(PARTICLES, Set.of("do", "das", "des", "della", "dello", "degli"));

  /**
   * A venue whose name opens with its noun is one place, from the noun to the end of the name it
   * opens, across a particle ("Estádio do Dragão") and over the person or club the recognizer found
   * inside it ("Circuit Gilles Villeneuve": not the driver; "Estadio Alberto J. Armando": not the
   * man it is named after). Not an institution ("Circuit Court of Appeals").
   */
  List<NameSpan> venueOpenings(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    int n = toks.size();
    for (int i = 0; i + 1 < n; i++) {
      Token head = toks.get(i);
      String h = head.text();
      if (h.length() < 4
          || h.length() > 10
          || "ESPCA".indexOf(h.charAt(0)) < 0 // the capitals the openers start with
          || !VENUE_OPENERS.contains(norm(h))) {
        continue;
      }
      int j = i + 1;
      while (j < n && VENUE_PARTICLES.contains(toks.get(j).text())) {
        j++;
      }
      List<NameSpan> cur = out == null ? spans : out;
      int inner = -1;
      int outer = -1;
      for (int k = 0; k < cur.size(); k++) {
        NameSpan sp = cur.get(k);
        if (sp.start() == j && j > i) {
          inner = k;
        }
        if (sp.start() <= i && i < sp.end()) {
          outer = k;
        }
      }
      int end;
      if (outer >= 0 && cur.get(outer).end() > j) {
        end = cur.get(outer).end();
      } else if (inner >= 0) {
        end = cur.get(inner).end();
      } else {
        continue;
      }
      boolean institution = false;
      for (int w = i + 1; w < end; w++) {
        institution |= has("ORG_SUFFIX", norm(toks.get(w).text()));
      }
      if (institution) {
        continue;
      }
      int start = outer >= 0 ? Math.min(cur.get(outer).start(), i) : i;
      List<NameSpan> next = new ArrayList<>();
      boolean placed = false;
      for (NameSpan sp : cur) {
        if (sp.end() <= start || sp.start() >= end) {
          next.add(sp);
        } else if (!placed) {
          next.add(new NameSpan("LOC", start, end));
          placed = true;
        }
      }
      if (!placed) {
        next.add(new NameSpan("LOC", start, end));
        next.sort(java.util.Comparator.comparingInt(NameSpan::start));
      }
      out = next;
      i = end - 1;
    }
    return out == null ? spans : out;
  }

  /** Whether a people's word is made from a place's ("Dakota", "Dakotans"). */
  private static boolean sharesStem(String place, String people) {
    int stem = Math.min(4, place.length() - 1);
    return stem >= 3 && people.startsWith(place.substring(0, stem));
  }

  /** Plural last words after a place that name no team: events, ranges and island groups. */
  private static final Set<String> TEAM_NOT =
      Set.of(
          "games",
          "olympics",
          "paralympics",
          "championships",
          "finals",
          "talks",
          "accords",
          "alps",
          "carpathians",
          "andes",
          "pyrenees",
          "rockies",
          "himalayas",
          "urals",
          "dolomites",
          "apennines",
          "balkans",
          "appalachians",
          "cascades",
          "ardennes",
          "vosges",
          "tatras",
          "sudetes",
          "pennines",
          "grampians",
          "cairngorms",
          "catskills",
          "adirondacks",
          "ozarks",
          "everglades",
          "hebrides",
          "orkneys",
          "shetlands",
          "azores",
          "canaries",
          "antilles",
          "moluccas",
          "cyclades",
          "dardanelles");

  private static final Set<String> COMPASS_CAPITALS =
      Set.of(
          "North",
          "South",
          "East",
          "West",
          "Northeast",
          "Northwest",
          "Southeast",
          "Southwest",
          "Central");

  /**
   * A point of the compass before a nationality is part of it: "Southeast Asian", "West African"
   * (CoNLL: inside the name 50 times of 50 in eng.train).
   */
  List<NameSpan> withCompassPoint(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int s = sp.start();
          if (s < 1
              || !sp.type().equals("MISC")
              || !COMPASS_CAPITALS.contains(toks.get(s - 1).text())
              || !nationality(toks.get(s))
              || k > 0 && spans.get(k - 1).end() > s - 1) {
            return null;
          }
          return new NameSpan("MISC", s - 1, sp.end());
        });
  }

  /** Last words of newspapers and journals, whose "The" is their own ("The Times"). */
  private static final Set<String> PRESS_ENDS =
      Set.of(
          "news",
          "times",
          "post",
          "journal",
          "tribune",
          "herald",
          "gazette",
          "telegraph",
          "observer",
          "guardian",
          "independent",
          "economist",
          "chronicle",
          "star",
          "sun",
          "mirror",
          "express",
          "mail",
          "globe",
          "inquirer",
          "standard",
          "statesman",
          "nation",
          "lancet",
          "review",
          "magazine",
          "daily",
          "weekly",
          "record",
          "courier",
          "monitor");

  /**
   * A sentence's opening "The" is no part of an organisation's or a place's name: "The Commerce
   * Department said" (CoNLL: outside the name 241 times of 248 in eng.train; the seven are
   * newspapers and "The Netherlands"). Kept for a newspaper, a place that holds it ("The Hague")
   * and works, whose title it starts ("The Third Man is a film").
   */
  private List<NameSpan> withoutOpeningThe(List<Token> toks, List<NameSpan> spans) {
    if (spans.isEmpty() || spans.get(0).start() != 0 || !toks.get(0).text().equals("The")) {
      return spans;
    }
    NameSpan sp = spans.get(0);
    if (sp.end() < 2
        || sp.type().equals("MISC")
        || PRESS_ENDS.contains(norm(toks.get(sp.end() - 1).text()))
        || isPlace(norm(text(toks, 0, sp.end())))) {
      return spans;
    }
    List<NameSpan> out = new ArrayList<>(spans);
    out.set(0, new NameSpan(sp.type(), 1, sp.end()));
    return out;
  }

  /** A model's number or code: "A350", "787", "F40", "GP7200"; not a year or a score. */
  private static final Pattern MODEL_CODE =
      Pattern.compile(
          "(?=.*[0-9])(?![12][0-9]{3}$)([A-Z]{1,4}-?[0-9]{1,5}[A-Za-z]{0,3}|[0-9]{3,4})");

  /**
   * A maker's name before its model is a product, MISC in CoNLL ("Toyota Celica", "Mitsubishi
   * Lancer" 14 times of 14 in eng.train): the maker and a model code ("Airbus" "A350", "Boeing 787
   * Dreamliner"), or the maker and a model's name the recognizer took for the company ("Nintendo
   * Switch"). Not a unit of the maker ("Toyota Motor", "Sony Pictures", "Toyota Australia"), nor
   * two makers ("McLaren Mercedes", a racing team).
   */
  List<NameSpan> products(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int k = 0; k < spans.size(); k++) {
      NameSpan sp = spans.get(k);
      int s = sp.start();
      if (!has("PRODUCT_MAKER", norm(toks.get(s).text()))) {
        continue;
      }
      int limit = k + 1 < spans.size() ? spans.get(k + 1).start() : toks.size();
      int e = sp.end();
      int absorbed = -1;
      boolean coded = false;
      for (int i = s + 1; i < e; i++) {
        coded |= MODEL_CODE.matcher(toks.get(i).text()).matches();
      }
      if (!coded
          && e < limit
          && (MODEL_CODE.matcher(toks.get(e).text()).matches() || shortModel(toks, s, e))
          && !(tableRow(toks) && SCORE_NUMBER.matcher(toks.get(e).text()).matches())) {
        // a bare number after the maker in a table's row is its points: "Kawasaki 117"
        coded = true;
        e++;
        while (e < limit
            && capitalisedWord(toks.get(e))
            && !has("PRODUCT_MAKER", norm(toks.get(e).text()))) {
          e++; // "Boeing 787 Dreamliner"
        }
        if (e == limit && k + 1 < spans.size() && !spans.get(k + 1).type().equals("PER")) {
          e = spans.get(k + 1).end(); // the model's name, found apart
          absorbed = k + 1;
        }
      }
      boolean named =
          !coded && sp.end() - s >= 2 && !sp.type().equals("PER") && modelName(toks, s + 1, e);
      if (!coded && !named || sp.type().equals("MISC") && e == sp.end()) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(spans);
      }
      out.set(k, new NameSpan("MISC", s, e));
      if (absorbed >= 0) {
        out.set(absorbed, null);
        k++;
      }
    }
    if (out == null) {
      return spans;
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  /**
   * A model numbered by one or two digits after its maker in running text: "the earlier Saab 99 ,",
   * "a Fiat 500 that"; the maker after a lower-case word, the number before punctuation or a
   * lower-case word that counts nothing. Not a rider's team and his time ("( Netherlands ) Motorola
   * 28"), a count or a share ("Ford 10 percent", "Sony 3 million").
   */
  private static boolean shortModel(List<Token> toks, int maker, int i) {
    String w = toks.get(i).text();
    if (maker == 0
        || !Character.isLowerCase(toks.get(maker - 1).text().charAt(0))
        || w.length() > 2
        || !w.chars().allMatch(Character::isDigit)) {
      return false;
    }
    if (i + 1 >= toks.size()) {
      return true;
    }
    String next = toks.get(i + 1).text();
    return Character.isLowerCase(next.charAt(0))
        ? !COUNTED.contains(next) && !next.endsWith("s")
        : next.length() == 1 && ",.;:)".indexOf(next.charAt(0)) >= 0;
  }

  /** Words after a number that say what it counts, not which model it is. */
  private static final Set<String> COUNTED =
      Set.of(
          "percent",
          "pct",
          "per",
          "cent",
          "million",
          "mln",
          "billion",
          "bln",
          "thousand",
          "to",
          "and",
          "or",
          "of",
          "from",
          "times",
          "plus",
          "minus",
          "more",
          "less",
          "over");

  /**
   * Whether the words from {@code s} to {@code e} read as a model's name, not a unit or a place.
   */
  private boolean modelName(List<Token> toks, int s, int e) {
    for (int i = s; i < e; i++) {
      String w = norm(toks.get(i).text());
      if (has("PRODUCT_MAKER", w)
          || !capitalisedWord(toks.get(i)) && !MODEL_CODE.matcher(toks.get(i).text()).matches()) {
        return false;
      }
    }
    String last = norm(toks.get(e - 1).text());
    return !has("PRODUCT_ORG_TAIL", last)
        && !has("ORG_SUFFIX", last)
        && !isPlace(norm(text(toks, s, e)))
        && !isKnownOrg(norm(text(toks, s, e)))
        && !listed(toks, s, e, GEO_AND_CLUBS)
        && !listed(toks, s - 1, e, GEO_AND_CLUBS); // "Lada Togliatti", a club
  }

  private static final List<String> GEO_AND_CLUBS =
      List.of(
          "GEO_CITY",
          "GEO_CITY_ALT",
          "GEO_CITY_BIG",
          "GEO_CAPITAL",
          "GEO_COUNTRY",
          "GEO_REGION",
          "CLUB");

  /** Whether the compiled gazetteer lists the words from {@code s} to {@code e} in a category. */
  private static boolean listed(List<Token> toks, int s, int e, List<String> categories) {
    List<String> lower = new ArrayList<>(e - s);
    for (int i = s; i < e; i++) {
      lower.add(toks.get(i).text().toLowerCase(Locale.ROOT));
    }
    Gazetteer g = Gazetteer.loadDefault();
    for (String c : categories) {
      if (g.contains(c, lower)) {
        return true;
      }
    }
    return false;
  }

  /** Days and months ("Monday", "May"), which a first-name list also holds. */
  private static final Set<String> CALENDAR_WORDS =
      union(NumericEntityRules.WEEKDAYS, NumericEntityRules.MONTHS);

  /**
   * A first name inside a sentence right before a person's name is its start: "Tiger Woods" found
   * as "Woods" (CoNLL: of the capitalised first names of the list before a person in eng.train and
   * outside the name, all but two are roles or days, which stay out).
   */
  private List<NameSpan> withFirstName(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int s = sp.start();
          // not at a sentence's start, where any word is capitalised ("Tell Alric ...")
          if (s < 2 || !sp.type().equals("PER") || k > 0 && spans.get(k - 1).end() > s - 1) {
            return null;
          }
          Token t = toks.get(s - 1);
          String w = norm(t.text());
          if (!capitalisedWord(t)
              || t.text().equals(t.text().toUpperCase(Locale.ROOT))
              || !firstNames.contains(w)
              || isRole(w)
              || CALENDAR_WORDS.contains(w)
              || isPlace(w)
              || nationality(t)) {
            return null;
          }
          return new NameSpan("PER", s - 1, sp.end());
        });
  }

  /**
   * A common surname right after a person's name ends it: "( Warren O'Connor )" found as "Warren"
   * (CoNLL: no such surname of the list follows a person's name outside it in eng.train).
   */
  private List<NameSpan> withSurname(List<Token> toks, List<NameSpan> spans) {
    return replacing(
        spans,
        k -> {
          NameSpan sp = spans.get(k);
          int e = sp.end();
          if (!sp.type().equals("PER")
              || e >= toks.size()
              || k + 1 < spans.size() && spans.get(k + 1).start() <= e) {
            return null;
          }
          Token t = toks.get(e);
          String w = norm(t.text());
          if (!capitalisedWord(t)
              || t.text().equals(t.text().toUpperCase(Locale.ROOT))
              || isRole(w)
              || CALENDAR_WORDS.contains(w)
              || isPlace(w)
              || !Gazetteer.loadDefault()
                  .contains("SURNAME", List.of(w.replace("'", "").replace("\u2019", "")))) {
            return null;
          }
          return new NameSpan("PER", sp.start(), e + 1);
        });
  }

  /** Words that say where what follows lies: "north of", "the outskirts of". */
  private static final Set<String> WHERE_OF =
      union(
          COMPASS_POINTS,
          Set.of("northeast", "northwest", "southeast", "southwest", "outskirts", "suburbs"));

  /**
   * Whether the name at {@code s} follows "near" or "north of", "the outskirts of" and the like.
   */
  private static boolean afterWhereWord(List<Token> toks, int s) {
    if (s >= 1 && toks.get(s - 1).text().equals("near")) {
      return true;
    }
    return s >= 2
        && toks.get(s - 1).text().equals("of")
        && WHERE_OF.contains(toks.get(s - 2).text());
  }

  /** A person whose name starts with a first name ("Anthony Hill", "Anna Tower"). */
  private boolean firstNamedPerson(List<Token> toks, int s, String type) {
    return type.equals("PER") && firstNames.contains(norm(toks.get(s).text()));
  }

  /**
   * An institution and what it is "of", which the recognizer tagged as two names, are one
   * organisation ("Humboldt University" "of" "Berlin", "International Committee" "of the" "Red
   * Cross"); an award and its field are one award ("Nobel Prize" "in" "Physics", "in Physiology or
   * Medicine": capitalised words only, so "the Nobel Prize for physics" keeps its field out).
   */
  static List<NameSpan> joinedOf(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int k = 0; k < spans.size(); k++) {
      NameSpan a = spans.get(k);
      int e = a.end();
      String last = norm(toks.get(e - 1).text());
      NameSpan joined = null;
      int used = 0;
      if ((e - a.start() == 1
              || e - a.start() == 2 && toks.get(a.start()).text().equals("Grand")) // Grand Duchy
          && REALMS.contains(last)
          && Character.isUpperCase(toks.get(e - 1).text().charAt(0))
          && k + 1 < spans.size()
          && spans.get(k + 1).type().equals("LOC")
          && spans.get(k + 1).start() == e + 1
          && toks.get(e).text().equals("of")) {
        joined = new NameSpan("LOC", a.start(), spans.get(k + 1).end()); // "Tsardom of Russia"
        used = 1;
      } else if (INSTITUTIONS.contains(last)
          && Character.isUpperCase(toks.get(e - 1).text().charAt(0))
          && k + 1 < spans.size()
          && !spans.get(k + 1).type().equals("PER")) {
        NameSpan b = spans.get(k + 1);
        int gap = b.start() - e;
        boolean of =
            gap >= 1
                && gap <= 2
                && toks.get(e).text().equals("of")
                && (gap == 1 || toks.get(e + 1).text().equals("the"));
        if (of) {
          joined = new NameSpan("ORG", a.start(), b.end());
          used = 1;
        }
      } else if (!a.type().equals("PER")
          && AWARDS.contains(last)
          && e + 1 < toks.size()
          && (toks.get(e).text().equals("in") || toks.get(e).text().equals("for"))
          && capitalisedWord(toks.get(e + 1))) {
        int end = e + 2;
        while (end + 1 < toks.size()
            && (toks.get(end).text().equals("or") || toks.get(end).text().equals("and"))
            && capitalisedWord(toks.get(end + 1))) {
          end += 2;
        }
        while (k + 1 + used < spans.size() && spans.get(k + 1 + used).start() < end) {
          end = Math.max(end, spans.get(k + 1 + used).end());
          used++;
        }
        joined = new NameSpan("MISC", a.start(), end);
      }
      if (joined == null) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(spans);
      }
      out.set(k, joined);
      for (int u = 1; u <= used; u++) {
        out.set(k + u, null);
      }
      k += used;
    }
    if (out == null) {
      return spans;
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  /**
   * "Congress of Racial Equality", "Congress of South African Trade Unions": a congress of people
   * is a body; one of a place is an event ("Congress of Vienna").
   */
  private boolean congressOfBody(List<Token> toks, int s, int e) {
    return norm(toks.get(s).text()).equals("congress") && !isPlace(text(toks, s + 2, e));
  }

  /**
   * What the recognizer leaves at a person's name's end: a regnal numeral joins it ("Louis II"), as
   * does an epithet ("Peter the Great", taken from a name the recognizer started there); honours
   * written after it do not belong to it ("Ann Roe CBE").
   */
  static List<NameSpan> nameTails(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    for (int k = 0; k < spans.size(); k++) {
      NameSpan sp = spans.get(k);
      if (!sp.type().equals("PER")) {
        continue;
      }
      int e = sp.end();
      while (e - sp.start() >= 2 && POST_NOMINALS.contains(norm(toks.get(e - 1).text()))) {
        e--;
      }
      int next = k + 1 < spans.size() ? spans.get(k + 1).start() : toks.size();
      if (e == sp.end() && e < next && REGNAL.matcher(toks.get(e).text()).matches()) {
        e++; // "Louis II", and on to "Augustus II the Strong"
      } else if (e == sp.end()
          && e < next
          && (firstOfDynasty(toks, e)
              || toks.get(e).text().equals("I") && afterRuler(toks, sp.start()))) {
        e++; // "Frederick I of Prussia", "king Louis I ."
      }
      if (e >= sp.end()
          && e + 1 < toks.size()
          && toks.get(e).text().equals("the")
          && EPITHETS.contains(norm(toks.get(e + 1).text()))
          && Character.isUpperCase(toks.get(e + 1).text().charAt(0))
          && e < next) {
        e += 2;
      }
      if (e == sp.end()) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(spans);
      }
      out.set(k, new NameSpan("PER", sp.start(), e));
      if (k + 1 < spans.size() && spans.get(k + 1).start() < e) {
        // "Peter the Great of Russia" tagged "Great of Russia": what follows the epithet remains.
        NameSpan after = spans.get(k + 1);
        int from = e;
        while (from < after.end() && !Character.isUpperCase(toks.get(from).text().charAt(0))) {
          from++;
        }
        if (from < after.end()) {
          out.set(k + 1, new NameSpan(after.type(), from, after.end()));
        } else {
          out.set(k + 1, null);
        }
      }
    }
    if (out == null) {
      return spans;
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  /**
   * A lone "I" after a person's name is a regnal numeral when what follows cannot go on a sentence
   * whose subject is "I": the sentence's end, a punctuation mark, "of" ("Pedro I of Brazil"), a
   * ruler's verb (CoNLL: no pronoun "I" right after a person's name in eng.train or eng.testa).
   */
  /** Rulers' titles before a name, after which a lone "I" is a numeral: "Tsar Alexander I as". */
  private static final Set<String> RULERS =
      Set.of(
          "king",
          "queen",
          "tsar",
          "czar",
          "emperor",
          "empress",
          "pope",
          "sultan",
          "shah",
          "duke",
          "archduke",
          "grand",
          "prince",
          "kaiser",
          "pharaoh",
          "caliph",
          "emir");

  private static boolean afterRuler(List<Token> toks, int s) {
    return s > 0 && RULERS.contains(norm(toks.get(s - 1).text()));
  }

  private static boolean firstOfDynasty(List<Token> toks, int i) {
    if (!toks.get(i).text().equals("I")) {
      return false;
    }
    if (i + 1 == toks.size()) {
      return true;
    }
    String next = toks.get(i + 1).text();
    return next.equals("of")
        || next.length() == 1 && ",.;:()".indexOf(next.charAt(0)) >= 0
        || REIGN_VERBS.contains(next);
  }

  /**
   * Words after a ruler's name that no sentence with the subject "I" takes: "Pedro I became
   * emperor", "Queen Elizabeth I born" (a chronology's line), "Henry I and his son".
   */
  private static final Set<String> REIGN_VERBS =
      Set.of(
          "born",
          "died",
          "dies",
          "became",
          "becomes",
          "and",
          "who",
          "whose",
          "reigned",
          "ruled",
          "succeeded",
          "ascended",
          "crowned",
          "abdicated",
          "married",
          "proclaimed");

  /**
   * A mention's text without page residue glued to it ("jpgSputnik" is "Sputnik") or a hyphenated
   * tail that makes it an adjective ("California-based" is the place "California"); null when what
   * remains is no name (a language label such as "EN", a lone letter).
   */
  EntityResolver.RawMention clean(EntityResolver.RawMention m) {
    String text = m.text();
    int cut = 0;
    var g = GLUED_RESIDUE.matcher(text);
    if (g.find()) {
      cut = g.end();
    }
    String name = text.substring(cut);
    // "California-based", "Iran-backed": the name is what comes before the hyphen.
    int end = m.end();
    String type = m.type();
    int dash = adjectiveTail(name);
    if (dash >= 0) {
      name = name.substring(0, dash);
      end = m.start() + cut + dash;
      if (isPlace(norm(name))) {
        type = "LOC";
      } else if (isKnownOrg(norm(name))) {
        type = "ORG"; // "NATO-led"
      }
    }
    String folded = norm(name);
    if (name.length() < 2 || has("NOT_NAME", folded)) {
      return null;
    }
    if (cut == 0 && end == m.end()) {
      return m;
    }
    return new EntityResolver.RawMention(type, name, m.start() + cut, end, m.inTitle(), m.inLead());
  }

  /**
   * An organisation of the general list that the recognizer missed in a body sentence ("rumours of
   * Mossad presence"): written as a name (capitalised; a short one, such as "CIA", in capitals),
   * outside every span and not next to another capitalised word, which would make it part of a
   * longer name ("Fars News Agency").
   */
  private List<NameSpan> withListedOrgs(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> added = null;
    int n = toks.size();
    for (int i = 0; i < n; i++) {
      String first = toks.get(i).text();
      if (!Character.isUpperCase(first.charAt(0))
          || !orgFirstWords.contains(norm(first))
          || covered(spans, i)) {
        continue;
      }
      for (int e = Math.min(n, i + 3); e > i; e--) {
        String t = text(toks, i, e);
        if (!isKnownOrg(t) || !writtenAsName(toks, i, e, t) || covered(spans, e - 1)) {
          continue;
        }
        boolean inLonger =
            i > 0 && capitalisedWord(toks.get(i - 1)) || e < n && capitalisedWord(toks.get(e));
        if (!inLonger) {
          if (added == null) {
            added = new ArrayList<>(spans);
          }
          added.add(new NameSpan("ORG", i, e));
          i = e - 1;
        }
        break;
      }
    }
    if (added == null) {
      return spans;
    }
    added.sort(java.util.Comparator.comparingInt(NameSpan::start));
    return added;
  }

  /**
   * A region of the general list the recognizer missed or typed otherwise in a body sentence
   * ("Midwest and East coast", "Canada 's Prairies saw no frost", "Mideast / Japan"): a place, when
   * written capitalised and not next to another capitalised word ("Midwest Express"). In the
   * cross-validated folds of eng.train: Midwest 7 of 8, Prairies 4 of 4, Mideast 5 of 6 missed or
   * mistyped before.
   */
  private List<NameSpan> withListedRegions(List<Token> toks, List<NameSpan> spans) {
    List<NameSpan> out = null;
    int n = toks.size();
    for (int i = 0; i < n; i++) {
      Token t = toks.get(i);
      if (!capitalisedWord(t)
          || i > 0 && capitalisedWord(toks.get(i - 1))
          || i + 1 < n && capitalisedWord(toks.get(i + 1))
          || !regionInitials.contains(Character.toLowerCase(t.text().charAt(0)))
          || !has("REGION", norm(t.text()))) {
        continue;
      }
      int at = -1;
      for (int k = 0; k < spans.size(); k++) {
        NameSpan sp = spans.get(k);
        if (sp.start() <= i && i < sp.end()) {
          at = k;
        }
      }
      if (at >= 0
          && (spans.get(at).start() != i
              || spans.get(at).end() != i + 1
              || spans.get(at).type().equals("LOC"))) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(spans);
      }
      if (at >= 0) {
        out.set(at, new NameSpan("LOC", i, i + 1));
      } else {
        out.add(new NameSpan("LOC", i, i + 1));
      }
    }
    if (out == null) {
      return spans;
    }
    out.sort(java.util.Comparator.comparingInt(NameSpan::start));
    return out;
  }

  private static boolean covered(List<NameSpan> spans, int i) {
    for (NameSpan sp : spans) {
      if (sp.start() <= i && i < sp.end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean capitalisedWord(Token t) {
    return Character.isUpperCase(t.text().charAt(0)) && Character.isLetter(t.text().charAt(0));
  }

  /** Every word capitalised, and a name of at most four letters in capitals ("CIA", not "Fars"). */
  private static boolean writtenAsName(List<Token> toks, int s, int e, String normalised) {
    for (int i = s; i < e; i++) {
      String w = toks.get(i).text();
      if (!Character.isUpperCase(w.charAt(0)) && !HEADLINE_LOWER.contains(w)) {
        return false;
      }
    }
    String w = toks.get(s).text();
    return normalised.length() > 4 || e - s > 1 || w.equals(w.toUpperCase(Locale.ROOT));
  }

  /**
   * The countries and nationalities inside a headline phrase that is no name ("US Forces Are Not
   * Occupiers" keeps "US", "Broad Israeli Attack" keeps "Israeli"). Only those: a city or a company
   * in a title-case line is too often part of another name ("Saratoga Springs", "Toyota Music
   * Factory", "Man Shot at ..."). Not in a person's name either: "Austin Visits".
   */
  private List<NameSpan> knownParts(List<Token> toks, NameSpan sp) {
    List<NameSpan> out = new ArrayList<>();
    if (sp.type().equals("PER")) {
      return out;
    }
    int i = sp.start();
    while (i < sp.end()) {
      int e = sp.end();
      while (e > i && !(e - i < sp.end() - sp.start() && isCountry(text(toks, i, e)))) {
        e--;
      }
      if (e > i) {
        out.add(new NameSpan("LOC", i, e));
        i = e;
      } else {
        if (demonyms.contains(norm(toks.get(i).text()))) {
          out.add(new NameSpan("MISC", i, i + 1));
        }
        i++;
      }
    }
    return out;
  }

  /**
   * A headline's span stays when it is a known name, or when the body names it too or writes each
   * of its words capitalised mid-sentence and none in lower case.
   */
  private boolean confirmed(
      List<Token> toks,
      NameSpan sp,
      Set<String> lowerWords,
      Set<String> capitalWords,
      Set<String> bodyNames) {
    String all = text(toks, sp.start(), sp.end());
    if (bodyNames.contains(all) || isKnownOrg(all) || places.contains(all)) {
      return true;
    }
    if (EntityAliases.lookup(CanonicalKeys.fold(all)) != null) {
      return true;
    }
    // A person's name that starts with a first name stands on its own in a byline, a caption or
    // a scorer's line ("Conversion: Hal Trent"), unless the body writes one of its words in lower
    // case ("Austin Visits").
    boolean person =
        sp.type().equals("PER")
            && sp.end() - sp.start() >= 2
            && firstNames.contains(norm(toks.get(sp.start()).text()));
    for (int i = sp.start(); i < sp.end(); i++) {
      String w = norm(toks.get(i).text());
      if (CLAUSE_WORDS.contains(w)
          || lowerWords.contains(w) && w.length() > 1
          || !person && !capitalWords.contains(w) && Character.isLetter(w.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  /** Small words a title-case headline leaves in lower case ("Iraq Preoccupied with ..."). */
  private static final Set<String> HEADLINE_LOWER =
      Set.of(
          "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "but", "nor", "with", "at",
          "by", "from", "as", "vs", "vs.", "into", "over", "after", "amid", "about", "than", "upon",
          "via", "per");

  /**
   * Headlines and label lines: every word is capitalised but for small function words, and at least
   * two longer words are ("Farmers Are Not Protesters"; not "Maria Lopez met officials"); a line of
   * results (two numbers, or one in front) is not one.
   */
  static boolean titleCase(List<Token> toks) {
    if (toks.isEmpty() || toks.size() > 30) {
      return false;
    }
    int capital = 0;
    int numbers = 0;
    boolean anyLetter = false;
    for (Token t : toks) {
      String w = t.text();
      if (Character.isDigit(w.charAt(0))) {
        numbers++;
      }
      if (!Character.isLetter(w.charAt(0))) {
        continue;
      }
      anyLetter = true;
      if (Character.isLowerCase(w.charAt(0))) {
        if (!HEADLINE_LOWER.contains(w) && !w.startsWith("al-") && !w.startsWith("el-")) {
          return false;
        }
      } else if (w.length() >= 4) {
        capital++;
      }
    }
    // A list of names ("Ames, Baird, Cole, Dunn") is no headline either.
    int commas = 0;
    for (Token t : toks) {
      commas += t.text().equals(",") ? 1 : 0;
    }
    if (commas >= 3) {
      return false;
    }
    // Results, tables and datelines are data, not headlines: "2. Ana Roth (Chile) 12.74", "Leeds
    // 2 York 1", "OSLO 1996-08-30".
    if (numbers >= 2
        || numbers == 1
            && (Character.isDigit(toks.get(0).text().charAt(0))
                || Character.isDigit(lastWord(toks).charAt(0)))) {
      return false;
    }
    // A short line of capitalised words is a label ("Reply", "Adblock Detected").
    return capital >= 2 || anyLetter && toks.size() <= 3;
  }

  /** The last token that is not punctuation (the last token when all are). */
  private static String lastWord(List<Token> toks) {
    for (int i = toks.size() - 1; i >= 0; i--) {
      String w = toks.get(i).text();
      if (Character.isLetterOrDigit(w.charAt(0))) {
        return w;
      }
    }
    return toks.get(toks.size() - 1).text();
  }

  private boolean roleBefore(List<Token> toks, int s) {
    for (int i = s - 1; i >= Math.max(0, s - 4); i--) {
      String w = norm(toks.get(i).text());
      if (isRole(w)) {
        return true;
      }
      if (!has("QUALIFIER", w)) {
        return false;
      }
    }
    return false;
  }

  /** An office word that is not itself a name ("Defense", "Foreign"; not "US" or "NATO"). */
  private boolean office(String w) {
    return has("QUALIFIER", w)
        && !isPlace(w)
        && !isKnownOrg(w)
        && EntityAliases.lookup(CanonicalKeys.fold(w)) == null;
  }

  private boolean facilityHead(List<Token> toks, int e) {
    String next = norm(toks.get(e).text());
    if (FACILITY_HEADS.contains(next)) {
      return true;
    }
    return (next.equals("air") || next.equals("military") || next.equals("naval"))
        && e + 1 < toks.size()
        && FACILITY_HEADS.contains(norm(toks.get(e + 1).text()));
  }

  /** A first name followed by another name word: "Lloyd Austin", not "French Ambassador". */
  private boolean hasFirstName(List<Token> toks, int s, int e) {
    for (int i = s; i + 1 < e; i++) {
      String w = norm(toks.get(i).text());
      String next = norm(toks.get(i + 1).text());
      if (firstNames.contains(w)
          && !isRole(w)
          && !has("QUALIFIER", w)
          && !isRole(next)
          && !has("QUALIFIER", next)) {
        return true;
      }
    }
    return false;
  }

  private boolean orgOrPlaceEnding(List<Token> toks, int s, int e) {
    String last = norm(toks.get(e - 1).text());
    String all = text(toks, s, e);
    return has("ORG_SUFFIX", last)
        || has("GEO_FEATURE", last)
        || has("VENUE", last)
        || isKnownOrg(all)
        || places.contains(all)
        || EntityAliases.lookup(CanonicalKeys.fold(all)) != null;
  }

  private static boolean capitalised(List<Token> toks, int s, int e) {
    for (int i = s; i < e; i++) {
      String w = toks.get(i).text();
      if (!Character.isUpperCase(w.charAt(0)) && !w.startsWith("al-") && !w.startsWith("el-")) {
        return false;
      }
    }
    return true;
  }

  /**
   * A nationality word before a role ("Kenyan", "Iraqi", "British"): one the list holds, or one
   * shaped like one that is not also a first name ("Alan" and "Ali" are people).
   */
  private boolean nationality(Token t) {
    String w = norm(t.text());
    return demonyms.contains(w) || demonym(t) && !firstNames.contains(w);
  }

  private static boolean demonym(Token t) {
    String w = t.text();
    if (w.length() < 4 || !Character.isUpperCase(w.charAt(0))) {
      return false;
    }
    String l = w.toLowerCase(Locale.ROOT);
    return l.endsWith("i") || l.endsWith("an") || l.endsWith("ese") || l.endsWith("ish");
  }

  /** A country by its name or an alias of it ("US", "U.S.", "America"). */
  private boolean isCountry(String normalised) {
    if (countries.contains(normalised)) {
      return true;
    }
    EntityAliases.Alias a = EntityAliases.lookup(CanonicalKeys.fold(normalised));
    return a != null && a.type().equals("LOC") && countries.contains(norm(a.canonical()));
  }

  boolean isPlace(String normalised) {
    if (places.contains(normalised)) {
      return true;
    }
    EntityAliases.Alias a = EntityAliases.lookup(CanonicalKeys.fold(normalised));
    return a != null && a.type().equals("LOC");
  }

  /** A maker whose name starts its products' names ("Toyota", "Airbus"). */
  boolean isProductMaker(String normalised) {
    return has("PRODUCT_MAKER", normalised);
  }

  boolean isKnownOrg(String normalised) {
    return has("ORG", normalised);
  }

  boolean isFirstName(String word) {
    return firstNames.contains(norm(word));
  }

  /** A role word, or a hyphenated compound of one ("vice-president", "co-chair", "ex-minister"). */
  private boolean isRole(String normalised) {
    if (has("ROLE", normalised)) {
      return true;
    }
    // The last part a role, the first a prefix or a role too; not "Al-Sheikh", a family name.
    int dash = normalised.lastIndexOf('-');
    if (dash <= 0 || dash == normalised.length() - 1) {
      return false;
    }
    String head = normalised.substring(0, normalised.indexOf('-'));
    return has("ROLE", normalised.substring(dash + 1))
        && (ROLE_PREFIXES.contains(head) || has("ROLE", head) || has("QUALIFIER", head));
  }

  private static final Set<String> ROLE_PREFIXES = Set.of("vice", "co", "ex", "under", "sub");

  private boolean has(String category, String normalised) {
    Set<String> set = words.get(category);
    return set != null && set.contains(normalised);
  }

  private static String text(List<Token> toks, int s, int e) {
    StringBuilder b = new StringBuilder();
    for (int i = s; i < e; i++) {
      if (i > s) {
        b.append(' ');
      }
      b.append(norm(toks.get(i).text()));
    }
    return b.toString();
  }

  /** Lower case without diacritics, typographic apostrophes made plain. */
  static String norm(String s) {
    // Called for nearly every token: a word of ASCII characters only (most words) has no marks or
    // typographic apostrophes, so its lower case is all there is to do, without building a copy
    // when it is lower case already.
    return CanonicalKeys.isAscii(s) ? s.toLowerCase(Locale.ROOT) : normDecomposed(s);
  }

  /**
   * {@link #norm} the long way, for any text: decomposed, marks dropped, apostrophes made plain.
   */
  static String normDecomposed(String s) {
    String d = CanonicalKeys.decompose(s);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      b.append(c == '\u2019' || c == '\u2018' ? '\'' : Character.toLowerCase(c));
    }
    return b.toString();
  }
}
