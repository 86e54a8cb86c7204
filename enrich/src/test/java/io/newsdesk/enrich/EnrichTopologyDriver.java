package io.newsdesk.enrich;

import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Topics;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The enrich topology under {@link TopologyTestDriver}, with its raw input and any output topic.
 */
final class EnrichTopologyDriver implements AutoCloseable {

  private static final AvroCodec<RawDocument> RAW = AvroCodec.of(RawDocument.class);

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> raw;

  EnrichTopologyDriver(EnrichComponents components, Path stateDir) {
    EnrichConfig config = EnrichConfig.defaults("unused:9092", stateDir);
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(components, config), config.streamsProperties());
    raw =
        driver.createInputTopic(
            Topics.RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
  }

  /** Reads what the topology writes to {@code topic}. */
  <K, V> TestOutputTopic<K, V> output(Topics.Topic<K, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  /** Pipes a record's bytes as they are, readable or not. */
  void sendBytes(String key, byte[] value) {
    raw.pipeInput(key, value);
  }

  /** Pipes a plain-text document with id {@code id} at {@code url}. */
  void send(String id, String url, String body) {
    raw.pipeInput(id, RAW.encode(EnrichTopologyTest.doc(id, url, body)));
  }

  /** The same, with the record timestamp {@code at}. */
  void send(String id, String url, String body, Instant at) {
    raw.pipeInput(id, RAW.encode(EnrichTopologyTest.doc(id, url, body)), at);
  }

  /** The topology's queryable stores, as interactive queries read them. */
  EnrichStores stores() {
    return new EnrichStores(
        new EnrichStores.Lookup() {
          @Override
          @SuppressWarnings("unchecked")
          public <T> T store(String name, QueryableStoreType<T> type) {
            return (T)
                (type instanceof QueryableStoreTypes.WindowStoreType
                    ? driver.getWindowStore(name)
                    : driver.getKeyValueStore(name));
          }
        });
  }

  @Override
  public void close() {
    driver.close();
  }
}
