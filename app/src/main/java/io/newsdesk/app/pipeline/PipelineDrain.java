package io.newsdesk.app.pipeline;

import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the pipeline has drained: the enrich group has committed everything in the raw topic
 * and its repartition topics, and the sink group everything in the enriched topic.
 */
public final class PipelineDrain {

  private final Admin admin;
  private final String enrichGroup;
  private final String sinkGroup;

  public PipelineDrain(Admin admin, String enrichGroup, String sinkGroup) {
    this.admin = admin;
    this.enrichGroup = enrichGroup;
    this.sinkGroup = sinkGroup;
  }

  /** Waits until drained; false if {@code timeout} passed first. */
  public boolean await(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (caughtUp(enrichGroup, enrichTopics())
            && caughtUp(sinkGroup, List.of(Topics.ENRICHED.name()))
            && caughtUp(enrichGroup, enrichTopics())) {
          return true;
        }
      } catch (java.util.concurrent.ExecutionException e) {
        // Internal topics appear while Streams starts: ask again until the deadline.
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.RetriableException)) {
          throw e;
        }
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    return false;
  }

  private List<String> enrichTopics() throws Exception {
    Set<String> names = new HashSet<>(admin.listTopics().names().get());
    names.removeIf(n -> !(n.startsWith(enrichGroup + "-") && n.endsWith("-repartition")));
    names.add(Topics.RAW.name());
    return List.copyOf(names);
  }

  /** Whether {@code group} has committed up to the last stable offset of every partition. */
  boolean caughtUp(String group, List<String> topics) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
      d.partitions()
          .forEach(
              p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        admin
            .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get();
    for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : ends.entrySet()) {
      long end = e.getValue().offset();
      OffsetAndMetadata c = committed.get(e.getKey());
      long at = c == null ? 0 : c.offset();
      // Both consumers commit their position, which moves past transaction markers.
      if (at < end) {
        return false;
      }
    }
    return true;
  }
}
