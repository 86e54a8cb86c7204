package io.newsdesk.enrich;

import io.newsdesk.enrich.stories.EntityFolds;
import io.newsdesk.enrich.stories.StoryState;
import io.newsdesk.enrich.stories.StoryTopology;
import io.newsdesk.enrich.trends.TrendAggregate;
import io.newsdesk.enrich.trends.TrendTopology;
import io.newsdesk.enrich.trends.TrendTopology.Window;
import io.newsdesk.enrich.trends.TrendWindows;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.EntityTrend;
import io.newsdesk.schema.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads the enrich topology's queryable state stores held by this instance (interactive queries):
 * open stories, recent articles, entity trends and hourly mentions. What other instances hold is
 * theirs to answer; the caller routes by {@link KafkaStreams#queryMetadataForKey}.
 *
 * <p>A store that is not queryable right now (rebalancing, restoring) throws Kafka's {@code
 * InvalidStateStoreException}: retry later.
 */
public final class EnrichStores {

  /** Finds a local store: {@link KafkaStreams#store} when running, a test driver in tests. */
  @FunctionalInterface
  public interface Lookup {
    <T> T store(String name, QueryableStoreType<T> type);
  }

  /** The window kinds the API asks for, by name: {@code 1h}, {@code 1d}, {@code hourly}. */
  public static final Map<String, Window> WINDOWS =
      Map.of(
          TrendTopology.HOUR.name(), TrendTopology.HOUR,
          TrendTopology.DAY.name(), TrendTopology.DAY,
          TrendTopology.HOURLY.name(), TrendTopology.HOURLY);

  private final Lookup lookup;

  public EnrichStores(Lookup lookup) {
    this.lookup = lookup;
  }

  /** The stores of a running Streams client: active tasks only, never stale standbys. */
  public static EnrichStores of(KafkaStreams streams) {
    return new EnrichStores(
        new Lookup() {
          @Override
          public <T> T store(String name, QueryableStoreType<T> type) {
            return streams.store(StoreQueryParameters.fromNameAndType(name, type));
          }
        });
  }

