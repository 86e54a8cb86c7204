package io.newsdesk.enrich.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.schema.Story;
import io.newsdesk.schema.StoryEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What the assigner keeps per open story: summed entity weights, a bounded term centroid, tone
 * sums, and the fields published as {@link Story}. Stored as JSON in the {@code open-stories}
 * store; public only so that interactive queries can read that store ({@link #toStory()}).
 */
public final class StoryState {

  static final int MAX_ENTITIES = 40;
  static final int MAX_TERMS = 200;
  static final int MAX_IDS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  static final Serde<StoryState> SERDE =
      Serdes.serdeFrom(
          (topic, s) -> {
            try {
              return s == null ? null : JSON.writeValueAsBytes(s);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          (topic, b) -> {
            try {
              return b == null ? null : JSON.readValue(b, StoryState.class);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });

  public String id;
  public String title;
  public double titleScore;
  public long firstSeen;
  public long lastSeen;
  public int articleCount;
  public double toneSum;
  public int toneCount;
  public Map<String, Double> entities = new HashMap<>();
  public Map<String, String[]> names = new HashMap<>();
  public Map<String, Double> terms = new HashMap<>();
  public List<String> articleIds = new ArrayList<>();

  /**
   * Set on the store entry of a story joined to another: the id of the open story that holds its
   * articles now. Such an entry holds nothing else; it answers for the old id.
   */
  public String mergedInto;

  /** The store entry that keeps a joined story's id answering for the story that took it in. */
  static StoryState joined(String id, String into) {
    StoryState s = new StoryState();
    s.id = id;
    s.mergedInto = into;
    return s;
  }

  /**
   * People named in full in the story, key to canonical name, oldest first ({@link StoryNames}).
   */
  public java.util.LinkedHashMap<String, String> people = new java.util.LinkedHashMap<>();

  /**
   * The story's strongest entity keys, as the story names them: a bare surname of the one person of
   * the story named in full counts for that person ({@link #resolved()}).
   */
  List<String> topEntities(int n) {
    return top(resolved(), n);
  }

  private static List<String> top(Map<String, Double> weights, int n) {
    return weights.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The key the story gives {@code key}: the full name of the one person of the story whose surname
   * it is ("PER:hussein" is "PER:fuad hussein"), else the key itself.
   */
  String storyKey(String key) {
    String full = StoryNames.fullNameOf(key, people);
    return full == null ? key : full;
  }

  /**
   * The entity weights folded through {@link #storyKey}. {@link #entities} keeps each article's
   * weights under the key the article itself gave (a bare "PER:hussein" when it named no one in
   * full), so that this view depends on which articles the story holds, not on their order: a full
   * name arriving later folds the earlier bare surname into it, and a second person of the same
   * surname unfolds it again (one candidate only).
   */
  Map<String, Double> resolved() {
    Map<String, String> aliases = StoryNames.aliases(entities.keySet(), people);
    if (aliases.isEmpty()) {
      return entities;
    }
    Map<String, Double> out = new HashMap<>();
    entities.forEach((k, w) -> out.merge(aliases.getOrDefault(k, k), w, Double::sum));
    return out;
  }

  /** Folds an article in; keeps the state bounded. */
  void add(
      String articleId, String articleTitle, double score, long at, Double tone, StoryFeatures f) {
    if (articleCount == 0 || at < firstSeen) {
      firstSeen = at;
    }
    lastSeen = Math.max(lastSeen, at);
    articleCount++;
    if (tone != null) {
      toneSum += tone;
      toneCount++;
    }
    if (articleTitle != null && (title == null || score > titleScore)) {
      title = articleTitle;
      titleScore = score;
    }
    f.entities().forEach((k, w) -> entities.merge(k, w, Double::sum));
    f.named().forEach((k, e) -> name(k, e.getCanonical(), e.getType()));
    f.terms().forEach((k, w) -> terms.merge(k, w, Double::sum));
    articleIds.add(articleId);
    bound();
  }

  /**
   * The same canonical name whichever article came first ("Baghdad" over a dateline's "BAGHDAD").
   */
  private void name(String key, String canonical, String type) {
    String[] had = names.get(key);
    names.put(key, new String[] {StoryNames.fuller(had == null ? null : had[0], canonical), type});
  }

  /** Keeps the strongest entities and terms, and the latest article ids, within their bounds. */
  private void bound() {
    prune(entities, MAX_ENTITIES);
    names.keySet().retainAll(entities.keySet());
    prune(terms, MAX_TERMS);
    if (articleIds.size() > MAX_IDS) {
      articleIds =
          new ArrayList<>(articleIds.subList(articleIds.size() - MAX_IDS, articleIds.size()));
    }
  }

  /**
   * Takes in every article of {@code other}, a story that an article has shown to be this one:
   * weights, terms, names, people, tone and article ids add up, the span of time widens, and the
   * better title stays. This story keeps its id.
   */
  void absorb(StoryState other) {
    firstSeen = Math.min(firstSeen, other.firstSeen);
    lastSeen = Math.max(lastSeen, other.lastSeen);
    articleCount += other.articleCount;
    toneSum += other.toneSum;
    toneCount += other.toneCount;
    if (other.title != null && (title == null || other.titleScore > titleScore)) {
      title = other.title;
      titleScore = other.titleScore;
    }
    other.entities.forEach((k, w) -> entities.merge(k, w, Double::sum));
    other.names.forEach((k, n) -> name(k, n[0], n[1]));
    other.terms.forEach((k, w) -> terms.merge(k, w, Double::sum));
    other.people.forEach(people::putIfAbsent);
    List<String> ids = new ArrayList<>(other.articleIds);
    ids.addAll(articleIds);
    articleIds = ids;
    bound();
  }

  /**
   * This story seen as one article would be, to score it against another story: its strongest
   * entities, folded as the story names them, and its unit-length term centroid.
   */
  StoryFeatures asFeatures(int salient) {
    Map<String, Double> weights = resolved();
    Map<String, Double> top = new LinkedHashMap<>();
    for (String k : top(weights, salient)) {
      top.put(k, weights.get(k));
    }
    return new StoryFeatures(top, Map.of(), StoryFeatures.normalise(new HashMap<>(terms)));
  }

  private static void prune(Map<String, Double> m, int max) {
    if (m.size() <= max) {
      return;
    }
    List<String> keep =
        m.entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
            .limit(max)
            .map(Map.Entry::getKey)
            .toList();
    m.keySet().retainAll(keep);
  }

  /** The published form. */
  public Story toStory() {
    Map<String, Double> weights = resolved();
    List<StoryEntity> top = new ArrayList<>();
    for (String k : top(weights, 10)) {
      String[] n = names.get(k);
      if (n == null && people.containsKey(k)) {
        n = new String[] {people.get(k), "PER"};
      } else if (n != null && people.containsKey(k)) {
        n = new String[] {StoryNames.fuller(n[0], people.get(k)), n[1]};
      }
      if (n == null) {
        n = new String[] {k, ""};
      }
      top.add(new StoryEntity(k, n[0], n[1], weights.get(k)));
    }
    return Story.newBuilder()
        .setId(id)
        .setTitle(title == null ? "" : title)
        .setFirstSeen(firstSeen)
        .setLastSeen(lastSeen)
        .setArticleCount(articleCount)
        .setTopEntities(top)
        .setMeanTone(toneCount == 0 ? null : toneSum / toneCount)
        .setArticleIds(List.copyOf(articleIds))
        .build();
  }
}
