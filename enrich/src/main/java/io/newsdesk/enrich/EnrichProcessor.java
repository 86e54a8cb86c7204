package io.newsdesk.enrich;

import io.newsdesk.enrich.extract.ExtractionException;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.CorruptRecordException;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.DeadLetters;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.RawDocument;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a raw record and enriches it; every failure of a document becomes a dead letter carrying
 * the record's original bytes and coordinates, so the stream goes on and nothing is lost silently.
 * Failures downstream of the enrichment (stores, the producer) are Kafka Streams' and propagate.
 */
final class EnrichProcessor implements FixedKeyProcessor<String, byte[], Outcome> {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);
  private static final AvroCodec<RawDocument> RAW = AvroCodec.of(RawDocument.class);

  private final ArticleEnricher enricher;
  private FixedKeyProcessorContext<String, Outcome> context;

  EnrichProcessor(ArticleEnricher enricher) {
    this.enricher = enricher;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Outcome> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    byte[] bytes = record.value();
    long now = System.currentTimeMillis();
    RawDocument raw;
    try {
      raw = RAW.decode(bytes);
      if (raw == null) {
        throw new CorruptRecordException("empty record value", null);
      }
    } catch (CorruptRecordException e) {
      forward(record, dead("enrich.decode", e.getMessage(), e, bytes, null, record, now));
      return;
    }
    List<EnrichedArticle> articles;
    try {
      // A scrape holding two stories gives two articles under the document's key.
      articles = enricher.enrichAll(raw, now);
    } catch (ExtractionException e) {
      String reason = e.reason().name().toLowerCase() + ": " + e.getMessage();
      forward(record, dead("enrich.extract", reason, e, bytes, raw, record, now));
      return;
    } catch (RuntimeException | StackOverflowError e) {
      // A bug on one odd document must not stop the stream: log loudly and keep the input.
      LOG.error("enrich failed on {} (key {}): {}", raw.getUrl(), record.key(), e.toString(), e);
      String reason = "internal error while enriching: " + e;
      forward(record, dead("enrich.internal", reason, e, bytes, raw, record, now));
      return;
    }
    // Outside the guard: what fails downstream of here is Kafka Streams' own business (a producer
    // fenced after a transaction time-out throws TaskMigratedException, which must reach the
    // stream thread so that it rejoins at once), not a property of this document.
    for (EnrichedArticle article : articles) {
      forward(record, Outcome.ok(article));
    }
  }

  private void forward(FixedKeyRecord<String, byte[]> record, Outcome outcome) {
    context.forward(record.withValue(outcome));
  }

  private Outcome dead(
      String stage,
      String reason,
      Throwable cause,
      byte[] bytes,
      RawDocument raw,
      FixedKeyRecord<String, byte[]> record,
      long now) {
    DeadLetter.Builder b = DeadLetters.of(stage, reason, cause, bytes, now).setKey(record.key());
    if (raw != null) {
      b.setUrl(raw.getUrl()).setSource(raw.getSource());
    }
    context
        .recordMetadata()
        .ifPresent(
            (RecordMetadata m) ->
                b.setTopic(m.topic()).setPartition(m.partition()).setOffset(m.offset()));
    LOG.warn("dead letter from {}: {} (url {})", stage, reason, raw == null ? "?" : raw.getUrl());
    return Outcome.dead(b.build());
  }
}
