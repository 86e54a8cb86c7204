package io.newsdesk.enrich.entities;

import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups the mentions of one article into entities: aliases ("US", "U.S." → "United States"), short
 * forms and surnames of people ("Hussein" → "Fuad Mohammed Hussein"), acronyms of names spelled out
 * in the same article; picks the fullest form as canonical and scores salience from title, lead and
 * frequency. Stateless and thread-safe.
 */
final class EntityResolver {

  /** One mention found in the title or the text; offsets index the text (or the title). */
  record RawMention(
      String type, String text, int start, int end, boolean inTitle, boolean inLead) {}

  /** The types of names, as against numbers, dates and amounts. */
  static final Set<String> NAME_TYPES = Set.of("PER", "ORG", "LOC", "MISC");

  private static final Set<String> ACRONYM_STOP = Set.of("of", "the", "and", "for", "in", "on");

  private static final class Group {
    String type;
    String aliasCanonical;
    List<String> folded;
    final List<RawMention> mentions = new ArrayList<>();
    Group mergedInto;

    Group root() {
      Group g = this;
      while (g.mergedInto != null) {
        g = g.mergedInto;
      }
      return g;
    }
  }

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern WORD_BREAK = Pattern.compile("[\\s-]+");

  private EntityResolver() {}

  static List<Entity> resolve(List<RawMention> mentions) {
    return resolve(mentions, List.of());
  }

  /**
   * As {@link #resolve(List)}, where each of {@code glosses} ({name, gloss} indexes into {@code
   * mentions}) says that a mention is an acronym of the name right before it ("Social Democrats
   * (SPD)"): the acronym's mentions join that name whatever its initials.
   */
  static List<Entity> resolve(List<RawMention> mentions, List<int[]> glosses) {
    Group[] groupOf = new Group[mentions.size()];
    int at = -1;
    // The folded words of each distinct name text: a name is mostly mentioned by the same text
    // again and again, and its folding is read again when the canonical form is chosen.
    Map<String, List<String>> folds = new HashMap<>();
    Map<String, Group> groups = new LinkedHashMap<>();
    for (RawMention m : mentions) {
      at++;
      List<String> folded =
          NAME_TYPES.contains(m.type())
              ? fold(folds, m.text())
              : List.of(SPACES.matcher(m.text().toLowerCase(Locale.ROOT)).replaceAll(" "));
      if (folded.isEmpty()) {
        continue;
      }
      EntityAliases.Alias alias =
          NAME_TYPES.contains(m.type()) ? EntityAliases.lookup(folded) : null;
      String id;
      if (alias != null) {
        id = "alias:" + alias.type() + ":" + alias.canonical();
      } else {
        id = m.type() + ":" + String.join(" ", folded);
      }
      Group g = groups.get(id);
      if (g == null) {
        g = new Group();
        g.type = alias != null ? alias.type() : m.type();
        g.aliasCanonical = alias != null ? alias.canonical() : null;
        g.folded = alias != null ? CanonicalKeys.fold(alias.canonical()) : folded;
        groups.put(id, g);
      }
      g.mentions.add(m);
      groupOf[at] = g;
    }
    for (int[] pair : glosses) {
      Group name = groupOf[pair[0]];
      Group gloss = groupOf[pair[1]];
      if (name != null
          && gloss != null
          && name.root() != gloss.root()
          && gloss.mergedInto == null
          && gloss.aliasCanonical == null
          && gloss.folded.size() == 1
          && gloss.type.equals(name.type)) {
        gloss.mergedInto = name.root();
      }
    }
    List<Group> all = new ArrayList<>(groups.values());
    mergeShortForms(all);
    mergeAcronyms(all);
    mergeSameKeys(all);
    Map<Group, List<RawMention>> byRoot = collectAll(all);
    List<Entity> out = new ArrayList<>();
    Map<Group, double[]> weight = new HashMap<>();
    double max = 0;
    for (Group g : all) {
      if (g.mergedInto != null) {
        continue;
      }
      List<RawMention> ms = byRoot.get(g);
      double w = 0;
      int inText = 0;
      for (RawMention m : ms) {
        w += m.inTitle() ? 3 : m.inLead() ? 2 : 1;
        if (!m.inTitle()) {
          inText++;
        }
      }
      if (inText == 0) {
        continue;
      }
      weight.put(g, new double[] {w});
      max = Math.max(max, w);
      String canonical = canonical(g, ms, folds);
      List<Mention> list = new ArrayList<>();
      for (RawMention m : ms) {
        if (!m.inTitle()) {
          list.add(new Mention(m.text(), m.start(), m.end()));
        }
      }
      list.sort(Comparator.comparingInt(Mention::getStart));
      String key =
          NAME_TYPES.contains(g.type)
              ? CanonicalKeys.key(g.type, canonical)
              : g.type + ":" + String.join(" ", g.folded);
      out.add(
          Entity.newBuilder()
              .setKey(key)
              .setCanonical(canonical)
              .setType(g.type)
              .setMentions(list)
              .setCount(list.size())
              .setSalience(w)
              .setSentiment(null)
              .build());
    }
    for (Entity e : out) {
      e.setSalience(max == 0 ? 0 : Math.round(1000 * e.getSalience() / max) / 1000.0);
    }
    out.sort(
        Comparator.comparingDouble((Entity e) -> -e.getSalience())
            .thenComparingInt(e -> e.getMentions().get(0).getStart()));
    return out;
  }

