package io.newsdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.app.bench.HostileDocumentBench;
import io.newsdesk.app.demo.DemoRun;
import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.receive.PushReceiver;
import io.newsdesk.ingest.receive.PushTokens;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Removal;
import io.newsdesk.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's "a 5 MB text dense with names goes through enrich in under 10 s (or is cut with the
 * cut recorded), and the articles behind it are not delayed by more than that": on a real broker
 * and the real pipeline, a 5 MB pushed text is followed by an ordinary push: enrich spends well
 * under 3 s of CPU on the big one, and the ordinary article reaches the output at most 10 s later
 * than an ordinary article alone does (asserted while the machine is not oversubscribed).
 */
class OversizedPushIT {

  /** The figure. */
  private static final Duration BUDGET = Duration.ofSeconds(10);

  @TempDir static Path dir;
  static KafkaEnvironment kafka;

  @BeforeAll
  static void start() {
    kafka = DemoRun.embedded(dir);
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void anOrdinaryPushBehindAFiveMegabyteNameDenseTextArrivesWithinTenSeconds() throws Exception {
    IngestConfig config = IngestConfig.defaults();
    RunReport.Marks marks = RunReport.mark(kafka.bootstrapServers());
    String token = PushTokens.generate();
    String dense = HostileDocumentBench.nameDenseText(5_000_000, 5_000, 42);
    String ordinary =
        ("Ordinary news: the ferry to Port Calder resumed service on Friday after the storm, the"
                + " operator said. Passengers waited for two days in the harbour hall, where the"
                + " town served soup and blankets. The next crossing is planned for Saturday"
                + " morning if the wind drops.\n\n")
            .repeat(2);
    long aloneMs;
    long aloneCpuMs;
    long denseCpuMs;
    long aloneEnrichMs;
    long denseEnrichMs;
    long delayMs;
    try (Pipeline pipeline =
            Pipeline.start(
                kafka,
                EnrichComponents.standard(),
                dir.resolve("data"),
                dir.resolve("out"),
                false);
        Output output = new Output(marks)) {
      IngestWiring.Sources none = new IngestWiring.Sources(List.of(), List.of(), null, null);
      try (IngestWiring ingest = IngestWiring.open(kafka, config, none, "oversized");
          PushReceiver receiver =
              new PushReceiver(
                      config.toBuilder().pushToken(token).build(),
                      0,
                      ingest.sink(),
                      Clock.systemUTC(),
                      () -> true)
                  .start()) {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + receiver.port() + "/articles");
        // Warm the pipeline (models, JIT, topics) with a 1 MB name-dense push and an ordinary
        // one, as a running pipeline is, then time another ordinary one: what an article costs
        // to get through on this machine with nothing big ahead of it.
        String warm = HostileDocumentBench.nameDenseText(1_000_000, 5_000, 7);
        assertThat(push(http, uri, token, warm)).isEqualTo(202);
        assertThat(push(http, uri, token, ordinary.replace("Friday", "Sunday"))).isEqualTo(202);
        output.await(a -> a.getArticle().getText().contains("Sunday after"), Duration.ofMinutes(2));
        assertThat(push(http, uri, token, ordinary.replace("Friday", "Monday"))).isEqualTo(202);
        long t0 = System.nanoTime();
        long cpu0 = processCpuMs();
        long enrich0 = enrichCpuMs();
        output.await(a -> a.getArticle().getText().contains("Monday after"), Duration.ofMinutes(2));
        aloneMs = (System.nanoTime() - t0) / 1_000_000;
        aloneCpuMs = processCpuMs() - cpu0;
        aloneEnrichMs = enrichCpuMs() - enrich0;
        cpu0 = processCpuMs();
        enrich0 = enrichCpuMs();
        assertThat(push(http, uri, token, dense)).isEqualTo(202);
        assertThat(push(http, uri, token, ordinary)).isEqualTo(202);
        long accepted = System.nanoTime();
        output.await(a -> a.getArticle().getText().contains("Friday after"), Duration.ofMinutes(3));
        delayMs = (System.nanoTime() - accepted) / 1_000_000;
        denseCpuMs = processCpuMs() - cpu0;
        denseEnrichMs = enrichCpuMs() - enrich0;
      }
      assertThat(pipeline.awaitDrained(Duration.ofMinutes(3))).isTrue();
      assertThat(pipeline.enrichFailure()).isNull();

      EnrichedArticle big =
          output.await(
              a -> a.getLimits() != null && a.getLimits().getTextChars() > 4_000_000,
              Duration.ofMinutes(1));
      // The cut is recorded: the limits name the whole extracted length, and the removal says
      // how much of the text was left out of the record.
      assertThat(big.getLimits().getTextChars()).isGreaterThan(4_000_000);
      assertThat(big.getLimits().getAnalysedChars()).isLessThan(big.getLimits().getTextChars());
      assertThat(big.getArticle().getText().length()).isLessThanOrEqualTo(200_000);
      assertThat(big.getArticle().getRemoved())
          .extracting(Removal::getReason)
          .contains("text_limit");
      long extraMs = delayMs - aloneMs;
      long extraEnrichMs = denseEnrichMs - aloneEnrichMs;
      int cores = Runtime.getRuntime().availableProcessors();
      double load =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      System.out.printf(
          "OversizedPushIT: an ordinary push reached %s %d ms after it was accepted behind a 5 MB"
              + " name-dense push, %d ms when alone: delayed %d ms by it (budget %d ms). CPU of"
              + " the enrich stream threads: %d ms for the 5 MB push and the ordinary one, %d ms"
              + " for an ordinary one alone; of the whole process (broker, ingest, enrich, sink):"
              + " %d ms and %d ms; %d cores, load %.1f; cut %s%n",
          Topics.ARTICLES.name(),
          delayMs,
          aloneMs,
          extraMs,
          BUDGET.toMillis(),
          denseEnrichMs,
          aloneEnrichMs,
          denseCpuMs,
          aloneCpuMs,
          cores,
          load,
          big.getLimits());
      // What the 5 MB document costs enrich, in CPU time (which the neighbours' load barely
      // changes): well under 3 s, so that on a machine with a core to spare the 10 s hold.
      assertThat(extraEnrichMs)
          .as("enrich CPU spent on a 5 MB name-dense document")
          .isLessThan(3_000);
      // The figure is the delay the big document causes: on a loaded machine every
      // article takes seconds through the broker's transactions and repartitions, big one ahead
      // or not, so the ordinary article's own latency (measured alone just before) is subtracted.
      // Wall time measures the neighbours too: it is asserted while the machine is not
      // oversubscribed (load at most twice the cores; a shared 2-core box at load 30 to 80 gave
      // this process a tenth of a core), and printed always.
      if (load >= 0 && load <= 2.0 * cores) {
        assertThat(extraMs)
            .as("the articles behind a 5 MB document are delayed by at most the issue's 10 s")
            .isLessThanOrEqualTo(BUDGET.toMillis());
      }
      // And in absolute terms no stall: a stream thread held for minutes would show here.
      assertThat(delayMs).isLessThan(60_000);
    }
  }

