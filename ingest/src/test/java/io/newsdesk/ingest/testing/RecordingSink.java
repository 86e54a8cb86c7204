package io.newsdesk.ingest.testing;

import io.newsdesk.ingest.publish.DocumentSink;
import io.newsdesk.ingest.publish.PublishException;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.SourceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A DocumentSink that keeps everything in memory, like a compacted state topic would. */
public final class RecordingSink implements DocumentSink {
  public final List<RawDocument> documents = new ArrayList<>();
  public final List<DeadLetter> deadLetters = new ArrayList<>();
  public final Map<String, SourceState> states = new HashMap<>();
  public int batches;
  public volatile boolean failNext;

  /** The publish that fails, counting from 1 (a crash mid-poll); 0 for none. */
  public volatile int failPublish;

  private int publishes;

  @Override
  public synchronized void publish(Batch batch) throws PublishException {
    if (++publishes == failPublish) {
      throw new PublishException("simulated crash at publish " + publishes, null);
    }
    if (failNext) {
      failNext = false;
      throw new PublishException("simulated failure", null);
    }
    batches++;
    documents.addAll(batch.documents());
    deadLetters.addAll(batch.deadLetters());
    if (batch.state() != null) {
      states.put(batch.state().getSource(), batch.state());
    }
  }

  public synchronized List<RawDocument> documents() {
    return new ArrayList<>(documents);
  }

  public synchronized List<DeadLetter> deadLetters() {
    return new ArrayList<>(deadLetters);
  }

  public synchronized Map<String, SourceState> states() {
    return new HashMap<>(states);
  }
}
