package io.newsdesk.enrich.stories;

import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Story;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The open stories and an entity → stories index, in memory: assigns an article to the best
 * matching open story or starts one. The assigner mirrors every change into its store.
 */
public final class StoryIndex {

  private final StoryConfig config;
  private final Map<String, StoryState> open = new HashMap<>();
  private final Map<String, Set<String>> byEntity = new HashMap<>();
  private final List<String> forgotten = new ArrayList<>();

  /**
   * Stories joined to another: their id to the open story that holds their articles now (always
   * that story itself: a join points the ids joined before at the story taking them in).
   */
  private final Map<String, String> joined = new HashMap<>();

  /** Joined story ids whose entry in the store must (again) point at {@link #joined}'s target. */
  private final Set<String> joinedChanged = new HashSet<>();

  public StoryIndex(StoryConfig config) {
    this.config = config;
  }

  /** Number of open stories. */
  public int size() {
    return open.size();
  }

  /** Puts back a story read from the store. */
  void restore(StoryState s) {
    if (s.mergedInto != null) {
      joined.put(s.id, s.mergedInto);
      return;
    }
    open.put(s.id, s);
    index(s);
  }

  /**
   * After a restore: drops (and lists in {@link #drainForgotten}) the joined ids whose story is no
   * longer open, so that none outlives the story it stands for.
   */
  void dropDangling() {
    List<String> dangling = new ArrayList<>();
    for (String id : joined.keySet()) {
      if (openStoryOf(id) == null) {
        dangling.add(id);
      }
    }
    dangling.forEach(joined::remove);
    forgotten.addAll(dangling);
  }

  /**
   * The open story a story id stands for now: itself, or the story it was joined to; null when it
   * is neither open nor joined to an open story.
   */
  String openStoryOf(String id) {
    String at = joined.getOrDefault(id, id);
    return open.containsKey(at) ? at : null;
  }

  /**
   * Joined story ids to write to the store since the last call, each with the story it stands for
   * now (their entries answer for their old ids, as {@link StoryState#joined}).
   */
  Map<String, String> drainJoined() {
    Map<String, String> out = new HashMap<>();
    for (String id : joinedChanged) {
      out.put(id, joined.get(id));
    }
    joinedChanged.clear();
    return out;
  }

  StoryState get(String id) {
    return open.get(id);
  }

  /** Ids of stories dropped since the last call (evicted or expired), for the store. */
  List<String> drainForgotten() {
    List<String> out = List.copyOf(forgotten);
    forgotten.clear();
    return out;
  }

  /** Gives the article its story id (set on the article) and returns the story's new state. */
  public Story assign(EnrichedArticle article, long at) {
    Assignment a = assign(StoryProbe.of(article, config.salientEntities()), at);
    a.answer().applyTo(article);
    return a.story();
  }

  /**
   * The answer for the probing article, its story's new state, and the stories the article joined
   * to it (each with {@code mergedInto} set to that story's id: their last record).
   */
  record Assignment(StoryAnswer answer, Story story, List<Story> merged) {}

