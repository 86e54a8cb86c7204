package io.newsdesk.enrich;

import io.newsdesk.schema.EnrichedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps each finished article, by id, in the {@code articles} window store for interactive queries,
 * and passes it on unchanged. The window store drops whole segments past its retention, so the
 * store stays bounded without a scan.
 */
final class ArticleIndexer implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

  private final String storeName;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private WindowStore<String, EnrichedArticle> store;

  ArticleIndexer(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    store.put(record.key(), record.value(), record.timestamp());
    context.forward(record);
  }
}
