package io.newsdesk.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Encodes and decodes one contract with Avro single-object encoding, resolving older writers
 * through {@link ReleasedSchemas}. Thread-safe.
 */
public final class AvroCodec<T extends SpecificRecordBase> {

  static {
    // Avro 1.12 refuses to instantiate classes outside trusted packages: trust our contracts.
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(
            ClassSecurityValidator.getGlobal(),
            type -> type.getName().startsWith("io.newsdesk.schema.")));
  }

  private final Class<T> type;
  private final Schema schema;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroCodec(Class<T> type) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    this.schema = model.getSchema(type);
    ReleasedSchemas store = ReleasedSchemas.get();
    store.registerAll(type.getSimpleName());
    store.register(schema);
    // No copy inside the encoder: encode() copies its thread's buffer out once, right away.
    this.encoder = new BinaryMessageEncoder<>(model, schema, false);
    this.decoder = new BinaryMessageDecoder<>(model, schema, store);
  }

  /** A codec for a generated contract class. */
  public static <T extends SpecificRecordBase> AvroCodec<T> of(Class<T> type) {
    return new AvroCodec<>(type);
  }

  public Class<T> type() {
    return type;
  }

  public Schema schema() {
    return schema;
  }

  public byte[] encode(T record) {
    try {
      ByteBuffer buf = encoder.encode(record);
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + type.getSimpleName(), e);
    }
  }

  /** Decodes a single-object encoded record; throws {@link CorruptRecordException} on bad input. */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new CorruptRecordException(
          "not a readable " + type.getSimpleName() + " record (" + e.getMessage() + ")", e);
    }
  }
}
