package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdesk.app.cli.KafkaOptions;
import io.newsdesk.app.cli.SourcesCommand;
import io.newsdesk.app.kafka.EmbeddedKafka;
import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.sources.SourceCatalog;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Source;
import io.newsdesk.schema.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources as data: two ingest instances share {@code newsdesk.sources} as a consumer group. A
 * source added while they run is polled, one removed is not polled again, and when an instance
 * leaves its sources go on at the other from their stored state, every item published once.
 */
class SourcesIT {

  private static final int HOSTS = 8;

  @TempDir Path dir;
  private EmbeddedKafka kafka;
  private FeedServer site;
  private final List<IngestWiring> instances = new ArrayList<>();
  private final Map<Integer, AtomicInteger> items = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> feedRequests = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    instances.forEach(IngestWiring::close);
    if (site != null) {
      site.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void sourcesAddedWhileRunningAreSharedByTheGroupAndRemovedOnesStop() throws Exception {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    KafkaEnvironment env =
        KafkaEnvironment.open(KafkaOptions.of(kafka.bootstrapServers(), dir.resolve("d"), 2));
    int port = startSite();
    // One feed per loopback host: each host is its own politeness domain and catalog partition.
    List<Source> sources = new ArrayList<>();
    for (int h = 1; h <= HOSTS; h++) {
      items.put(h, new AtomicInteger(3));
      feedRequests.put(h, new AtomicInteger());
      sources.add(
          SourceCatalog.source(
              "http://127.0.0." + h + ":" + port + "/feed.xml",
              "feed",
              Duration.ofMillis(500),
              Duration.ofMillis(500),
              List.of("test")));
    }
    Set<Integer> partitions = new HashSet<>();
    sources.forEach(s -> partitions.add(Topics.sourcePartition(SourceCatalog.host(s.getUrl()), 6)));
    assertThat(partitions).as("hosts spread over the catalog's partitions").hasSizeGreaterThan(3);

    IngestWiring a = start(env, "a");
    // Starts with no sources at all and waits for some.
    assertThat(a.ownedSources()).isEmpty();
    try (Producer<byte[], byte[]> p = SourceCatalog.producer(env.clientProperties())) {
      SourceCatalog.put(p, sources.subList(0, HOSTS / 2));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> published().size() >= 3 * HOSTS / 2);

      IngestWiring b = start(env, "b");
      SourceCatalog.put(p, sources.subList(HOSTS / 2, HOSTS));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> published().size() >= 3 * HOSTS);
      // b's join rebalances the group (cooperatively: a first gives up what moves to b); the
      // items above may all be published by a before that completes.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  !b.ownedSources().isEmpty()
                      && a.ownedSources().size() + b.ownedSources().size() == HOSTS);
      System.out.printf(
          "instance a polls %d sources, b %d%n", a.ownedSources().size(), b.ownedSources().size());
      assertThat(a.ownedSources()).as("a's share").isNotEmpty();
      assertThat(b.ownedSources()).as("b's share").isNotEmpty();
      assertThat(a.ownedSources().keySet()).doesNotContainAnyElementsOf(b.ownedSources().keySet());

      List<Map<String, Object>> health = SourcesCommand.health(env.clientProperties());
      assertThat(health).hasSize(HOSTS);
      for (Map<String, Object> row : health) {
        @SuppressWarnings("unchecked")
        Map<String, Object> h = (Map<String, Object>) row.get("health");
        assertThat(h.get("lastSuccess")).as("last success of %s", row.get("url")).isNotNull();
        assertThat(h.get("lastPoll")).isNotNull();
        assertThat(h.get("items")).isEqualTo(3L);
        assertThat(h.get("errors")).isEqualTo(0L);
      }

      // Removed: not polled again.
      SourceCatalog.remove(p, sources.get(0));
      String removed = sources.get(0).getId();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !a.ownedSources().containsKey(removed) && !b.ownedSources().containsKey(removed));
      // A poll that began before the removal may still be on the wire.
      await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
      int before = feedRequests.get(1).get();
      await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
      assertThat(feedRequests.get(1).get()).as("polls of the removed feed").isEqualTo(before);

      // a leaves: its sources go on at b from their stored state; new items appear meanwhile.
      a.close();
      instances.remove(a);
      for (int h = 2; h <= HOSTS; h++) {
        items.get(h).addAndGet(2);
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> published().size() >= 3 + 5 * (HOSTS - 1));
      await().atMost(Duration.ofSeconds(30)).until(() -> b.ownedSources().size() == HOSTS - 1);
    }
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    List<String> urls = published();
    System.out.printf(
        "published %d documents, %d distinct%n", urls.size(), new HashSet<>(urls).size());
    assertThat(urls).doesNotHaveDuplicates().hasSize(3 + 5 * (HOSTS - 1));
  }

  private IngestWiring start(KafkaEnvironment env, String id) throws IOException {
    IngestConfig config =
        IngestConfig.defaults().toBuilder()
            .allowNetworks(List.of("127.0.0.0/8"))
            .perHostMinDelay(Duration.ofMillis(50))
            .respectRobots(false)
            .minPollInterval(Duration.ofMillis(500))
            .defaultPollInterval(Duration.ofSeconds(1))
            .build();
    IngestWiring w =
        IngestWiring.open(
            env, config, new IngestWiring.Sources(List.of(), List.of(), null, null), id);
    instances.add(w);
    w.startShared();
    return w;
  }

  private int startSite() throws IOException {
    site = FeedServer.start("0.0.0.0", 32, 4, this::answer);
    return site.port();
  }

  private FeedServer.Reply answer(String path, String hostHeader) {
    String hostOnly = hostHeader.substring(0, hostHeader.lastIndexOf(':'));
    int h = Integer.parseInt(hostOnly.substring(hostOnly.lastIndexOf('.') + 1));
    if (path.equals("/feed.xml")) {
      feedRequests.get(h).incrementAndGet();
      FeedServer.Rss rss = new FeedServer.Rss("Host " + h, "http://" + hostHeader + "/", "d");
      for (int i = items.get(h).get() - 1; i >= 0; i--) {
        rss.item("Item " + i, "http://" + hostHeader + "/page-" + i + ".html");
      }
      return new FeedServer.Reply("application/rss+xml", rss.xml());
    }
    if (path.startsWith("/page-")) {
      return new FeedServer.Reply(
          "text/html; charset=utf-8",
          "<html><head><title>Page</title></head><body><article><p>Host "
              + h
              + " reports item "
              + path
              + ".</p></article></body></html>");
    }
    return null;
  }

  /** Canonical URLs of every committed raw document. */
  private List<String> published() {
    AvroCodec<RawDocument> codec = AvroCodec.of(RawDocument.class);
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("isolation.level", "read_committed");
    List<String> urls = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      c.partitionsFor(Topics.RAW.name())
          .forEach(i -> tps.add(new TopicPartition(i.topic(), i.partition())));
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> end = c.endOffsets(tps);
      Map<TopicPartition, Long> at = new HashMap<>();
      long deadline = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          urls.add(codec.decode(r.value()).getCanonicalUrl());
        }
        tps.forEach(tp -> at.put(tp, c.position(tp)));
        if (tps.stream().allMatch(tp -> at.get(tp) >= end.get(tp))) {
          break;
        }
      }
    }
    return urls;
  }
}