  /** CPU time of enrich's stream threads so far. */
  private static long enrichCpuMs() {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains("StreamThread")) {
        sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return sum / 1_000_000;
  }

  /** CPU time of this whole process so far (every thread, the in-process broker's too). */
  private static long processCpuMs() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean o
        ? o.getProcessCpuTime() / 1_000_000
        : 0;
  }

  private static int push(HttpClient http, URI uri, String token, String text) throws Exception {
    return http.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** The articles topic read from the marks on, as the pipeline writes it. */
  private static final class Output implements AutoCloseable {
    private final AvroCodec<EnrichedArticle> codec = AvroCodec.of(EnrichedArticle.class);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<EnrichedArticle> seen = new ArrayList<>();

    Output(RunReport.Marks marks) {
      Properties p = new Properties();
      p.put("bootstrap.servers", kafka.bootstrapServers());
      p.put("isolation.level", "read_committed");
      p.put("max.partition.fetch.bytes", 16 * 1024 * 1024);
      consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      String topic = Topics.ARTICLES.name();
      List<TopicPartition> tps =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(tps);
      for (TopicPartition tp : tps) {
        consumer.seek(tp, marks.offsets().getOrDefault(tp, 0L));
      }
    }

    /** The first article so far or to come that matches, polling until {@code timeout}. */
    EnrichedArticle await(Predicate<EnrichedArticle> wanted, Duration timeout) {
      long until = System.nanoTime() + timeout.toNanos();
      while (true) {
        for (EnrichedArticle a : seen) {
          if (wanted.test(a)) {
            return a;
          }
        }
        assertThat(System.nanoTime()).as("an awaited article within %s", timeout).isLessThan(until);
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
          seen.add(codec.decode(r.value()));
        }
      }
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
