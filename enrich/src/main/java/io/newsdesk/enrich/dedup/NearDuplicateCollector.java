package io.newsdesk.enrich.dedup;

import io.newsdesk.schema.EnrichedArticle;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by article id: holds an article until the answers of all its bands are in, then flags it as
 * a near duplicate of the earliest similar article any band found, and forwards it.
 */
final class NearDuplicateCollector
    implements Processor<String, NearDuplicateTopology.Input, String, EnrichedArticle> {

  private final String articleStore;
  private final String tallyStore;
  private final int bands;
  private KeyValueStore<String, byte[]> pending;
  private KeyValueStore<String, Tally> tallies;
  private ProcessorContext<String, EnrichedArticle> context;

  NearDuplicateCollector(String articleStore, String tallyStore, int bands) {
    this.articleStore = articleStore;
    this.tallyStore = tallyStore;
    this.bands = bands;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.pending = context.getStateStore(articleStore);
    this.tallies = context.getStateStore(tallyStore);
  }

  @Override
  public void process(Record<String, NearDuplicateTopology.Input> record) {
    String id = record.key();
    NearDuplicateTopology.Input in = record.value();
    Tally tally = tallies.get(id);
    if (tally == null) {
      tally = Tally.EMPTY;
    }
    byte[] waiting;
    if (in.article() != null) {
      waiting = in.article();
      if (tally.received() < bands) {
        pending.put(id, waiting);
        return;
      }
    } else {
      tally = tally.add(in.answer());
      waiting = pending.get(id);
      if (tally.received() < bands || waiting == null) {
        tallies.put(id, tally);
        return;
      }
      pending.delete(id);
    }
    EnrichedArticle article = NearDuplicateTopology.ARTICLE_CODEC.decode(waiting);
    tallies.delete(id);
    if (tally.bestId() != null && !tally.bestId().equals(id) && article.getDuplicateOf() == null) {
      article.setDuplicateOf(tally.bestId());
      article.setDuplicateKind("near");
    }
    context.forward(record.withValue(article));
  }
}
