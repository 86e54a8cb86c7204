package io.newsdesk.ingest.publish;

import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.SourceState;
import java.util.List;

/**
 * Where ingest output goes. One {@link #publish} call is atomic: its documents, dead letters and
 * source state become visible together or not at all.
 */
public interface DocumentSink extends AutoCloseable {

  /** What one poll of one source produced. */
  record Batch(List<RawDocument> documents, List<DeadLetter> deadLetters, SourceState state) {
    public Batch {
      documents = List.copyOf(documents);
      deadLetters = List.copyOf(deadLetters);
    }

    /** A batch of documents only (pushes). */
    public static Batch of(List<RawDocument> documents) {
      return new Batch(documents, List.of(), null);
    }

    /** A single dead letter. */
    public static Batch deadLetter(DeadLetter d) {
      return new Batch(List.of(), List.of(d), null);
    }

    /** Whether there is nothing to publish. */
    public boolean isEmpty() {
      return documents.isEmpty() && deadLetters.isEmpty() && state == null;
    }
  }

  /**
   * Publishes a batch atomically.
   *
   * @throws PublishException when the batch was not committed (nothing of it is visible)
   */
  void publish(Batch batch) throws PublishException;

  @Override
  default void close() {}
}
