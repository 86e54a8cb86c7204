package io.newsdesk.enrich.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serdes for the internal records of the enrich topology (near-duplicate and story
 * probes and answers, trend aggregates). They only travel through internal repartition topics and
 * stores of one application version, so a version byte is enough (no Avro contract): a record with
 * an unknown version fails loudly instead of being misread.
 */
public final class Wire {

  private static final byte VERSION = 1;

  public interface Writer<T> {
    void write(T value, DataOutputStream out) throws IOException;
  }

  public interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private Wire() {}

  public static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
    Serializer<T> ser =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            writer.write(value, out);
            out.flush();
            return bytes.toByteArray();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    Deserializer<T> de =
        (topic, data) -> {
          if (data == null) {
            return null;
          }
          try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            byte v = in.readByte();
            if (v != VERSION) {
              throw new IllegalStateException("unknown internal record version " + v);
            }
            return reader.read(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    return Serdes.serdeFrom(ser, de);
  }

  public static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  public static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  /**
   * A nullable string as its length (an int, -1 for null) and UTF-8 bytes: no 64 KB limit as with
   * {@link #writeNullable}, whatever a tagger names.
   */
  public static void writeText(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static String readText(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeShort(b.length);
    out.write(b);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readUnsignedShort()];
    in.readFully(b);
    return b;
  }
}
