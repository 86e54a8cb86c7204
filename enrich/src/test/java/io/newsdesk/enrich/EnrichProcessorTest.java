package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.RawDocument;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.InternalFixedKeyRecordFactory;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class EnrichProcessorTest {

  private static final AvroCodec<RawDocument> RAW = AvroCodec.of(RawDocument.class);

  private final List<Outcome> forwarded = new ArrayList<>();

  @Test
  void forwardsTheEnrichedArticle() {
    EnrichProcessor processor = processor(null);

    processor.process(record("a1", "Talks resume\nBaghdad and Washington agree."));

    assertThat(forwarded).hasSize(1);
    assertThat(forwarded.get(0).deadLetter()).isNull();
    assertThat(forwarded.get(0).article().getArticle().getTitle()).isEqualTo("Talks resume");
  }

  @Test
  void letsAFencedProducerReachTheStreamThreadInsteadOfDeadLetteringTheDocument() {
    // What Kafka Streams throws from forward() once the broker aborted the thread's transaction.
    EnrichProcessor processor =
        processor(new TaskMigratedException("producer fenced", new RuntimeException("epoch")));

    assertThatThrownBy(
            () -> processor.process(record("a1", "Talks resume\nBaghdad and Washington agree.")))
        .isInstanceOf(TaskMigratedException.class);
    assertThat(forwarded)
        .as("outcomes offered downstream: the article only, no dead letter")
        .hasSize(1)
        .allSatisfy(o -> assertThat(o.deadLetter()).isNull());
  }

  private EnrichProcessor processor(RuntimeException downstreamFailure) {
    EnrichProcessor processor = new EnrichProcessor(new ArticleEnricher(TestComponents.create()));
    processor.init(context(downstreamFailure));
    return processor;
  }

  /** A context that records what is forwarded and then fails as downstream would, if asked to. */
  @SuppressWarnings("unchecked")
  private FixedKeyProcessorContext<String, Outcome> context(RuntimeException downstreamFailure) {
    return (FixedKeyProcessorContext<String, Outcome>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {FixedKeyProcessorContext.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "forward" -> {
                  forwarded.add(((FixedKeyRecord<String, Outcome>) args[0]).value());
                  if (downstreamFailure != null) {
                    throw downstreamFailure;
                  }
                  return null;
                }
                case "recordMetadata" -> {
                  return Optional.empty();
                }
                default -> throw new UnsupportedOperationException(method.getName());
              }
            });
  }

  private static FixedKeyRecord<String, byte[]> record(String id, String body) {
    byte[] bytes = RAW.encode(EnrichTopologyTest.doc(id, "https://example.org/" + id, body));
    return InternalFixedKeyRecordFactory.create(new Record<>(id, bytes, 1_700_000_000_000L));
  }
}
