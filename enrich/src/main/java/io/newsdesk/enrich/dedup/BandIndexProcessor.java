package io.newsdesk.enrich.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Owns the band keys of its partition: remembers the first article seen with each key (for the
 * retention window) and answers every probe, keyed by the probing article's id.
 */
final class BandIndexProcessor implements Processor<String, BandProbe, String, BandAnswer> {

  private final String storeName;
  private final double threshold;
  private final Duration retention;
  private KeyValueStore<String, BandEntry> bands;
  private ProcessorContext<String, BandAnswer> context;

  BandIndexProcessor(String storeName, double threshold, Duration retention) {
    this.storeName = storeName;
    this.threshold = threshold;
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, BandAnswer> context) {
    this.context = context;
    this.bands = context.getStateStore(storeName);
    context.schedule(retention.dividedBy(24), PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(Record<String, BandProbe> record) {
    BandProbe probe = record.value();
    BandEntry first = bands.get(record.key());
    BandAnswer answer;
    if (first == null) {
      bands.put(record.key(), new BandEntry(probe.articleId(), record.timestamp(), probe.sketch()));
      answer = BandAnswer.none(probe.articleId());
    } else {
      answer = answer(first, probe, threshold);
    }
    context.forward(record.withKey(probe.articleId()).withValue(answer));
  }

  /** The answer to a probe whose band key already has a first article. */
  static BandAnswer answer(BandEntry first, BandProbe probe, double threshold) {
    if (first.articleId().equals(probe.articleId())) {
      return BandAnswer.none(probe.articleId());
    }
    // A shared band is only a candidate: the sketches confirm the similarity.
    double similarity = Signature.similarity(first.sketch(), probe.sketch());
    return similarity >= threshold
        ? new BandAnswer(probe.articleId(), first.articleId(), first.at(), similarity)
        : BandAnswer.none(probe.articleId());
  }

  private void expire(long streamTime) {
    long cutoff = streamTime - retention.toMillis();
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, BandEntry> it = bands.all()) {
      while (it.hasNext()) {
        KeyValue<String, BandEntry> kv = it.next();
        if (kv.value.at() < cutoff) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(bands::delete);
  }
}
