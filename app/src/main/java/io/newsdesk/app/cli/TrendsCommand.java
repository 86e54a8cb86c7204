package io.newsdesk.app.cli;

import io.newsdesk.enrich.trends.TrendBoard;
import io.newsdesk.enrich.trends.TrendTopology;
import io.newsdesk.enrich.trends.TrendWindows;
import io.newsdesk.schema.EntityTrend;
import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk trends}: the current top entities, read from {@code newsdesk.entity-trends}. */
@Command(
    name = "trends",
    description = "Print the current top entities from the entity-trends topic.",
    mixinStandardHelpOptions = true)
public final class TrendsCommand implements Callable<Integer> {

  @Option(
      names = "--bootstrap-servers",
      required = true,
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka cluster the enrich stage writes to.")
  String bootstrapServers;

  @Option(
      names = "--window",
      defaultValue = "1h",
      description = "1h (advancing every 5 minutes) or 1d (default: ${DEFAULT-VALUE}).")
  String window;

  @Option(
      names = "--top",
      defaultValue = "20",
      description = "How many (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    if (!window.equals("1h") && !window.equals("1d")) {
      System.err.println("--window must be 1h or 1d");
      return 2;
    }
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, EntityTrend> latest = new HashMap<>();
    try (KafkaConsumer<String, EntityTrend> consumer =
        new KafkaConsumer<>(
            p,
            Topics.ENTITY_TRENDS.keySerde().deserializer(),
            Topics.ENTITY_TRENDS.valueSerde().deserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(Topics.ENTITY_TRENDS.name(), Duration.ofSeconds(30)).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      // Read to the end as it was when we started: the topic is compacted, the last value wins.
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, EntityTrend> r : consumer.poll(Duration.ofSeconds(1))) {
          if (r.value() != null) {
            latest.put(r.key(), r.value());
          }
        }
      }
    }
    long now = Instant.now().toEpochMilli();
    // Enrich writes five-minute buckets; the hour and day windows are their sums.
    List<EntityTrend> windows =
        TrendWindows.ofRecords(
            latest.values(), window.equals("1h") ? TrendTopology.HOUR : TrendTopology.DAY);
    List<EntityTrend> board = TrendBoard.top(windows, window, now, top);
    if (board.isEmpty()) {
      System.out.println("no trends yet for window " + window);
      return 0;
    }
    System.out.printf(
        "top entities, %s window from %s to %s%n",
        window,
        Instant.ofEpochMilli(board.get(0).getWindowStart()),
        Instant.ofEpochMilli(board.get(0).getWindowEnd()));
    System.out.printf(
        "%4s  %-40s %-5s %8s %8s %9s%n",
        "#", "entity", "type", "articles", "mentions", "sentiment");
    int rank = 1;
    for (EntityTrend t : board) {
      System.out.printf(
          "%4d  %-40s %-5s %8d %8d %9s%n",
          rank++,
          t.getCanonical(),
          t.getType(),
          t.getArticles(),
          t.getMentions(),
          t.getMeanSentiment() == null ? "-" : String.format("%+.2f", t.getMeanSentiment()));
    }
    return 0;
  }
}
