package io.newsdesk.enrich.stories;

import io.newsdesk.enrich.StageTimers;
import java.util.concurrent.TimeUnit;
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
 * Gives each probing article a story ({@link StoryIndex}) and forwards, keyed by article id, the
 * answer for the article and the story's new state; every change to the open stories is written to
 * the store.
 */
final class StoryAssigner implements Processor<String, StoryProbe, String, StoryTopology.Update> {

  private static final Logger LOG = LoggerFactory.getLogger(StoryAssigner.class);

  private final String storeName;
  private final StoryConfig config;
  private KeyValueStore<String, StoryState> store;
  private ProcessorContext<String, StoryTopology.Update> context;
  // Derived from the store on init: the store (and its changelog) is the truth.
  private StoryIndex index;

  StoryAssigner(String storeName, StoryConfig config) {
    this.storeName = storeName;
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, StoryTopology.Update> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    this.index = new StoryIndex(config);
    try (KeyValueIterator<String, StoryState> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, StoryState> kv = it.next();
        index.restore(kv.value);
      }
    }
    index.dropDangling();
    index.drainForgotten().forEach(store::delete);
    LOG.info("story assigner open with {} stories", index.size());
    context.schedule(config.window().dividedBy(24), PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(Record<String, StoryProbe> record) {
    StoryProbe probe = record.value();
    long t0 = System.nanoTime();
    StoryIndex.Assignment a = index.assign(probe, record.timestamp());
    StageTimers.STORIES.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    index.drainForgotten().forEach(store::delete);
    index.drainJoined().forEach((id, into) -> store.put(id, StoryState.joined(id, into)));
    // The state holds the story's people too: a bare surname took the one full name they give it.
    store.put(a.story().getId(), index.get(a.story().getId()));
    if (!a.merged().isEmpty()) {
      LOG.info(
          "stories {} joined into {} by article {}",
          a.merged().stream().map(s -> s.getId()).toList(),
          a.story().getId(),
          probe.articleId());
    }
    context.forward(
        record
            .withKey(probe.articleId())
            .withValue(new StoryTopology.Update(a.answer(), a.story(), a.merged())));
  }

  private void expire(long streamTime) {
    index.expire(streamTime);
    index.drainForgotten().forEach(store::delete);
  }
}