  /** Each root's mentions, its own and those of the groups merged into it, in group order. */
  private static Map<Group, List<RawMention>> collectAll(List<Group> all) {
    Map<Group, List<RawMention>> byRoot = new HashMap<>();
    for (Group g : all) {
      byRoot.computeIfAbsent(g.root(), r -> new ArrayList<>()).addAll(g.mentions);
    }
    return byRoot;
  }

  /**
   * "Hussein" and "Fuad Hussein" join "Fuad Mohammed Hussein" when their words appear in it. Longer
   * names are looked up through an index by word (a lone word: by first and last word of a person
   * named in full), so the work grows with the candidates sharing a word, not with all pairs.
   */
  private static void mergeShortForms(List<Group> all) {
    List<Group> byLength = new ArrayList<>(all);
    byLength.sort(Comparator.comparingInt((Group g) -> -g.folded.size()));
    // Positions in byLength of the groups holding a word; of persons, by first and by last word.
    Map<String, List<Integer>> byWord = new HashMap<>();
    Map<String, List<Integer>> personByEnd = new HashMap<>();
    // Organisations of two words or more by their last word ("Commission" of "European
    // Commission").
    Map<String, List<Integer>> orgByHead = new HashMap<>();
    for (int i = 0; i < byLength.size(); i++) {
      Group g = byLength.get(i);
      for (String t : new java.util.LinkedHashSet<>(g.folded)) {
        byWord.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
      }
      if (g.type.equals("ORG") && g.folded.size() >= 2) {
        orgByHead.computeIfAbsent(last(g.folded), k -> new ArrayList<>()).add(i);
      }
      if (g.type.equals("PER")) {
        personByEnd.computeIfAbsent(g.folded.get(0), k -> new ArrayList<>()).add(i);
        if (!last(g.folded).equals(g.folded.get(0))) {
          personByEnd.computeIfAbsent(last(g.folded), k -> new ArrayList<>()).add(i);
        }
      }
    }
    for (Group small : byLength) {
      if (small.aliasCanonical != null
          || small.mergedInto != null
          || !NAME_TYPES.contains(small.type)) {
        continue; // an alias, or an acronym already joined to the name it glosses
      }
      Group best = null;
      for (int i : candidates(small, byWord, personByEnd)) {
        Group big = byLength.get(i);
        if (big == small || big.mergedInto != null || big.folded.size() <= small.folded.size()) {
          continue;
        }
        boolean person = big.type.equals("PER");
        boolean sameType = big.type.equals(small.type);
        // A lone surname tagged as another type is still the person named in full nearby.
        boolean eligible =
            person && (sameType || small.folded.size() == 1)
                || sameType && !person && small.folded.size() >= 2;
        if (!eligible || !isSubsequence(small.folded, big.folded)) {
          continue;
        }
        if (person
            && small.folded.size() == 1
            && !small.folded.get(0).equals(last(big.folded))
            && !small.folded.get(0).equals(big.folded.get(0))) {
          continue;
        }
        if (best == null || count(big) > count(best)) {
          best = big;
        }
      }
      if (best == null && small.type.equals("ORG") && small.folded.size() == 1) {
        best = onlyOrgHeadedBy(small, byLength, orgByHead);
      }
      if (best == null && small.type.equals("MISC") && small.folded.size() == 1) {
        best = onlyProductNaming(small, byLength, byWord);
      }
      if (best != null) {
        small.mergedInto = best;
      }
    }
  }

