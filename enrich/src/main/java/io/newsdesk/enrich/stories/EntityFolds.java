package io.newsdesk.enrich.stories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which per-article entity keys the open stories fold into another key when answering: a bare
 * surname ("PER:ferreyra") into the one person of its story named in full ("PER:lucia ferreyra"),
 * as {@link StoryState} does for a story's own weights. Read-time answers that count per-article
 * keys (trending, one entity's history) go through it, so that they depend on which articles were
 * read, not on their order. A surname that two stories fold into different people keeps its own
 * key. Immutable; built per answer from the open stories (bounded), so cheap.
 */
public final class EntityFolds {

  /** Folds nothing. */
  public static final EntityFolds NONE = new EntityFolds(Map.of(), Map.of());

  private final Map<String, String> target;
  private final Map<String, String> names;

  private EntityFolds(Map<String, String> target, Map<String, String> names) {
    this.target = target;
    this.names = names;
  }

  /** The folds of these open stories. */
  public static EntityFolds of(Collection<StoryState> stories) {
    Map<String, String> target = new HashMap<>();
    Set<String> conflicting = new HashSet<>();
    Map<String, String> names = new HashMap<>();
    for (StoryState s : stories) {
      StoryNames.aliases(s.entities.keySet(), s.people)
          .forEach(
              (bare, full) -> {
                String had = target.putIfAbsent(bare, full);
                if (had != null && !had.equals(full)) {
                  conflicting.add(bare);
                }
                names.merge(full, s.people.get(full), StoryNames::fuller);
              });
    }
    target.keySet().removeAll(conflicting);
    names.keySet().retainAll(target.values());
    return target.isEmpty() ? NONE : new EntityFolds(Map.copyOf(target), Map.copyOf(names));
  }

  /** The key that counts for {@code key}: the full name it folds into, else itself. */
  public String keyOf(String key) {
    return target.getOrDefault(key, key);
  }

  /** {@code key} and every key folded into it. */
  public List<String> keysCountedAs(String key) {
    List<String> bare = new ArrayList<>();
    target.forEach(
        (b, full) -> {
          if (full.equals(key)) {
            bare.add(b);
          }
        });
    bare.sort(null);
    List<String> out = new ArrayList<>(bare.size() + 1);
    out.add(key);
    out.addAll(bare);
    return out;
  }

  /** The canonical name of a key others fold into (as its story names it), else null. */
  public String nameOf(String key) {
    return names.get(key);
  }
}
