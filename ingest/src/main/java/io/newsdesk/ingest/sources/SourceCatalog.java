package io.newsdesk.ingest.sources;

import io.newsdesk.ingest.Ids;
import io.newsdesk.schema.Source;
import io.newsdesk.schema.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads and writes the {@code newsdesk.sources} topic: every record of one host goes to one
 * partition, keyed by the source id; removal writes a tombstone to the same partition.
 */
public final class SourceCatalog {

  /** The kinds a source may have. */
  public static final Set<String> KINDS = Set.of("feed", "sitemap", "page", "discovery");

  private static final String TOPIC = Topics.SOURCES.name();

  private SourceCatalog() {}

  /** The id of the source watching {@code url}: stable, short, the same on every machine. */
  public static String id(String url) {
    return Ids.sha256Hex(url.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .substring(0, 12);
  }

  /** A new, enabled source. Null intervals take ingest's defaults. */
  public static Source source(
      String url, String kind, Duration minInterval, Duration maxInterval, List<String> tags) {
    String u = url.strip();
    URI uri;
    try {
      uri = URI.create(u);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + u, e);
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("not an http(s) URL with a host: " + u);
    }
    String k = kind == null ? "feed" : kind.toLowerCase(Locale.ROOT);
    if (!KINDS.contains(k)) {
      throw new IllegalArgumentException("kind must be one of " + KINDS + ", was " + kind);
    }
    if (minInterval != null && maxInterval != null && maxInterval.compareTo(minInterval) < 0) {
      throw new IllegalArgumentException("the maximum interval is below the minimum");
    }
    return Source.newBuilder()
        .setId(id(u))
        .setKind(k)
        .setUrl(u)
        .setMinIntervalMs(minInterval == null ? null : minInterval.toMillis())
        .setMaxIntervalMs(maxInterval == null ? null : maxInterval.toMillis())
        .setTags(new ArrayList<>(tags == null ? List.of() : tags))
        .setEnabled(true)
        .setAddedAt(System.currentTimeMillis())
        .build();
  }

  /** The lowercased host of a source's URL ("" when it has none). */
  public static String host(String url) {
    try {
      String h = URI.create(url.strip()).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** An idempotent producer for the catalog (acks=all). */
  public static Producer<byte[], byte[]> producer(Properties clientProps) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsdesk-sources-" + UUID.randomUUID());
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Writes sources (add or change) and waits until the cluster has them. */
  public static void put(Producer<byte[], byte[]> producer, Collection<Source> sources) {
    int partitions = producer.partitionsFor(TOPIC).size();
    List<Future<?>> sent = new ArrayList<>();
    for (Source s : sources) {
      sent.add(
          producer.send(
              new ProducerRecord<>(
                  TOPIC,
                  Topics.sourcePartition(host(s.getUrl()), partitions),
                  key(s.getId()),
                  Topics.SOURCES.valueSerde().serializer().serialize(TOPIC, s))));
    }
    await(producer, sent);
  }

  /** Removes a source: a tombstone in the partition its records are in. */
  public static void remove(Producer<byte[], byte[]> producer, Source s) {
    int partitions = producer.partitionsFor(TOPIC).size();
    await(
        producer,
        List.of(
            producer.send(
                new ProducerRecord<>(
                    TOPIC,
                    Topics.sourcePartition(host(s.getUrl()), partitions),
                    key(s.getId()),
                    null))));
  }

  /** Every source in the catalog now, by id, in the order they were first written. */
  public static Map<String, Source> read(Properties clientProps, Duration timeout) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsdesk-sources-" + UUID.randomUUID());
    try (Consumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = c.partitionsFor(TOPIC, timeout);
      Map<String, Source> out = new LinkedHashMap<>();
      if (infos == null || infos.isEmpty()) {
        return out;
      }
      List<TopicPartition> parts =
          infos.stream().map(i -> new TopicPartition(TOPIC, i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out reading " + TOPIC);
        }
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          apply(out, r);
        }
      }
      return out;
    }
  }

  /** Applies one record of the topic to a map of sources by id. */
  static void apply(Map<String, Source> sources, ConsumerRecord<byte[], byte[]> r) {
    String id = Topics.SOURCES.keySerde().deserializer().deserialize(TOPIC, r.key());
    if (r.value() == null) {
      sources.remove(id);
    } else {
      sources.put(id, Topics.SOURCES.valueSerde().deserializer().deserialize(TOPIC, r.value()));
    }
  }

  private static byte[] key(String id) {
    return Topics.SOURCES.keySerde().serializer().serialize(TOPIC, id);
  }

  private static void await(Producer<byte[], byte[]> producer, List<Future<?>> sent) {
    producer.flush();
    for (Future<?> f : sent) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing " + TOPIC, e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("could not write " + TOPIC + ": " + e.getCause(), e);
      }
    }
  }
}
