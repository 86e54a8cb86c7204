package io.newsdesk.app.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A child JVM for {@link HangingTransactionsIT}: an embedded broker and a consume-transform-produce
 * loop in one process (as {@code newsdesk run}), which commits {@value #COMMITTED} transactions,
 * begins one more with output and offsets, starts committing it and dies at once, broker and all,
 * as with SIGKILL ({@link Runtime#halt}). Run again with {@code serve}, it restarts the broker on
 * the same data and serves it.
 */
public final class TransactionCrash {
  static final String IN = "newsdesk.crash-in";
  static final String OUT = "newsdesk.crash-out";
  static final String GROUP = "newsdesk-crash";
  static final String TXN_ID = "newsdesk-crash-0";
  static final int COMMITTED = 20;

  private TransactionCrash() {}

  /** {@code DIR [DELAY_MS]}: crash mid-commit; {@code DIR serve}: restart and serve. */
  public static void main(String[] args) throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]));
    String bs = kafka.bootstrapServers();
    if (args.length > 1 && args[1].equals("serve")) {
      // The restart, in a fresh JVM as after a real crash: serves until killed.
      System.out.println("READY " + bs);
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bs))) {
      admin
          .createTopics(List.of(new NewTopic(IN, 1, (short) 1), new NewTopic(OUT, 1, (short) 1)))
          .all()
          .get();
    }
    // A static member, as Newsdesk's exactly-once consumers are (Streams and the sink).
    Properties cp = consumerProperties(bs);
    cp.put("group.instance.id", GROUP + "-0");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(IN));
    long until = System.currentTimeMillis() + 30_000;
    while (consumer.assignment().isEmpty() && System.currentTimeMillis() < until) {
      consumer.poll(Duration.ofMillis(100));
    }
    Properties pp = new Properties();
    pp.put("bootstrap.servers", bs);
    pp.put("transactional.id", TXN_ID);
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
    TopicPartition in = new TopicPartition(IN, 0);
    for (int i = 1; i <= COMMITTED + 1; i++) {
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(OUT, ("record " + i).getBytes())).get();
      producer.sendOffsetsToTransaction(
          Map.of(in, new OffsetAndMetadata(i)), consumer.groupMetadata());
      if (i <= COMMITTED) {
        producer.commitTransaction();
      }
    }
    new Thread(producer::commitTransaction).start();
    Thread.sleep(Long.parseLong(args.length > 1 ? args[1] : "1"));
    Runtime.getRuntime().halt(9);
  }

  static Properties consumerProperties(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("group.id", GROUP);
    p.put("isolation.level", "read_committed");
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", "earliest");
    return p;
  }
}
