package io.newsdesk.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Word valences (VADER's lexicon with Newsdesk's news overrides) and the modifier word lists. */
final class Lexicon {

  /** VADER's MIT-licensed lexicon, shipped inside the vader-sentiment-analyzer jar. */
  static final String VADER_RESOURCE = "/vader_sentiment_lexicon.txt";

  static final String NEWS_RESOURCE = "/io/newsdesk/enrich/sentiment/news-lexicon.tsv";
  static final String ACTIVITY_RESOURCE = "/io/newsdesk/enrich/sentiment/activity-words.txt";

  private static final WordTable NEGATORS =
      WordTable.of(
          "not",
          "no",
          "never",
          "nor",
          "neither",
          "nobody",
          "nothing",
          "none",
          "nowhere",
          "without",
          "cannot",
          "cant",
          "dont",
          "didnt",
          "doesnt",
          "isnt",
          "wasnt",
          "arent",
          "werent",
          "wont",
          "wouldnt",
          "couldnt",
          "shouldnt",
          "hasnt",
          "havent",
          "hadnt",
          "aint",
          "lack",
          "lacks",
          "lacked",
          "lacking",
          "unable",
          "rarely",
          "seldom");

  /** Verbs that negate what follows when followed by "to": "failed to pass". */
  private static final WordTable FAILURE_VERBS =
      WordTable.of(
          "fail",
          "fails",
          "failed",
          "failing",
          "refuse",
          "refuses",
          "refused",
          "refusing",
          "declined",
          "declines",
          "rejected",
          "blocked",
          "stopped",
          "halted",
          "vetoed");

  private static final Map<String, Float> BOOSTERS =
      Map.ofEntries(
          Map.entry("absolutely", 1f),
          Map.entry("very", 1f),
          Map.entry("extremely", 1f),
          Map.entry("highly", 1f),
          Map.entry("hugely", 1f),
          Map.entry("deeply", 1f),
          Map.entry("greatly", 1f),
          Map.entry("incredibly", 1f),
          Map.entry("really", 1f),
          Map.entry("so", 1f),
          Map.entry("too", 1f),
          Map.entry("totally", 1f),
          Map.entry("utterly", 1f),
          Map.entry("most", 1f),
          Map.entry("more", 1f),
          Map.entry("especially", 1f),
          Map.entry("particularly", 1f),
          Map.entry("completely", 1f),
          Map.entry("entirely", 1f),
          Map.entry("fully", 1f),
          Map.entry("remarkably", 1f),
          Map.entry("seriously", 1f),
          Map.entry("strongly", 1f),
          Map.entry("sharply", 1f),
          Map.entry("severely", 1f),
          Map.entry("massive", 1f),
          Map.entry("enormous", 1f),
          Map.entry("slightly", -1f),
          Map.entry("somewhat", -1f),
          Map.entry("barely", -1f),
          Map.entry("hardly", -1f),
          Map.entry("marginally", -1f),
          Map.entry("partly", -1f),
          Map.entry("less", -1f),
          Map.entry("little", -1f),
          Map.entry("mildly", -1f),
          Map.entry("relatively", -1f),
          Map.entry("fairly", -1f),
          Map.entry("modestly", -1f));

  private static final WordTable CONTRAST_AFTER = WordTable.of("but", "however", "nevertheless");
  private static final WordTable CONTRAST_BEFORE =
      WordTable.of("although", "though", "while", "whereas", "despite");

  private static final WordTable SELF_GROUP =
      WordTable.of("i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves");

  private static final Lexicon DEFAULT = load();

  /** Row of each lexicon word in {@link #valences}. */
  private final WordTable words;

  private final float[] valences;
  private final Set<String> activity;

  private Lexicon(Map<String, Float> valence, Set<String> activity) {
    Map<String, Integer> rows = new HashMap<>(valence.size() * 2);
    this.valences = new float[valence.size()];
    for (Map.Entry<String, Float> e : new java.util.TreeMap<>(valence).entrySet()) {
      valences[rows.size()] = e.getValue();
      rows.put(e.getKey(), rows.size());
    }
    this.words = new WordTable(rows);
    this.activity = activity;
  }

  /** The shared, immutable default lexicon. */
  static Lexicon defaults() {
    return DEFAULT;
  }

  private static Lexicon load() {
    Map<String, Float> valence = new HashMap<>(16_384);
    readTsv(VADER_RESOURCE, valence);
    // News overrides replace VADER's entries; zero removes the word.
    readTsv(NEWS_RESOURCE, valence);
    valence.values().removeIf(v -> v == 0f);
    Set<String> activity = new HashSet<>();
    try (BufferedReader in = open(ACTIVITY_RESOURCE)) {
      for (String line; (line = in.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          activity.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Lexicon(Map.copyOf(valence), Set.copyOf(activity));
  }

  private static void readTsv(String resource, Map<String, Float> into) {
    try (BufferedReader in = open(resource)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          continue;
        }
        int tab2 = line.indexOf('\t', tab + 1);
        String value = line.substring(tab + 1, tab2 < 0 ? line.length() : tab2).strip();
        into.put(line.substring(0, tab).toLowerCase(Locale.ROOT), Float.parseFloat(value));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedReader open(String resource) {
    InputStream in = Lexicon.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing classpath resource " + resource);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Valence of a lower-cased word on VADER's -4..4 scale; 0 when unknown. */
  float valence(String word) {
    int row = words.get(word);
    return row < 0 ? 0f : valences[row];
  }

  boolean isNegator(String word) {
    return NEGATORS.contains(word) || word.endsWith("n't");
  }

  boolean isFailureVerb(String word) {
    return FAILURE_VERBS.contains(word);
  }

  /** +1 for an intensifier, -1 for a dampener, 0 otherwise. */
  float booster(String word) {
    Float b = BOOSTERS.get(word);
    return b == null ? 0f : b;
  }

  boolean isContrastAfter(String word) {
    return CONTRAST_AFTER.contains(word);
  }

  boolean isContrastBefore(String word) {
    return CONTRAST_BEFORE.contains(word);
  }

  boolean isSelfGroup(String word) {
    return SELF_GROUP.contains(word);
  }

  /** Whether a word is an inflection of an activity verb (attacked, votes, launching). */
  boolean isActivity(String word) {
    if (activity.contains(word)) {
      return true;
    }
    int n = word.length();
    if (n > 3 && word.endsWith("s") && activity.contains(word.substring(0, n - 1))) {
      return true;
    }
    if (n > 4 && word.endsWith("ed")) {
      String stem = word.substring(0, n - 2);
      return activity.contains(stem)
          || activity.contains(stem + "e")
          || (stem.length() > 2
              && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)
              && activity.contains(stem.substring(0, stem.length() - 1)));
    }
    if (n > 5 && word.endsWith("ing")) {
      String stem = word.substring(0, n - 3);
      return activity.contains(stem)
          || activity.contains(stem + "e")
          || (stem.length() > 2
              && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)
              && activity.contains(stem.substring(0, stem.length() - 1)));
    }
    return false;
  }
}
