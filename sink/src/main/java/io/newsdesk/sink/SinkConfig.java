package io.newsdesk.sink;

import io.newsdesk.sink.files.RollPolicy;
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
    Duration pollTimeout,
    RollPolicy roll,
    String groupInstanceId) {

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
    Objects.requireNonNull(roll, "sink.roll");
    if (groupInstanceId != null && groupInstanceId.isBlank()) {
      throw new IllegalArgumentException("sink.group.instance.id must not be blank when set");
    }
  }

  /**
   * Defaults: files under {@code outDir} rolled by {@link RollPolicy#defaults()}, duplicates kept
   * (flagged), batches of up to 500, static group membership as {@code newsdesk-sink-0}.
   */
  public static SinkConfig defaults(String bootstrapServers, Path outDir) {
    return new SinkConfig(
        bootstrapServers,
        "newsdesk-sink",
        "newsdesk-sink-0",
        outDir,
        true,
        false,
        500,
        Duration.ofMillis(200),
        RollPolicy.defaults(),
        "newsdesk-sink-0");
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
        pollTimeout,
        roll,
        groupInstanceId);
  }

  /** The same settings with this transactional id, also used as the static group member id. */
  public SinkConfig withTransactionalId(String id) {
    return new SinkConfig(
        bootstrapServers,
        groupId,
        id,
        outDir,
        writeFiles,
        dropDuplicates,
        maxBatchRecords,
        pollTimeout,
        roll,
        id);
  }

  /** The same settings with another roll policy. */
  public SinkConfig withRoll(RollPolicy r) {
    return new SinkConfig(
        bootstrapServers,
        groupId,
        transactionalId,
        outDir,
        writeFiles,
        dropDuplicates,
        maxBatchRecords,
        pollTimeout,
        r,
        groupInstanceId);
  }
}