  /**
   * Assigns the article a probe stands for to the best matching open story, or starts one. When the
   * article matches several open stories and they match each other too, they are one story that
   * began as several (articles met in another order would have built one): the older takes in the
   * others and the article, so that how articles group does not hang on the order they came in.
   */
  Assignment assign(StoryProbe probe, long at) {
    StoryFeatures f = probe.features();
    List<StoryState> matches = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String key : f.keys()) {
      for (String storyId : byEntity.getOrDefault(key, Set.of())) {
        if (!seen.add(storyId)) {
          continue;
        }
        StoryState s = open.get(storyId);
        if (s == null || at - s.lastSeen > config.window().toMillis()) {
          continue;
        }
        double score = score(f, s);
        if (score >= config.threshold()) {
          matches.add(s);
          scores.add(score);
        }
      }
    }
    StoryState best = null;
    double bestScore = 0;
    for (int i = 0; i < matches.size(); i++) {
      if (scores.get(i) > bestScore
          || (scores.get(i) == bestScore && matches.get(i).id.compareTo(best.id) < 0)) {
        best = matches.get(i);
        bestScore = scores.get(i);
      }
    }
    List<Story> merged = new ArrayList<>();
    if (best == null) {
      if (open.size() >= config.maxOpen()) {
        open.values().stream()
            .min((a, b) -> Long.compare(a.lastSeen, b.lastSeen))
            .ifPresent(this::forget);
      }
      best = new StoryState();
      best.id = probe.articleId();
      open.put(best.id, best);
      bestScore = config.threshold();
    } else {
      best = join(best, matches, merged);
    }
    best.add(probe.articleId(), probe.title(), bestScore, at, probe.tone(), f);
    // The story's weights keep the article's own keys (f, above); the article itself then takes
    // the story's people, and its full names join them before the story is published.
    List<Entity> people = probe.personEntities();
    StoryNames.resolve(people, best.people);
    List<StoryAnswer.Rename> renames = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      StoryProbe.Person had = probe.people().get(i);
      Entity now = people.get(i);
      if (!now.getKey().equals(had.key())) {
        renames.add(new StoryAnswer.Rename(had.index(), now.getKey(), now.getCanonical()));
      }
    }
    index(best);
    return new Assignment(
        new StoryAnswer(best.id, List.copyOf(renames)), best.toStory(), List.copyOf(merged));
  }

  /**
   * Joins into one story the best match and every other match that is the same story: taken as one
   * article, either of the two passes the test an article passes to join the other. The article
   * that matched both only calls for the test, so that an article touching two unrelated stories (a
   * news round-up) joins neither to the other. The oldest keeps its id; the others are closed with
   * {@code mergedInto} in {@code merged}. Returns the story that holds them now.
   */
  private StoryState join(StoryState best, List<StoryState> matches, List<Story> merged) {
    List<StoryState> same = new ArrayList<>();
    same.add(best);
    int salient = config.salientEntities();
    StoryFeatures bestAsArticle = best.asFeatures(salient);
    for (StoryState s : matches) {
      if (s == best) {
        continue;
      }
      double together = Math.max(score(s.asFeatures(salient), best), score(bestAsArticle, s));
      if (together >= config.threshold()) {
        same.add(s);
      }
    }
    if (same.size() == 1) {
      return best;
    }
    StoryState keeper =
        same.stream()
            .min(Comparator.<StoryState>comparingLong(s -> s.firstSeen).thenComparing(s -> s.id))
            .orElseThrow();
    for (StoryState s : same) {
      if (s == keeper) {
        continue;
      }
      keeper.absorb(s);
      // Its id now stands for the keeper, and so do the ids joined to it before.
      for (Map.Entry<String, String> j : joined.entrySet()) {
        if (j.getValue().equals(s.id)) {
          j.setValue(keeper.id);
          joinedChanged.add(j.getKey());
        }
      }
      forget(s);
      forgotten.remove(s.id);
      joined.put(s.id, keeper.id);
      joinedChanged.add(s.id);
      Story closed = s.toStory();
      closed.setMergedInto(keeper.id);
      merged.add(closed);
    }
    return keeper;
  }

  /** Drops stories whose last article is older than the window before {@code now}. */
  void expire(long now) {
    long cutoff = now - config.window().toMillis();
    List<StoryState> old = new ArrayList<>();
    for (StoryState s : open.values()) {
      if (s.lastSeen < cutoff) {
        old.add(s);
      }
    }
    old.forEach(this::forget);
  }

  /** Half entity overlap, half wording; zero unless enough salient entities are shared. */
  private double score(StoryFeatures f, StoryState s) {
    List<String> top = s.topEntities(20);
    double total = 0;
    double shared = 0;
    int sharedCount = 0;
    for (Map.Entry<String, Double> e : f.entities().entrySet()) {
      total += e.getValue();
      // A bare surname matches the one person of the story it names.
      if (top.contains(s.storyKey(e.getKey()))) {
        shared += e.getValue();
        sharedCount++;
      }
    }
    if (sharedCount < Math.min(config.minSharedEntities(), f.entities().size()) || total == 0) {
      return 0;
    }
    double norm = Math.sqrt(s.terms.values().stream().mapToDouble(x -> x * x).sum());
    double cosine = norm == 0 ? 0 : StoryFeatures.cosine(f.terms(), s.terms) / norm;
    return 0.5 * (shared / total) + 0.5 * cosine;
  }

  private void index(StoryState s) {
    List<String> top = s.topEntities(20);
    for (String k : top) {
      byEntity.computeIfAbsent(k, x -> new HashSet<>()).add(s.id);
    }
    // The bare surnames folded into those people find the story too.
    for (String k : s.entities.keySet()) {
      if (!k.equals(s.storyKey(k)) && top.contains(s.storyKey(k))) {
        byEntity.computeIfAbsent(k, x -> new HashSet<>()).add(s.id);
      }
    }
  }

  private void forget(StoryState s) {
    open.remove(s.id);
    forgotten.add(s.id);
    // The ids joined to it go with it (a joined story's target changes before it is forgotten).
    joined
        .entrySet()
        .removeIf(
            j -> {
              boolean gone = j.getValue().equals(s.id);
              if (gone) {
                forgotten.add(j.getKey());
                joinedChanged.remove(j.getKey());
              }
              return gone;
            });
    for (String k : s.entities.keySet()) {
      Set<String> ids = byEntity.get(k);
      if (ids != null) {
        ids.remove(s.id);
        if (ids.isEmpty()) {
          byEntity.remove(k);
        }
      }
    }
  }
}
