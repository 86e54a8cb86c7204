package io.newsdesk.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON for records, as people and {@code jq} expect it: unions unwrapped, nulls kept, bytes
 * in Base64. (Avro's own JSON encoding wraps every union value in its type name.)
 */
public final class AvroJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The record as a JSON tree. */
  public static ObjectNode toTree(IndexedRecord record) {
    ObjectNode out = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      out.set(field.name(), toNode(record.get(field.pos())));
    }
    return out;
  }

  /** The record as one line of JSON. */
  public static String toJsonLine(IndexedRecord record) {
    try {
      return MAPPER.writeValueAsString(toTree(record));
    } catch (Exception e) {
      throw new IllegalStateException("cannot render " + record.getSchema().getName(), e);
    }
  }

  private static JsonNode toNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof IndexedRecord r) {
      return toTree(r);
    } else if (value instanceof CharSequence s) {
      return NODES.textNode(s.toString());
    } else if (value instanceof Integer i) {
      return NODES.numberNode(i);
    } else if (value instanceof Long l) {
      return NODES.numberNode(l);
    } else if (value instanceof Double d) {
      return NODES.numberNode(d);
    } else if (value instanceof Float f) {
      return NODES.numberNode(f);
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof ByteBuffer b) {
      ByteBuffer dup = b.duplicate();
      byte[] bytes = new byte[dup.remaining()];
      dup.get(bytes);
      return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof Enum<?> e) {
      return NODES.textNode(e.name());
    } else if (value instanceof GenericEnumSymbol<?> e) {
      return NODES.textNode(e.toString());
    } else if (value instanceof Map<?, ?> m) {
      ObjectNode out = NODES.objectNode();
      m.forEach((k, v) -> out.set(String.valueOf(k), toNode(v)));
      return out;
    } else if (value instanceof Collection<?> c) {
      ArrayNode out = NODES.arrayNode();
      c.forEach(v -> out.add(toNode(v)));
      return out;
    }
    return NODES.textNode(value.toString());
  }
}
