package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdesk.app.bench.BenchCorpus;
import io.newsdesk.app.kafka.EmbeddedKafka;
import io.newsdesk.app.kafka.TopicProvisioner;
import io.newsdesk.enrich.EnrichConfig;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich and sink as separate processes started from the product jar, killed with SIGKILL in the
 * middle of the stream and started again: every document must reach the sink topic and the files
 * exactly once.
 */
@org.junit.jupiter.api.extension.ExtendWith(ChildLogs.class)
class KillRestartIT {

  @TempDir Path dir;
  private final Path logs = ChildLogs.dir(KillRestartIT.class);
  private EmbeddedKafka kafka;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void nothingIsLostOrDoubledWhenEnrichAndSinkAreKilledMidStream() throws Exception {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    String bootstrap = kafka.bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      TopicProvisioner.ensureTopics(admin, 2, Duration.ofSeconds(30));
    }
    int n = 600;
    produce(bootstrap, n);
    Path out = dir.resolve("out");

    Process enrich = start("enrich", bootstrap, "--data-dir", dir.resolve("enrich").toString());
    Process sink =
        start(
            "sink",
            bootstrap,
            "--out",
            out.toString(),
            "--data-dir",
            dir.resolve("sink").toString());
    await().atMost(Duration.ofMinutes(3)).until(() -> linesIn(out) >= 60);
    enrich.destroyForcibly().waitFor();
    sink.destroyForcibly().waitFor();
    long atKill = linesIn(out);

    start("enrich", bootstrap, "--data-dir", dir.resolve("enrich").toString());
    Process sinkAgain =
        start(
            "sink",
            bootstrap,
            "--out",
            out.toString(),
            "--data-dir",
            dir.resolve("sink").toString());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      PipelineDrain drain =
          new PipelineDrain(admin, EnrichConfig.DEFAULT_APPLICATION_ID, "newsdesk-sink");
      assertThat(drain.await(Duration.ofMinutes(5))).as("drained after restart").isTrue();
    }
    sinkAgain.destroy(); // SIGTERM: a clean stop rolls the open files into final ones
    assertThat(sinkAgain.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(atKill).as("killed mid-stream").isLessThan(n);
    RunReport report = RunReport.since(bootstrap, new RunReport.Marks(Map.of()));
    assertThat(report.articleIds).hasSize(n).doesNotHaveDuplicates();
    List<String> fileIds = SinkFiles.articleIds(out, false);
    assertThat(fileIds).hasSize(n).doesNotHaveDuplicates();
    assertThat(fileIds).containsExactlyInAnyOrderElementsOf(report.articleIds);
  }

  private Process start(String stage, String bootstrap, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsdesk.schema",
                "-jar",
                System.getProperty("newsdesk.jar", "target/newsdesk.jar"),
                stage,
                "--bootstrap-servers",
                bootstrap,
                "--http",
                "none"));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(stage + "-" + processes.size() + ".log").toFile())
            .start();
    processes.add(p);
    return p;
  }

  private static void produce(String bootstrap, int n) {
    AvroCodec<RawDocument> codec = AvroCodec.of(RawDocument.class);
    List<String> pages = BenchCorpus.generate(n, 7);
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "enable.idempotence", true),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < n; i++) {
        String id = String.format("kill-%04d", i);
        RawDocument doc =
            RawDocument.newBuilder()
                .setId(id)
                .setSource("kill-restart-it")
                .setUrl("http://127.0.0.1/kill/" + id + ".html")
                .setFetchedAt(System.currentTimeMillis())
                .setArrival(Arrival.PAGE)
                .setContentType("text/html")
                .setCharset("UTF-8")
                .setBody(ByteBuffer.wrap(pages.get(i).getBytes(StandardCharsets.UTF_8)))
                .build();
        p.send(new ProducerRecord<>(Topics.RAW.name(), id, codec.encode(doc)));
      }
      p.flush();
    }
  }

  private static long linesIn(Path out) throws IOException {
    return SinkFiles.articleIds(out, true).size();
  }
}
