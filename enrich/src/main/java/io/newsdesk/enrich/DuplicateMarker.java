package io.newsdesk.enrich;

import io.newsdesk.schema.EnrichedArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Marks an article as a duplicate of the first article seen with the same key (canonical URL or
 * text fingerprint) within the retention window. Flags, never drops.
 */
final class DuplicateMarker implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

  private final String storeName;
  private final String kind;
  private final BiFunction<String, EnrichedArticle, String> keyOf;
  private final Duration retention;
  private final io.micrometer.core.instrument.Timer timer;
  private KeyValueStore<String, String> seen;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;

  DuplicateMarker(
      String storeName,
      String kind,
      BiFunction<String, EnrichedArticle, String> keyOf,
      Duration retention) {
    this.storeName = storeName;
    this.kind = kind;
    this.timer = StageTimers.dedup(kind);
    this.keyOf = keyOf;
    this.retention = retention;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
    Duration every =
        retention.dividedBy(24).compareTo(Duration.ofMinutes(1)) < 0
            ? Duration.ofMinutes(1)
            : retention.dividedBy(24);
    context.schedule(every, PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    long t0 = System.nanoTime();
    try {
      mark(record);
    } finally {
      timer.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  private void mark(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    String key = keyOf.apply(record.key(), article);
    String id = article.getArticle().getId();
    if (key != null) {
      String first = seen.get(key);
      if (first == null) {
        seen.put(key, id + '\t' + record.timestamp());
      } else {
        String firstId = first.substring(0, first.indexOf('\t'));
        if (!firstId.equals(id) && article.getDuplicateOf() == null) {
          article.setDuplicateOf(firstId);
          article.setDuplicateKind(kind);
        }
      }
    }
    context.forward(record);
  }

  private void expire(long streamTime) {
    long cutoff = streamTime - retention.toMillis();
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, String> it = seen.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        long at = Long.parseLong(kv.value.substring(kv.value.indexOf('\t') + 1));
        if (at < cutoff) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(seen::delete);
  }
}
