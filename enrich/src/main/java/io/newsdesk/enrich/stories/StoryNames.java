package io.newsdesk.enrich.stories;

import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names across a story: a bare surname or partial name of a person ("Hussein") takes the key and
 * canonical name of the one person of the story whose full name holds it ("Fuad Hussein"). With no
 * candidate, or more than one, the entity keeps its own key. The people of a story are kept in its
 * {@link StoryState}, at most {@link #MAX_PEOPLE}, most recently named last.
 */
final class StoryNames {

  static final int MAX_PEOPLE = 60;

  private StoryNames() {}

  /**
   * Rewrites the article's partial person names against the story's people, then adds the article's
   * full names to them. Returns how many entities were resolved.
   */
  static int resolve(EnrichedArticle article, Map<String, String> people) {
    return resolve(article.getEntities(), people);
  }

  /** As {@link #resolve(EnrichedArticle, Map)}, on the article's entities (its people suffice). */
  static int resolve(List<Entity> entities, Map<String, String> people) {
    int resolved = 0;
    Map<String, Entity> byKey = new LinkedHashMap<>();
    for (Entity e : entities) {
      byKey.put(e.getKey(), e);
    }
    for (Entity e : entities) {
      if (!e.getType().equals("PER")) {
        continue;
      }
      String match = fullNameOf(e.getKey(), people);
      if (match != null && !byKey.containsKey(match)) {
        e.setKey(match);
        e.setCanonical(people.get(match));
        resolved++;
      }
    }
    for (Entity e : entities) {
      if (e.getType().equals("PER") && words(e.getKey()).size() >= 2) {
        String canonical = people.remove(e.getKey());
        // The fullest form seen wins: "Fuad Mohammed Hussein" over "Fuad Hussein".
        people.put(e.getKey(), fuller(canonical, e.getCanonical()));
      }
    }
    Iterator<String> oldest = people.keySet().iterator();
    while (people.size() > MAX_PEOPLE && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
    return resolved;
  }

  /**
   * The key of the one person of {@code people} whose full name ends in the bare surname {@code
   * key} ("PER:hussein" gives "PER:fuad hussein"), or null: not a bare person surname, no such
   * person, or several.
   */
  static String fullNameOf(String key, Map<String, String> people) {
    if (!key.startsWith("PER:")) {
      return null;
    }
    List<String> words = words(key);
    if (words.size() != 1) {
      return null; // first and last name already: the key is the person's
    }
    String match = null;
    for (String full : people.keySet()) {
      List<String> fw = words(full);
      if (fw.size() >= 2 && fw.get(fw.size() - 1).equals(words.get(0))) {
        if (match != null) {
          return null;
        }
        match = full;
      }
    }
    return match;
  }

  /**
   * The story-level key of each of {@code keys} that is a bare surname of exactly one person of
   * {@code people}: what the story's own view folds, whatever order its articles came in.
   */
  static Map<String, String> aliases(Collection<String> keys, Map<String, String> people) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : keys) {
      String full = fullNameOf(k, people);
      if (full != null) {
        out.put(k, full);
      }
    }
    return out;
  }

  /**
   * Of two written forms of one name, the one a reader should see, the same whichever came first:
   * more words, then mixed case over all-caps ("Baghdad" over "BAGHDAD"), then the first in
   * alphabetical order.
   */
  static String fuller(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int byWords = Integer.compare(a.split("\\s+").length, b.split("\\s+").length);
    if (byWords != 0) {
      return byWords > 0 ? a : b;
    }
    boolean capsA = a.equals(a.toUpperCase(Locale.ROOT)) && !a.equals(a.toLowerCase(Locale.ROOT));
    boolean capsB = b.equals(b.toUpperCase(Locale.ROOT)) && !b.equals(b.toLowerCase(Locale.ROOT));
    if (capsA != capsB) {
      return capsA ? b : a;
    }
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The name words of a key: "PER:fuad hussein" is [fuad, hussein]. */
  private static List<String> words(String key) {
    int colon = key.indexOf(':');
    String name = colon < 0 ? key : key.substring(colon + 1);
    return name.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(name.split(" ")));
  }
}
