package io.newsdesk.app.kafka;

import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every topic of the {@link Topics} catalog up front and waits for their leaders, so that
 * exactly-once clients never race topic creation.
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  /** Largest record a topic accepts: the producers' {@code max.request.size}. */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private TopicProvisioner() {}

  /** Creates missing topics with {@code partitions} partitions and waits until all have leaders. */
  public static void ensureTopics(Admin admin, int partitions, Duration timeout) {
    try {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topics.Topic<?, ?> t : Topics.all()) {
        if (existing.contains(t.name())) {
          continue;
        }
        // The cluster's default replication factor: 1 on the embedded broker, 3 on a real cluster.
        NewTopic nt =
            new NewTopic(
                t.name(),
                java.util.Optional.of(
                    t == Topics.SOURCES
                        ? Topics.sourcePartitions(partitions)
                        : t.compacted() ? 1 : partitions),
                java.util.Optional.empty());
        // Documents may be up to 10 MB (ingest's body limit); brokers default to about 1 MB.
        Map<String, String> configs = new java.util.HashMap<>();
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES));
        if (t.compacted()) {
          configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        nt.configs(configs);
        missing.add(nt);
      }
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
        LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
      }
      awaitLeaders(admin, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create Newsdesk topics: " + e.getMessage(), e);
    }
  }

  private static void awaitLeaders(Admin admin, Duration timeout) throws Exception {
    List<String> names = Topics.all().stream().map(Topics.Topic::name).toList();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Map<String, TopicDescription> d;
      try {
        d =
            admin
                .describeTopics(names)
                .allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        // Right after creation the metadata may not have reached the broker that answers.
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        TimeUnit.MILLISECONDS.sleep(100);
        continue;
      }
      boolean ready =
          d.values().stream()
              .flatMap(td -> td.partitions().stream())
              .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
      if (ready) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics have no leader after " + timeout);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }
}
