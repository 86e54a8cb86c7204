package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.app.bench.BenchCorpus;
import io.newsdesk.app.kafka.TopicProvisioner;
import io.newsdesk.ingest.sources.SourceCatalog;
import io.newsdesk.schema.Source;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster under faults: three KRaft nodes (replication factor 3, min.insync.replicas 2), two
 * ingest, two enrich and one sink, each its own JVM from the product jar. Local feeds on ten
 * loopback hosts keep gaining items; mid-stream one broker, one ingest and one enrich instance are
 * killed with SIGKILL and started again. At the end every article is in the sink's files exactly
 * once. Prints what it killed and the counts.
 */
@org.junit.jupiter.api.extension.ExtendWith(ChildLogs.class)
class ClusterFaultIT {

  private static final int HOSTS = 10;
  private static final int PER_HOST = Integer.getInteger("newsdesk.clusterArticles", 300) / HOSTS;

  @TempDir Path dir;
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final List<FeedServer> sites = new ArrayList<>();
  private final int[] brokerPorts = new int[3];
  private final int[] controllerPorts = new int[3];
  private String voters;
  private final String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
  private long startMs;
  private List<String> pages;

  @AfterEach
  void stop() {
    processes.values().forEach(Process::destroyForcibly);
    sites.forEach(FeedServer::close);
  }