  /**
   * "the Commission" after "the European Commission": a lone word is the organisation it heads when
   * the article names exactly one such organisation (two courts: "Court" stays its own).
   */
  private static Group onlyOrgHeadedBy(
      Group small, List<Group> byLength, Map<String, List<Integer>> orgByHead) {
    Group only = null;
    for (int i : orgByHead.getOrDefault(small.folded.get(0), List.of())) {
      Group big = byLength.get(i).root();
      if (big == small.root()) {
        continue;
      }
      if (only != null && only != big) {
        return null;
      }
      only = big;
    }
    return only;
  }

  /**
   * "Sentra" after "Nissan Sentra", "Switch" after "Nintendo Switch Lite": a lone word of a
   * product's model is that product when the article names exactly one product holding it.
   */
  private static Group onlyProductNaming(
      Group small, List<Group> byLength, Map<String, List<Integer>> byWord) {
    Group only = null;
    for (int i : byWord.getOrDefault(small.folded.get(0), List.of())) {
      Group big = byLength.get(i);
      if (big.root() == small.root()
          || !big.type.equals("MISC")
          || big.folded.size() < 2
          || big.folded.get(0).equals(small.folded.get(0))
          || !NewsNameRules.shared().isProductMaker(big.folded.get(0))) {
        continue;
      }
      if (only != null && only != big.root()) {
        return null;
      }
      only = big.root();
    }
    return only;
  }

  /**
   * The groups that may hold {@code small}, in byLength order: a lone word joins only a person
   * whose first or last word it is; longer names need every word, so the rarest word's list holds
   * all candidates.
   */
  private static List<Integer> candidates(
      Group small, Map<String, List<Integer>> byWord, Map<String, List<Integer>> personByEnd) {
    if (small.folded.size() == 1) {
      return personByEnd.getOrDefault(small.folded.get(0), List.of());
    }
    List<Integer> rarest = null;
    for (String t : small.folded) {
      List<Integer> l = byWord.getOrDefault(t, List.of());
      if (rarest == null || l.size() < rarest.size()) {
        rarest = l;
      }
    }
    return rarest;
  }

  /** Spellings with one canonical key ("Mohammed Shia", "Mohammad Shiaa") are one entity. */
  private static void mergeSameKeys(List<Group> all) {
    // Mentions per root so far, kept up to date as roots merge (no rescans of all groups).
    Map<Group, Integer> total = new HashMap<>();
    for (Group g : all) {
      total.merge(g.root(), g.mentions.size(), Integer::sum);
    }
    Map<String, Group> byKey = new HashMap<>();
    for (Group g : all) {
      if (g.mergedInto != null || g.aliasCanonical != null || !NAME_TYPES.contains(g.type)) {
        continue;
      }
      String key = CanonicalKeys.key(g.type, String.join(" ", g.folded));
      Group first = byKey.putIfAbsent(key, g);
      if (first == null) {
        continue;
      }
      Group a = first.root();
      if (a == g) {
        continue;
      }
      int ga = total.getOrDefault(g, 0);
      int aa = total.getOrDefault(a, 0);
      if (ga > aa) {
        a.mergedInto = g;
        total.put(g, ga + aa);
        total.remove(a);
        byKey.put(key, g);
      } else {
        g.mergedInto = a;
        total.put(a, ga + aa);
        total.remove(g);
      }
    }
  }

