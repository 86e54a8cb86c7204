package io.newsdesk.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.ingest.RawDocuments;
import io.newsdesk.ingest.receive.ArticleDocuments;
import io.newsdesk.ingest.state.SourceStates;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.SourceState;
import io.newsdesk.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaDocumentSinkTest {
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

  private static RawDocument doc(String text) throws Exception {
    return ArticleDocuments.parse(
            text.getBytes(StandardCharsets.UTF_8),
            "text/plain",
            null,
            "push",
            null,
            Arrival.PUSH,
            1L)
        .get(0);
  }

  @Test
  void documentsDeadLettersAndStateGoInOneCommittedTransaction() throws Exception {
    producer.initTransactions();
    KafkaDocumentSink sink = new KafkaDocumentSink(producer);
    SourceState state = SourceStates.initial("https://x.example/feed", "feed", 1000);
    sink.publish(
        new DocumentSink.Batch(
            List.of(doc("one"), doc("two")),
            List.of(
                RawDocuments.deadLetter(
                    "ingest.feed",
                    "bad",
                    null,
                    new byte[] {1},
                    "https://x.example/feed",
                    "https://x.example/feed",
                    1L,
                    null)),
            state));
    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.history())
        .extracting(ProducerRecord::topic)
        .containsExactly(
            Topics.RAW.name(),
            Topics.RAW.name(),
            Topics.DEAD_LETTERS.name(),
            Topics.INGEST_STATE.name());
    ProducerRecord<byte[], byte[]> last = producer.history().get(3);
    assertThat(new String(last.key(), StandardCharsets.UTF_8)).isEqualTo("https://x.example/feed");
    SourceState back =
        Topics.INGEST_STATE.valueSerde().deserializer().deserialize("t", last.value());
    assertThat(back.getSource()).isEqualTo("https://x.example/feed");
    RawDocument first =
        Topics.RAW.valueSerde().deserializer().deserialize("t", producer.history().get(0).value());
    assertThat(new String(producer.history().get(0).key(), StandardCharsets.UTF_8))
        .isEqualTo(first.getId());
  }

  @Test
  void aFailedCommitAbortsAndReportsTheBatchAsUnpublished() throws Exception {
    producer.initTransactions();
    producer.commitTransactionException = new KafkaException("broker gone");
    KafkaDocumentSink sink = new KafkaDocumentSink(producer);
    assertThatThrownBy(() -> sink.publish(DocumentSink.Batch.of(List.of(doc("x")))))
        .isInstanceOf(PublishException.class);
    assertThat(producer.transactionAborted()).isTrue();
    assertThat(producer.transactionCommitted()).isFalse();
  }

  @Test
  void emptyBatchesAreNotSent() throws Exception {
    producer.initTransactions();
    new KafkaDocumentSink(producer).publish(DocumentSink.Batch.of(List.of()));
    assertThat(producer.transactionInFlight()).isFalse();
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void anOversizedDocumentBecomesADeadLetterInsteadOfBlockingTheBatch() throws Exception {
    producer.initTransactions();
    KafkaDocumentSink sink = new KafkaDocumentSink(producer, 2_000);
    sink.publish(DocumentSink.Batch.of(List.of(doc("small"), doc("x".repeat(5_000)))));
    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.history())
        .extracting(ProducerRecord::topic)
        .containsExactly(Topics.RAW.name(), Topics.DEAD_LETTERS.name());
    var dl =
        Topics.DEAD_LETTERS
            .valueSerde()
            .deserializer()
            .deserialize("t", producer.history().get(1).value());
    assertThat(dl.getStage()).isEqualTo("ingest.publish");
    assertThat(dl.getReason()).contains("larger than 2000 bytes");
  }
}
