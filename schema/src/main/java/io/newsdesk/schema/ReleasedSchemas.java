package io.newsdesk.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every contract, read from {@code released/<Name>/v<N>.avsc} on the
 * classpath, so that a record written by any released writer can be resolved by fingerprint.
 */
public final class ReleasedSchemas implements SchemaStore {

  private static final String ROOT = "/io/newsdesk/schema/released/";
  private static final ReleasedSchemas INSTANCE = new ReleasedSchemas();

  private final Map<Long, Schema> byFingerprint = new ConcurrentHashMap<>();
  private final Map<String, List<Schema>> byName = new ConcurrentHashMap<>();

  private ReleasedSchemas() {}

  /** The shared store. */
  public static ReleasedSchemas get() {
    return INSTANCE;
  }

  /** Released versions of the named record, oldest first (loads them on first use). */
  public List<Schema> versions(String simpleName) {
    return byName.computeIfAbsent(simpleName, ReleasedSchemas::load);
  }

  /** Registers a schema so that records carrying its fingerprint can be decoded. */
  public void register(Schema schema) {
    byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema);
  }

  @Override
  public Schema findByFingerprint(long fingerprint) {
    return byFingerprint.get(fingerprint);
  }

  /** Loads the released versions of a record and registers each one in this store. */
  void registerAll(String simpleName) {
    versions(simpleName).forEach(this::register);
  }

  private static List<Schema> load(String simpleName) {
    List<Schema> out = new ArrayList<>();
    for (int v = 1; ; v++) {
      String path = ROOT + simpleName + "/v" + v + ".avsc";
      try (InputStream in = ReleasedSchemas.class.getResourceAsStream(path)) {
        if (in == null) {
          break;
        }
        out.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read released schema " + path, e);
      }
    }
    return List.copyOf(out);
  }
}
