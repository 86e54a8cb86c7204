package io.newsdesk.enrich.stories;

import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Story;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each article a story: the open story (last article within the window) that shares enough
 * salient entities and wording with it, or a new one named after the article. Forwards the article
 * with its story id and the story's new state.
 */
final class StoryAssigner
    implements Processor<String, EnrichedArticle, String, StoryTopology.Update> {

  private static final Logger LOG = LoggerFactory.getLogger(StoryAssigner.class);

  private final String storeName;
  private final StoryConfig config;
  private KeyValueStore<String, StoryState> store;
  private ProcessorContext<String, StoryTopology.Update> context;
  // Derived from the store on init: the store (and its changelog) is the truth.
  private final Map<String, StoryState> open = new HashMap<>();
  private final Map<String, Set<String>> byEntity = new HashMap<>();

  StoryAssigner(String storeName, StoryConfig config) {
    this.storeName = storeName;
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, StoryTopology.Update> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    open.clear();
    byEntity.clear();
    try (KeyValueIterator<String, StoryState> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, StoryState> kv = it.next();
        open.put(kv.key, kv.value);
        index(kv.value);
      }
    }
    LOG.info("story assigner open with {} stories", open.size());
    Duration every = config.window().dividedBy(24);
    context.schedule(every, PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    long at = record.timestamp();
    StoryFeatures f = StoryFeatures.of(article, config.salientEntities());
    StoryState best = null;
    double bestScore = 0;
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
        if (score >= config.threshold() && score > bestScore) {
          best = s;
          bestScore = score;
        }
      }
    }
    if (best == null) {
      if (open.size() >= config.maxOpen()) {
        evictOldest();
      }
      best = new StoryState();
      best.id = article.getArticle().getId();
      open.put(best.id, best);
      bestScore = config.threshold();
    }
    Double tone = article.getTone() == null ? null : article.getTone().getTone();
    best.add(article.getArticle().getId(), article.getArticle().getTitle(), bestScore, at, tone, f);
    index(best);
    store.put(best.id, best);
    article.setStoryId(best.id);
    Story story = best.toStory();
    context.forward(record.withValue(new StoryTopology.Update(article, story)));
  }

  /** Half entity overlap, half wording; zero unless enough salient entities are shared. */
  double score(StoryFeatures f, StoryState s) {
    List<String> top = s.topEntities(20);
    double total = 0;
    double shared = 0;
    int sharedCount = 0;
    for (Map.Entry<String, Double> e : f.entities().entrySet()) {
      total += e.getValue();
      if (top.contains(e.getKey())) {
        shared += e.getValue();
        sharedCount++;
      }
    }
    if (sharedCount < Math.min(config.minSharedEntities(), f.entities().size()) || total == 0) {
      return 0;
    }
    Map<String, Double> centroid = StoryFeatures.normalise(new HashMap<>(s.terms));
    return 0.5 * (shared / total) + 0.5 * StoryFeatures.cosine(f.terms(), centroid);
  }

  private void index(StoryState s) {
    for (String k : s.topEntities(20)) {
      byEntity.computeIfAbsent(k, x -> new HashSet<>()).add(s.id);
    }
  }

  private void forget(StoryState s) {
    open.remove(s.id);
    store.delete(s.id);
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

  private void evictOldest() {
    open.values().stream()
        .min((a, b) -> Long.compare(a.lastSeen, b.lastSeen))
        .ifPresent(this::forget);
  }

  private void expire(long streamTime) {
    long cutoff = streamTime - config.window().toMillis();
    List<StoryState> old = new ArrayList<>();
    for (StoryState s : open.values()) {
      if (s.lastSeen < cutoff) {
        old.add(s);
      }
    }
    old.forEach(this::forget);
  }
}
