package io.newsdesk.schema;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde over an {@link AvroCodec}. */
public final class AvroSerde<T extends SpecificRecordBase> implements Serde<T> {

  private final AvroCodec<T> codec;

  public AvroSerde(AvroCodec<T> codec) {
    this.codec = codec;
  }

  public static <T extends SpecificRecordBase> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(AvroCodec.of(type));
  }

  public AvroCodec<T> codec() {
    return codec;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> data == null ? null : codec.encode(data);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> {
      try {
        return codec.decode(data);
      } catch (CorruptRecordException e) {
        throw new SerializationException("topic " + topic + ": " + e.getMessage(), e);
      }
    };
  }
}