  /** Every open story held here (the open set is bounded by the story settings). */
  public List<Story> stories() {
    ReadOnlyKeyValueStore<String, StoryState> store = storyStore();
    List<Story> out = new ArrayList<>();
    try (KeyValueIterator<String, StoryState> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, StoryState> kv = it.next();
        if (kv.value.mergedInto == null) {
          out.add(kv.value.toStory());
        }
      }
    }
    return out;
  }

  /**
   * One open story, if held here. The id of a story joined to another answers with the story that
   * took it in (its id is then the other one).
   */
  public Optional<Story> story(String id) {
    ReadOnlyKeyValueStore<String, StoryState> store = storyStore();
    StoryState s = store.get(id);
    if (s != null && s.mergedInto != null) {
      // A joined id's entry points straight at the open story (StoryIndex keeps it so).
      s = store.get(s.mergedInto);
    }
    return Optional.ofNullable(s).filter(x -> x.mergedInto == null).map(StoryState::toStory);
  }

  /** The latest version of one article kept here (within the article retention). */
  public Optional<EnrichedArticle> article(String id) {
    ReadOnlyWindowStore<String, EnrichedArticle> store =
        lookup.store(EnrichTopology.ARTICLE_STORE, QueryableStoreTypes.windowStore());
    try (WindowStoreIterator<EnrichedArticle> it =
        store.backwardFetch(id, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
      return it.hasNext() ? Optional.of(it.next().value) : Optional.empty();
    }
  }

  /**
   * What the open stories held here fold when counting entities: a bare surname into the one person
   * of its story named in full ({@link EntityFolds}).
   */
  public EntityFolds entityFolds() {
    List<StoryState> open = new ArrayList<>();
    try (KeyValueIterator<String, StoryState> it = storyStore().all()) {
      while (it.hasNext()) {
        StoryState s = it.next().value;
        if (s.mergedInto == null) {
          open.add(s);
        }
      }
    } catch (InvalidStateStoreException e) {
      // The stories are migrating or restoring: answer with the counts as written, unfolded,
      // rather than not at all (the trend stores themselves are queryable).
      return EntityFolds.NONE;
    }
    return EntityFolds.of(open);
  }

  /**
   * Every retained window of kind {@code window} of every entity held here, summed from the buckets
   * ({@link TrendWindows}), a bare surname's counts folded into its person's ({@link
   * #entityFolds}): the same answer whichever order the articles came in.
   */
  public List<EntityTrend> trends(Window window) {
    EntityFolds folds = entityFolds();
    Map<String, NavigableMap<Long, TrendAggregate>> buckets = new LinkedHashMap<>();
    long latest = Long.MIN_VALUE;
    try (KeyValueIterator<Windowed<String>, TrendAggregate> it = trendStore().all()) {
      while (it.hasNext()) {
        KeyValue<Windowed<String>, TrendAggregate> kv = it.next();
        long start = kv.key.window().start();
        buckets.computeIfAbsent(kv.key.key(), k -> new TreeMap<>()).put(start, kv.value);
        latest = Math.max(latest, start);
      }
    }
    long from = TrendWindows.from(window, latest);
    Map<String, NavigableMap<Long, TrendAggregate>> merged = new LinkedHashMap<>();
    buckets.forEach(
        (k, b) ->
            TrendWindows.of(window, b, from)
                .forEach(
                    (start, t) ->
                        merged
                            .computeIfAbsent(folds.keyOf(k), x -> new TreeMap<>())
                            .merge(start, t, TrendAggregate::with)));
    List<EntityTrend> out = new ArrayList<>();
    merged.forEach(
        (key, windows) ->
            windows.forEach(
                (start, t) ->
                    out.add(
                        TrendTopology.trend(
                            window.name(),
                            key,
                            start,
                            start + window.size().toMillis(),
                            named(folds, key, t)))));
    return out;
  }

  /**
   * One entity's retained windows of kind {@code window}, oldest first, with the counts of the keys
   * folded into it; a folded key answers for the person it folds into.
   */
  public List<EntityTrend> series(Window window, String key) {
    EntityFolds folds = entityFolds();
    String counted = folds.keyOf(key);
    ReadOnlyWindowStore<String, TrendAggregate> store = trendStore();
    List<NavigableMap<Long, TrendAggregate>> ofKeys = new ArrayList<>();
    long latest = Long.MIN_VALUE;
    for (String k : folds.keysCountedAs(counted)) {
      NavigableMap<Long, TrendAggregate> buckets = new TreeMap<>();
      try (WindowStoreIterator<TrendAggregate> it =
          store.fetch(k, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
        it.forEachRemaining(kv -> buckets.put(kv.key, kv.value));
      }
      if (!buckets.isEmpty()) {
        ofKeys.add(buckets);
        latest = Math.max(latest, buckets.lastKey());
      }
    }
    if (ofKeys.isEmpty()) {
      return List.of();
    }
    long from = TrendWindows.from(window, latestBucket(store, latest));
    TreeMap<Long, TrendAggregate> byStart = new TreeMap<>();
    for (NavigableMap<Long, TrendAggregate> buckets : ofKeys) {
      TrendWindows.of(window, buckets, from)
          .forEach((start, t) -> byStart.merge(start, t, TrendAggregate::with));
    }
    List<EntityTrend> out = new ArrayList<>(byStart.size());
    byStart.forEach(
        (start, t) ->
            out.add(
                TrendTopology.trend(
                    window.name(),
                    counted,
                    start,
                    start + window.size().toMillis(),
                    named(folds, counted, t))));
    return out;
  }

  /**
   * The latest bucket held here, at or after {@code atLeast} (a bucket known to be held): the
   * views' retention counts back from it, as the per-window stores of earlier versions counted from
   * the latest window they held. Reads only the buckets from {@code atLeast} on.
   */
  private static long latestBucket(
      ReadOnlyWindowStore<String, TrendAggregate> store, long atLeast) {
    long latest = atLeast;
    try (KeyValueIterator<Windowed<String>, TrendAggregate> it =
        store.fetchAll(Instant.ofEpochMilli(atLeast + 1), Instant.ofEpochMilli(Long.MAX_VALUE))) {
      while (it.hasNext()) {
        latest = Math.max(latest, it.next().key.window().start());
      }
    }
    return latest;
  }

  private static TrendAggregate named(EntityFolds folds, String key, TrendAggregate t) {
    String name = folds.nameOf(key);
    return name == null ? t : t.named(name);
  }

  private ReadOnlyKeyValueStore<String, StoryState> storyStore() {
    return lookup.store(StoryTopology.STORE, QueryableStoreTypes.keyValueStore());
  }

  private ReadOnlyWindowStore<String, TrendAggregate> trendStore() {
    return lookup.store(TrendTopology.STORE, QueryableStoreTypes.windowStore());
  }
}