  @Test
  void everyArticleOnceInTheSinkAfterKillingABrokerAnIngestAndAnEnrich() throws Exception {
    long t0 = System.nanoTime();
    pages = BenchCorpus.generate(HOSTS * PER_HOST, 14);
    List<String> voterList = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      brokerPorts[i] = freePort();
      controllerPorts[i] = freePort();
      voterList.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
    }
    voters = String.join(",", voterList);
    for (int i = 0; i < 3; i++) {
      startNode(i);
    }
    String bootstrap =
        "127.0.0.1:"
            + brokerPorts[0]
            + ",127.0.0.1:"
            + brokerPorts[1]
            + ",127.0.0.1:"
            + brokerPorts[2];
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 3);
      TopicProvisioner.ensureTopics(admin, 2, Duration.ofSeconds(120));
    }
    System.out.printf("cluster of 3 up after %.1f s%n", (System.nanoTime() - t0) / 1e9);

    startMs = System.currentTimeMillis();
    List<Source> sources = new ArrayList<>();
    for (int h = 1; h <= HOSTS; h++) {
      int port = startSite(h);
      sources.add(
          SourceCatalog.source(
              "http://127.0.0." + h + ":" + port + "/feed.xml",
              "feed",
              Duration.ofSeconds(1),
              Duration.ofSeconds(1),
              List.of("fault-test")));
    }
    Properties client = new Properties();
    client.put("bootstrap.servers", bootstrap);
    try (Producer<byte[], byte[]> p = SourceCatalog.producer(client)) {
      SourceCatalog.put(p, sources);
    }
    Path out = dir.resolve("out");
    start("sink", sinkCmd(bootstrap, out));
    start("enrich-1", enrichCmd(bootstrap, 1));
    start("enrich-2", enrichCmd(bootstrap, 2));
    start("ingest-1", ingestCmd(bootstrap, 1));
    start("ingest-2", ingestCmd(bootstrap, 2));

    int total = HOSTS * PER_HOST;
    awaitSink(out, total / 4, Duration.ofMinutes(4), t0);
    int atKill = new HashSet<>(SinkFiles.articleIds(out, true)).size();
    System.out.printf(
        "killing (SIGKILL) broker node 2, ingest-1 and enrich-1 with %d of %d articles in the sink,"
            + " %.1f s in%n",
        atKill, total, (System.nanoTime() - t0) / 1e9);
    for (String name : List.of("node-2", "ingest-1", "enrich-1")) {
      processes.get(name).destroyForcibly().waitFor();
    }
    await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
    startNode(1);
    start("ingest-1", ingestCmd(bootstrap, 1));
    start("enrich-1", enrichCmd(bootstrap, 1));
    System.out.println("restarted broker node 2, ingest-1 and enrich-1");

    try {
      awaitSink(out, total, Duration.ofMinutes(5), t0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      try {
        reportMissing(out);
      } catch (IOException | RuntimeException r) {
        System.out.println("  could not list the missing stories: " + r);
      }
      throw e;
    }
    Process sink = processes.get("sink");
    sink.destroy(); // SIGTERM: the sink commits and rolls its open files
    assertThat(sink.waitFor(60, TimeUnit.SECONDS)).as("sink stopped on SIGTERM").isTrue();
    List<String> ids = SinkFiles.articleIds(out, false);
    System.out.printf(
        "sink files: %d records, %d distinct, %d articles served; whole test %.1f s%n",
        ids.size(), new HashSet<>(ids).size(), total, (System.nanoTime() - t0) / 1e9);
    assertThat(ids).doesNotHaveDuplicates().hasSize(total);
  }

  /** Waits until the sink holds {@code n} distinct articles, printing progress every 10 s. */
  private static void awaitSink(Path out, int n, Duration atMost, long t0) {
    long[] last = {System.nanoTime()};
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              int have = new HashSet<>(SinkFiles.articleIds(out, true)).size();
              if (System.nanoTime() - last[0] > 10_000_000_000L) {
                last[0] = System.nanoTime();
                System.out.printf(
                    "  %.0f s: %d of %d articles in the sink%n",
                    (System.nanoTime() - t0) / 1e9, have, n);
              }
              return have >= n;
            });
  }

  private void startNode(int i) throws IOException {
    List<String> cmd =
        List.of(
            java(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            jar(),
            "io.newsdesk.app.kafka.ClusterNode",
            String.valueOf(i + 1),
            dir.resolve("node-" + (i + 1)).toString(),
            String.valueOf(brokerPorts[i]),
            String.valueOf(controllerPorts[i]),
            voters,
            clusterId);
    start("node-" + (i + 1), cmd);
  }

  private List<String> sinkCmd(String bootstrap, Path out) {
    return stage(
        "320m",
        "sink",
        "--bootstrap-servers",
        bootstrap,
        "--out",
        out.toString(),
        "--data-dir",
        dir.resolve("sink-data").toString(),
        "--http",
        "none");
  }

  private List<String> enrichCmd(String bootstrap, int n) {
    return stage(
        "640m",
        "enrich",
        "--bootstrap-servers",
        bootstrap,
        "--data-dir",
        dir.resolve("enrich-" + n).toString(),
        "--http",
        "none");
  }

  private List<String> ingestCmd(String bootstrap, int n) {
    return stage(
        "320m",
        "ingest",
        "--bootstrap-servers",
        bootstrap,
        "--instance-id",
        "fault-" + n,
        "--data-dir",
        dir.resolve("ingest-" + n).toString(),
        "--allow-network",
        "127.0.0.0/8",
        "--http",
        "none");
  }

  private List<String> stage(String heap, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.add("-Xmx" + heap);
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsdesk.schema");
    cmd.add("-jar");
    cmd.add(jar());
    cmd.addAll(List.of(args));
    return cmd;
  }

  private final Path logs = ChildLogs.dir(ClusterFaultIT.class);

  private void start(String name, List<String> cmd) throws IOException {
    // Logs stay after the test, for a failure to be read
    // (target/child-logs/ClusterFaultIT/NAME.log;
    // a restarted process appends), and their tails are printed when it fails.
    ProcessBuilder b =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
    // Newsdesk's own INFO lines (polls, commits, rebalances, thread replacements): a stall that
    // shows up once in many runs must be readable from its logs.
    b.environment().put("NEWSDESK_LOG_LEVEL", "INFO");
    Process p = b.start();
    processes.put(name, p);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String jar() {
    return Path.of(System.getProperty("newsdesk.jar", "target/newsdesk.jar"))
        .toAbsolutePath()
        .toString();
  }

  /** One site per loopback host; its feed gains an item every second or so, a window of 40. */
  private int startSite(int h) throws IOException {
    FeedServer site =
        FeedServer.start("127.0.0." + h, 16, 0, (path, host) -> answer(path, host, h));
    sites.add(site);
    return site.port();
  }

  private int visible() {
    long seconds = (System.currentTimeMillis() - startMs) / 1000;
    return (int) Math.min(PER_HOST, 5 + seconds);
  }

  private FeedServer.Reply answer(String path, String hostHeader, int h) {
    if (path.equals("/feed.xml")) {
      int n = visible();
      FeedServer.Rss rss = new FeedServer.Rss("Site " + h, "http://" + hostHeader + "/", "d");
      for (int i = n - 1; i >= Math.max(0, n - 40); i--) {
        rss.item("Story " + h + "-" + i, "http://" + hostHeader + "/story-" + i + ".html");
      }
      return new FeedServer.Reply("application/rss+xml", rss.xml());
    }
    if (path.startsWith("/story-")) {
      int i = Integer.parseInt(path.replaceAll("\\D", ""));
      return new FeedServer.Reply("text/html; charset=utf-8", pages.get((h - 1) * PER_HOST + i));
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * After a stall: which served stories never reached the sink, per site, so that a rare failure
   * says which host's source (and so which ingest hand-over) or which articles it concerns.
   */
  private static void reportMissing(Path out) throws IOException {
    java.util.Set<String> present = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Path f : SinkFiles.jsonl(out, true)) {
      List<String> lines;
      try {
        lines = Files.readAllLines(f);
      } catch (java.nio.file.NoSuchFileException e) {
        continue; // rolled meanwhile
      }
      for (String line : lines) {
        try {
          present.add(json.readTree(line).path("article").path("url").asText());
        } catch (IOException e) {
          // a half-written last line
        }
      }
    }
    for (int h = 1; h <= HOSTS; h++) {
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < PER_HOST; i++) {
        String suffix = "/story-" + i + ".html";
        String host = "http://127.0.0." + h + ":";
        if (present.stream().noneMatch(u -> u.startsWith(host) && u.endsWith(suffix))) {
          missing.add(i);
        }
      }
      if (!missing.isEmpty()) {
        System.out.printf("  site 127.0.0.%d: stories missing from the sink %s%n", h, missing);
      }
    }
  }
}
