package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdesk.app.kafka.EmbeddedKafka;
import io.newsdesk.app.kafka.TopicProvisioner;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest as a separate process, killed with SIGKILL in the middle of a run and started again: every
 * feed item must be published exactly once, including items listed by two feeds.
 */
class IngestRestartIT {

  private static final int FEEDS = 4;
  private static final int ITEMS = 4;

  @TempDir Path dir;
  private EmbeddedKafka kafka;
  private FeedServer site;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    if (site != null) {
      site.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void noItemIsMissingOrPublishedTwiceWhenIngestIsKilledMidRun() throws Exception {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicProvisioner.ensureTopics(admin, 2, Duration.ofSeconds(30));
    }
    String base = startSite();
    Path feeds = dir.resolve("feeds.txt");
    List<String> lines = new ArrayList<>(List.of("# feeds of the restart test"));
    for (int f = 0; f < FEEDS; f++) {
      lines.add(base + "/feed-" + f + ".xml");
    }
    Files.write(feeds, lines);
    Set<String> expected = new TreeSet<>();
    for (int f = 0; f < FEEDS; f++) {
      for (int i = 0; i < ITEMS; i++) {
        expected.add(base + "/page-" + f + "-" + i + ".html");
      }
    }

    Process first = ingest(feeds, false);
    // One connection per host and a per-host delay: the run takes many seconds; kill it midway.
    await().atMost(Duration.ofMinutes(2)).until(() -> published().size() >= 4);
    first.destroyForcibly().waitFor();
    int atKill = published().size();

    Process second = ingest(feeds, true);
    assertThat(second.waitFor()).as("second ingest run exit code").isZero();

    List<String> urls = published();
    assertThat(atKill).as("killed mid-run").isLessThan(expected.size());
    assertThat(urls).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(urls)).isEqualTo(expected);
  }

  private Process ingest(Path feeds, boolean once) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                System.getProperty("newsdesk.jar", "target/newsdesk.jar"),
                "ingest",
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--feeds",
                feeds.toString(),
                "--instance-id",
                "restart-it",
                "--allow-network",
                "127.0.0.1/32",
                "--http",
                "none"));
    if (once) {
      cmd.add("--once");
    }
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("ingest-" + processes.size() + ".log").toFile())
            .start();
    processes.add(p);
    return p;
  }

  /** Canonical URLs of every committed raw document, in order. */
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

  private String startSite() throws IOException {
    site = FeedServer.start(InetAddress.getLoopbackAddress(), 16, 0, (path, host) -> answer(path));
    return "http://127.0.0.1:" + site.port();
  }

  private FeedServer.Reply answer(String path) {
    String base = "http://127.0.0.1:" + site.port();
    if (path.startsWith("/feed-")) {
      int f = Integer.parseInt(path.replaceAll("\\D", ""));
      FeedServer.Rss rss = new FeedServer.Rss("Feed " + f);
      for (int i = 0; i < ITEMS; i++) {
        item(rss, base, f, i);
      }
      // Every feed also lists the first item of the previous feed: cross-feed duplicates.
      item(rss, base, (f + FEEDS - 1) % FEEDS, 0);
      return new FeedServer.Reply("application/rss+xml; charset=utf-8", rss.xml());
    }
    if (path.startsWith("/page-")) {
      return new FeedServer.Reply(
          "text/html; charset=utf-8",
          "<html><head><title>"
              + path
              + "</title></head><body><article><p>Story "
              + path
              + " with enough words to be an article about talks between Baghdad and Washington.</p></article></body></html>");
    }
    return null;
  }

  private static void item(FeedServer.Rss rss, String base, int f, int i) {
    String link = base + "/page-" + f + "-" + i + ".html";
    rss.item("Item " + f + "-" + i, link + "?utm_source=feed", link);
  }
}
