package io.newsdesk.sink;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what the sink committed. */
public final class SinkMetrics {
  final AtomicLong consumed = new AtomicLong();
  final AtomicLong toTopic = new AtomicLong();
  final AtomicLong toFiles = new AtomicLong();
  final AtomicLong skippedOnDisk = new AtomicLong();
  final AtomicLong duplicatesDropped = new AtomicLong();
  final AtomicLong deadLetters = new AtomicLong();
  final AtomicLong transactions = new AtomicLong();
  final AtomicLong files = new AtomicLong();
  final AtomicLong fileBytes = new AtomicLong();
  final AtomicLong openFiles = new AtomicLong();

  public long consumed() {
    return consumed.get();
  }

  public long toTopic() {
    return toTopic.get();
  }

  public long toFiles() {
    return toFiles.get();
  }

  public long skippedOnDisk() {
    return skippedOnDisk.get();
  }

  public long duplicatesDropped() {
    return duplicatesDropped.get();
  }

  public long deadLetters() {
    return deadLetters.get();
  }

  public long transactions() {
    return transactions.get();
  }

  /** Files published (rolled into their final names), each format counted. */
  public long files() {
    return files.get();
  }

  /** Bytes the sink wrote to files: the published ones and the open ones as flushed so far. */
  public long fileBytes() {
    return fileBytes.get();
  }

  /** Files open right now (published when they roll). */
  public long openFiles() {
    return openFiles.get();
  }
}
