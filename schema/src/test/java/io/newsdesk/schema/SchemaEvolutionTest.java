package io.newsdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaEvolutionTest {

  static Stream<Class<? extends SpecificRecordBase>> contracts() {
    return Stream.of(
        RawDocument.class,
        EnrichedArticle.class,
        DeadLetter.class,
        SourceState.class,
        Source.class,
        Story.class,
        EntityTrend.class);
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void everyReleasedVersionIsReadableByTheCurrentSchema(Class<? extends SpecificRecordBase> type) {
    Schema current = AvroCodec.of(type).schema();
    List<Schema> released = ReleasedSchemas.get().versions(type.getSimpleName());

    assertThat(released).as("released versions of %s", type.getSimpleName()).isNotEmpty();
    for (Schema old : released) {
      assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
          .as("current %s reads released %s", type.getSimpleName(), old.getFullName())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void theCurrentSchemaIsReleased(Class<? extends SpecificRecordBase> type) {
    Schema current = AvroCodec.of(type).schema();
    List<Schema> released = ReleasedSchemas.get().versions(type.getSimpleName());
    Schema latest = released.get(released.size() - 1);

    assertThat(SchemaNormalization.parsingFingerprint64(latest))
        .as(
            "%s changed since its last release: add it as released/%s/v%d.avsc (schema.toString(true))",
            type.getSimpleName(), type.getSimpleName(), released.size() + 1)
        .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
  }

  @Test
  void aRecordWrittenWithAnOlderWriterIsReadAfterACompatibleChange() throws Exception {
    // An older writer: v1 of DeadLetter without the fields added since (simulated by dropping
    // fields that carry defaults), registered in the store as a released version would be.
    Schema current = DeadLetter.getClassSchema();
    Schema older = withoutDefaultedFields(current, "attributes", "key");
    ReleasedSchemas.get().register(older);
    GenericRecord rec = new GenericData.Record(older);
    rec.put("stage", "ingest.feed");
    rec.put("reason", "malformed feed");
    rec.put("originalBytes", ByteBuffer.wrap(new byte[] {42}));
    rec.put("occurredAt", 7L);
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(rec).array();

    DeadLetter read = AvroCodec.of(DeadLetter.class).decode(bytes);

    assertThat(read.getStage()).isEqualTo("ingest.feed");
    assertThat(read.getReason()).isEqualTo("malformed feed");
    assertThat(read.getAttributes()).isEmpty();
    assertThat(read.getKey()).isNull();
  }

  @Test
  void anIncompatibleChangeIsCaught() {
    Schema current = DeadLetter.getClassSchema();
    // A new required field without a default cannot read old records.
    String json =
        current
            .toString()
            .replace(
                "{\"name\":\"stage\"",
                "{\"name\":\"mandatory\",\"type\":\"string\"},{\"name\":\"stage\"");
    Schema breaking = new Schema.Parser().parse(json);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(breaking, current).getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  private static Schema withoutDefaultedFields(Schema schema, String... names) {
    List<String> drop = List.of(names);
    List<Schema.Field> fields =
        schema.getFields().stream()
            .filter(f -> !drop.contains(f.name()))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
