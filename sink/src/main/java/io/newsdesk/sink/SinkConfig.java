package io.newsdesk.sink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Settings of the sink, validated on construction (the offending key is named). */
public record SinkConfig(
    String bootstrapServers,
    String groupId,
    String transactionalId,
    Path outDir,
    boolean writeFiles,
    boolean dropDuplicates,
    int maxBatchRecords,
    Duration pollTimeout) {

  public SinkConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrap.servers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrap.servers must not be blank");
    }
    if (groupId == null || groupId.isBlank()) {
      throw new IllegalArgumentException("sink.group.id must not be blank");
    }
    if (transactionalId == null || transactionalId.isBlank()) {
      throw new IllegalArgumentException("sink.transactional.id must not be blank");
    }
    if (writeFiles) {
      Objects.requireNonNull(outDir, "sink.out.dir");
    }
    if (maxBatchRecords < 1) {
      throw new IllegalArgumentException("sink.max.batch.records must be at least 1");
    }
    Objects.requireNonNull(pollTimeout, "sink.poll.timeout");
  }

  /** Defaults: files under {@code outDir}, duplicates kept (flagged), batches of up to 500. */
  public static SinkConfig defaults(String bootstrapServers, Path outDir) {
    return new SinkConfig(
        bootstrapServers,
        "newsdesk-sink",
        "newsdesk-sink-0",
        outDir,
        true,
        false,
        500,
        Duration.ofMillis(200));
  }

  public SinkConfig withDropDuplicates(boolean drop) {
    return new SinkConfig(
        bootstrapServers,
        groupId,
        transactionalId,
        outDir,
        writeFiles,
        drop,
        maxBatchRecords,
        pollTimeout);
  }

  public SinkConfig withTransactionalId(String id) {
    return new SinkConfig(
        bootstrapServers,
        groupId,
        id,
        outDir,
        writeFiles,
        dropDuplicates,
        maxBatchRecords,
        pollTimeout);
  }
}
