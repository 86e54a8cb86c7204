package io.newsdesk.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker killed while a transaction commits can come back with a hanging transaction: its
 * coordinator takes the transaction for ended, while the output partition and {@code
 * __consumer_offsets} still hold it open. Read-committed readers then stop at it and the group's
 * offsets stay "unstable" for good (what stalled a restarted enrich in {@code RunKillRestartIT}
 * once). The crash is real (a child JVM with the broker halted mid-commit); whether it leaves a
 * hanging transaction depends on timing, so the test crashes until one does (three times in four
 * here).
 */
class HangingTransactionsIT {
  private static final int ATTEMPTS = 8;

  @TempDir Path dir;

  @Test
  void aHangingTransactionLeftByACrashIsAbortedAndALiveOneIsLeftAlone() throws Exception {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Path data = dir.resolve("attempt-" + attempt);
      crash(data);
      Process broker = serve(data);
      try {
        String bs = bootstrap(broker);
        if (!hanging(bs)) {
          System.out.printf("attempt %d: the crash left no hanging transaction%n", attempt);
          continue;
        }
        TopicPartition in = new TopicPartition(TransactionCrash.IN, 0);
        boolean outputOpen = openOn(bs, new TopicPartition(TransactionCrash.OUT, 0));
        if (!outputOpen && committedOutput(bs).size() > TransactionCrash.COMMITTED) {
          // The coordinator committed the crashed transaction and its output shows it, but the
          // offsets partition lacks the commit marker: aborting there would roll the offsets back
          // under committed output (a duplicate). The janitor must leave it alone.
          try (HangingTransactions janitor =
              HangingTransactions.watch(admin(bs), Duration.ofSeconds(1))) {
            await().pollDelay(Duration.ofMillis(4_500)).until(() -> true);
            System.out.printf(
                "attempt %d: the crash left a committed transaction without its offsets marker;"
                    + " %s; %d partitions aborted%n",
                attempt, coordinator(bs), janitor.aborted());
            assertThat(janitor.aborted()).as("a committed transaction is not undone").isZero();
          }
          assertThat(committedOutput(bs)).hasSize(TransactionCrash.COMMITTED + 1);
          continue;
        }
        System.out.printf(
            "attempt %d: the crash left a hanging transaction (output partition %s); %s%n",
            attempt, outputOpen ? "open too" : "closed", coordinator(bs));
        long t0 = System.nanoTime();
        try (HangingTransactions janitor =
                HangingTransactions.watch(admin(bs), Duration.ofSeconds(1));
            KafkaConsumer<byte[], byte[]> c = consumer(bs)) {
          await()
              .atMost(Duration.ofSeconds(30))
              .ignoreExceptions()
              .until(() -> c.committed(Set.of(in), Duration.ofSeconds(2)).containsKey(in));
          System.out.printf(
              "committed offsets readable %.1f s after the janitor started; %d partitions"
                  + " aborted%n",
              (System.nanoTime() - t0) / 1e9, janitor.aborted());
          // The crashed transaction is undone everywhere: offsets back to the last commit, its
          // output dropped, and readers get past it.
          assertThat(c.committed(Set.of(in)).get(in).offset())
              .isEqualTo(TransactionCrash.COMMITTED);
          assertThat(committedOutput(bs)).hasSize(TransactionCrash.COMMITTED);
          assertThat(janitor.aborted())
              .as("the offsets partition, and the output partition where it was open too")
              .isEqualTo(outputOpen ? 2 : 1);

          // A live transaction open for several scans is not touched.
          Properties pp = new Properties();
          pp.put("bootstrap.servers", bs);
          pp.put("transactional.id", "newsdesk-live-0");
          try (KafkaProducer<byte[], byte[]> live =
              new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
            live.initTransactions();
            live.beginTransaction();
            live.send(new ProducerRecord<>(TransactionCrash.OUT, "live".getBytes())).get();
            live.sendOffsetsToTransaction(
                Map.of(in, new OffsetAndMetadata(TransactionCrash.COMMITTED + 5)),
                c.groupMetadata());
            await().pollDelay(Duration.ofMillis(3_500)).until(() -> true);
            live.commitTransaction();
          }
          assertThat(janitor.aborted()).isEqualTo(outputOpen ? 2 : 1);
          assertThat(committedOutput(bs)).hasSize(TransactionCrash.COMMITTED + 1).endsWith("live");
          assertThat(c.committed(Set.of(in)).get(in).offset())
              .isEqualTo(TransactionCrash.COMMITTED + 5);
        }
        return;
      } finally {
        broker.destroyForcibly().waitFor();
      }
    }
    Assumptions.abort(
        "no crash in " + ATTEMPTS + " attempts left a hanging transaction: nothing to abort");
  }

  /** Runs {@link TransactionCrash} in a child JVM on {@code data} until it halts. */
  private static void crash(Path data) throws Exception {
    Process p = child(data, "1").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the crashing child ended").isTrue();
    assertThat(p.exitValue()).as("halted as planned").isEqualTo(9);
  }

  /** Restarts the broker on the crashed data in a fresh JVM. */
  private static Process serve(Path data) throws Exception {
    return child(data, "serve").start();
  }

  /** {@link TransactionCrash} on {@code data} in a child JVM, quiet but for warnings. */
  private static ProcessBuilder child(Path data, String arg) {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-DNEWSDESK_LOG_LEVEL=WARN",
            "-DNEWSDESK_KAFKA_LOG_LEVEL=ERROR",
            "-cp",
            System.getProperty("java.class.path"),
            TransactionCrash.class.getName(),
            data.toString(),
            arg)
        .redirectErrorStream(true);
  }

  /** The address the restarted broker prints once it serves. */
  private static String bootstrap(Process broker) throws Exception {
    java.io.BufferedReader out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.currentTimeMillis() + 90_000;
    String line;
    while ((line = out.readLine()) != null && System.currentTimeMillis() < deadline) {
      if (line.startsWith("READY ")) {
        String bs = line.substring(6).trim();
        Thread drain =
            new Thread(
                () -> {
                  try {
                    out.transferTo(java.io.Writer.nullWriter());
                  } catch (java.io.IOException e) {
                    // the broker was stopped
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return bs;
      }
    }
    throw new AssertionError("the restarted broker never said READY");
  }

  /**
   * True when the group's offsets stay unstable while the coordinator holds no open transaction for
   * the crashed producer (an open one it would time out and abort by itself).
   */
  private static boolean hanging(String bs) throws Exception {
    TopicPartition in = new TopicPartition(TransactionCrash.IN, 0);
    try (KafkaConsumer<byte[], byte[]> c = consumer(bs)) {
      c.committed(Set.of(in), Duration.ofSeconds(4));
      return false;
    } catch (TimeoutException e) {
      try (Admin admin = admin(bs)) {
        TopicPartition offsets = new TopicPartition("__consumer_offsets", 0);
        boolean open =
            admin
                .describeProducers(List.of(offsets))
                .partitionResult(offsets)
                .get()
                .activeProducers()
                .stream()
                .anyMatch(p -> p.currentTransactionStartOffset().isPresent());
        if (!open) {
          return false; // slow to answer, not held by a transaction
        }
        for (TransactionListing l : admin.listTransactions().all().get()) {
          if (l.transactionalId().equals(TransactionCrash.TXN_ID)) {
            return l.state() != TransactionState.ONGOING
                && l.state() != TransactionState.PREPARE_COMMIT
                && l.state() != TransactionState.PREPARE_ABORT;
          }
        }
      }
      return true;
    }
  }

  /** Whether a transaction is open on {@code tp}. */
  private static boolean openOn(String bs, TopicPartition tp) throws Exception {
    try (Admin admin = admin(bs)) {
      return admin
          .describeProducers(List.of(tp))
          .partitionResult(tp)
          .get()
          .activeProducers()
          .stream()
          .anyMatch(p -> p.currentTransactionStartOffset().isPresent());
    }
  }

  /** What the coordinator says of the crashed producer's transactional id, for the log. */
  private static String coordinator(String bs) throws Exception {
    try (Admin admin = admin(bs)) {
      var d =
          admin
              .describeTransactions(List.of(TransactionCrash.TXN_ID))
              .description(TransactionCrash.TXN_ID)
              .get();
      TopicPartition offsets = new TopicPartition("__consumer_offsets", 0);
      String open =
          admin
              .describeProducers(List.of(offsets))
              .partitionResult(offsets)
              .get()
              .activeProducers()
              .stream()
              .filter(p -> p.currentTransactionStartOffset().isPresent())
              .map(p -> "open on the offsets at epoch " + p.producerEpoch())
              .findFirst()
              .orElse("none open on the offsets");
      TopicPartition out = new TopicPartition(TransactionCrash.OUT, 0);
      String outEpochs =
          admin
              .describeProducers(List.of(out))
              .partitionResult(out)
              .get()
              .activeProducers()
              .stream()
              .map(p -> String.valueOf(p.producerEpoch()))
              .collect(java.util.stream.Collectors.joining(",", "output partition at epoch ", ""));
      return "coordinator: "
          + d.state()
          + " at epoch "
          + d.producerEpoch()
          + ", "
          + open
          + ", "
          + outEpochs;
    }
  }

  /** The output topic as a read-committed reader sees it, read to its end. */
  private static List<String> committedOutput(String bs) {
    Properties p = TransactionCrash.consumerProperties(bs);
    p.remove("group.id");
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(TransactionCrash.OUT, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long end = c.endOffsets(List.of(tp)).get(tp);
      long deadline = System.currentTimeMillis() + 20_000;
      while (c.position(tp) < end && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          out.add(new String(r.value(), StandardCharsets.UTF_8));
        }
      }
      assertThat(c.position(tp)).as("a read-committed reader reaches the end").isEqualTo(end);
    }
    return out;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bs) {
    return new KafkaConsumer<>(
        TransactionCrash.consumerProperties(bs),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private static Admin admin(String bs) {
    return Admin.create(Map.of("bootstrap.servers", bs));
  }
}