  /** "PMF" joins "Popular Mobilization Forces" spelled out in the same article. */
  private static void mergeAcronyms(List<Group> all) {
    // Names of two words or more (no persons) by their initials, in group order.
    Map<String, List<Group>> byInitials = new HashMap<>();
    for (Group big : all) {
      if (big.folded.size() < 2 || big.type.equals("PER")) {
        continue;
      }
      StringBuilder initials = new StringBuilder();
      for (String t : big.folded) {
        if (!ACRONYM_STOP.contains(t)) {
          initials.append(t.charAt(0));
        }
      }
      byInitials.computeIfAbsent(initials.toString(), k -> new ArrayList<>()).add(big);
    }
    for (Group small : all) {
      if (small.mergedInto != null || small.aliasCanonical != null || small.folded.size() != 1) {
        continue;
      }
      String text = small.mentions.get(0).text();
      if (text.length() < 2 || text.length() > 6 || !text.equals(text.toUpperCase(Locale.ROOT))) {
        continue;
      }
      for (Group big : byInitials.getOrDefault(small.folded.get(0), List.of())) {
        if (big != small && big.mergedInto == null) {
          small.mergedInto = big;
          break;
        }
      }
    }
  }

  /**
   * {@link CanonicalKeys#fold} of {@code text}, folded once per distinct text (not to be written).
   */
  private static List<String> fold(Map<String, List<String>> folds, String text) {
    List<String> f = folds.get(text);
    if (f == null) {
      f = CanonicalKeys.fold(text);
      folds.put(text, f);
    }
    return f;
  }

  private static String canonical(Group g, List<RawMention> ms, Map<String, List<String>> folds) {
    if (g.aliasCanonical != null) {
      return g.aliasCanonical;
    }
    // Mentions of one text compare equal, so the first of each distinct text (in mention order)
    // decides: the fullest form, then mixed case, then the most frequent, earliest on ties.
    Map<String, Integer> freq = new LinkedHashMap<>();
    for (RawMention m : ms) {
      freq.merge(m.text(), 1, Integer::sum);
    }
    String text = null;
    int bestLen = -1;
    boolean bestMixed = true;
    int bestFreq = 0;
    for (Map.Entry<String, Integer> e : freq.entrySet()) {
      String t = e.getKey();
      int len = fold(folds, t).size();
      boolean mixed = mixedCase(t);
      // Of equally full forms the mixed-case one wins: an all-caps dateline is no canonical name.
      int cased = Boolean.compare(mixed, text == null || bestMixed);
      if (text == null
          || len > bestLen
          || len == bestLen && cased > 0
          || len == bestLen && cased == 0 && e.getValue() > bestFreq) {
        text = t;
        bestLen = len;
        bestMixed = mixed;
        bestFreq = e.getValue();
      }
    }
    if (!mixedCase(text) && !g.type.equals("ORG") && longWords(text)) {
      // Only ever seen shouted ("BAGHDAD," in a dateline, "GERMAN" in a line of capitals): a
      // place, person or nationality is written in mixed case; organisations keep acronyms.
      return titleCase(text);
    }
    return text;
  }

  /**
   * All-caps words of four letters or more are shouting, not acronyms ("BAGHDAD", not "UAE"); so is
   * a name of several words with one such word ("SAN FRANCISCO", "NEW YORK").
   */
  private static boolean longWords(String text) {
    String[] words = WORD_BREAK.split(text);
    int lettersOnly = 0;
    boolean anyLong = false;
    for (String w : words) {
      if (w.length() >= 4) {
        anyLong = true;
      }
      if (!w.isEmpty() && w.chars().allMatch(Character::isLetter)) {
        lettersOnly++;
      }
    }
    if (words.length == 1) {
      return words[0].length() >= 4;
    }
    // Every word plain letters: "U.S. ARMY" or "G7 STATES" keep their acronyms.
    return anyLong && lettersOnly == words.length;
  }

  static String titleCase(String text) {
    StringBuilder b = new StringBuilder(text.length());
    boolean start = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(start ? c : Character.toLowerCase(c));
      start = !Character.isLetter(c) && c != '\'' && c != '\u2019';
    }
    return b.toString();
  }

  private static boolean mixedCase(String text) {
    return !text.equals(text.toUpperCase(Locale.ROOT));
  }

  private static int count(Group g) {
    return g.mentions.size();
  }

  private static String last(List<String> l) {
    return l.get(l.size() - 1);
  }

  private static boolean isSubsequence(List<String> small, List<String> big) {
    int j = 0;
    for (String t : big) {
      if (j < small.size() && small.get(j).equals(t)) {
        j++;
      }
    }
    return j == small.size();
  }
}
