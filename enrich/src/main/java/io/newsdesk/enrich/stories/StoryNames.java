package io.newsdesk.enrich.stories;

import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
    int resolved = 0;
    List<Entity> entities = article.getEntities();
    Map<String, Entity> byKey = new LinkedHashMap<>();
    for (Entity e : entities) {
      byKey.put(e.getKey(), e);
    }
    for (Entity e : entities) {
      if (!e.getType().equals("PER")) {
        continue;
      }
      List<String> words = words(e.getKey());
      if (words.size() != 1) {
        continue; // first and last name already: the key is the person's
      }
      String match = null;
      int candidates = 0;
      for (String full : people.keySet()) {
        List<String> fw = words(full);
        if (fw.size() >= 2 && (fw.get(fw.size() - 1).equals(words.get(0)))) {
          candidates++;
          match = full;
        }
      }
      if (candidates == 1 && !byKey.containsKey(match)) {
        e.setKey(match);
        e.setCanonical(people.get(match));
        resolved++;
      }
    }
    for (Entity e : entities) {
      if (e.getType().equals("PER") && words(e.getKey()).size() >= 2) {
        String canonical = people.remove(e.getKey());
        // The fullest form seen wins: "Fuad Mohammed Hussein" over "Fuad Hussein".
        people.put(e.getKey(), longer(canonical, e.getCanonical()));
      }
    }
    Iterator<String> oldest = people.keySet().iterator();
    while (people.size() > MAX_PEOPLE && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
    return resolved;
  }

  private static String longer(String a, String b) {
    if (a == null) {
      return b;
    }
    return b.split("\\s+").length > a.split("\\s+").length ? b : a;
  }

  /** The name words of a key: "PER:fuad hussein" is [fuad, hussein]. */
  private static List<String> words(String key) {
    int colon = key.indexOf(':');
    String name = colon < 0 ? key : key.substring(colon + 1);
    return name.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(name.split(" ")));
  }
}
