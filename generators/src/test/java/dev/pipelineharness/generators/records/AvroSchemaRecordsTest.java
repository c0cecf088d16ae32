package dev.pipelineharness.generators.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.formats.avro.ConfluentAvroDeserializer;
import dev.pipelineharness.formats.avro.InMemorySchemaRegistry;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.testkit.Providers;
import dev.pipelineharness.testkit.TestParams;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroSchemaRecordsTest {

    private static final String SCHEMA = """
            {"type": "record", "name": "Event", "namespace": "shop", "fields": [
              {"name": "event_id", "type": "string"},
              {"name": "event_type", "type": {"type": "enum", "name": "Kind", "symbols": ["loan", "car"]}},
              {"name": "customer_id", "type": ["null", "string"], "default": null},
              {"name": "event_time", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "count", "type": "int"},
              {"name": "payload", "type": {"type": "record", "name": "Payload", "fields": [
                {"name": "amount", "type": ["null", {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}], "default": null},
                {"name": "status", "type": ["null", "string"], "default": null}
              ]}}
            ]}
            """;

    @TempDir
    Path folder;
    private DefinitionContext shop;

    @BeforeEach
    void writeTheSchema() throws Exception {
        Files.writeString(folder.resolve("event.avsc"), SCHEMA);
        Files.writeString(folder.resolve("list.avsc"), "{\"type\": \"array\", \"items\": \"int\"}");
        Files.writeString(folder.resolve("tags.avsc"), "{\"type\": \"record\", \"name\": \"T\", \"fields\": ["
                + "{\"name\": \"tags\", \"type\": {\"type\": \"array\", \"items\": \"string\"}}]}");
        shop = DefinitionContext.of(new PipelineDefinition("shop", folder, List.of(
                new TopicSpec("events", 3, "avro", Map.of()), new TopicSpec("events_json", 3, "json", Map.of())),
                List.of(), List.of(), List.of(), List.of()), folder);
    }

    private RecordsShape shape(String snippet) {
        RecordsGenerator generator = (RecordsGenerator) new RecordsProvider()
                .create(TestParams.of("generate[0].records", snippet), shop);
        try {
            var field = RecordsGenerator.class.getDeclaredField("shape");
            field.setAccessible(true);
            return (RecordsShape) field.get(generator);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private List<RowChange> changes(RecordsShape shape, int count) {
        RecordSequence sequence = new RecordSequence(shape, 5);
        List<RowChange> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            changes.add(sequence.next());
        }
        return changes;
    }

    @Test
    @SuppressWarnings("unchecked")
    void fieldsAreDerivedFromTheSchemaNestedRecordsIncludedAndOverriddenByDottedPath() {
        RecordsShape shape = shape("{topic: events, schema: event.avsc, key: event_id, count: 100,"
                + " fields: {payload.status: {values: [OPEN]}}}");

        List<RowChange> changes = changes(shape, 100);

        assertThat(changes).allSatisfy(change -> {
            Map<String, Object> row = change.row();
            assertThat(row).containsOnlyKeys("event_id", "event_type", "customer_id", "event_time", "count", "payload");
            assertThat((String) row.get("event_id")).matches("e-\\d{5}");
            assertThat(row.get("event_type")).isIn("loan", "car");
            assertThat(row.get("event_time")).isInstanceOf(Long.class);
            Map<String, Object> payload = (Map<String, Object>) row.get("payload");
            assertThat(payload).containsOnlyKeys("amount", "status");
            assertThat(payload.get("status")).isIn("OPEN", null);
        });
        assertThat(changes).anySatisfy(change -> assertThat(change.row().get("customer_id")).isNull());
        assertThat(changes).anySatisfy(change ->
                assertThat(((Map<String, Object>) change.row().get("payload")).get("amount")).isNull());
    }

    @Test
    void rowsEncodeAsConfluentAvroThatReadsBackWithTheSameValues() {
        RecordsShape shape = shape("{topic: events, schema: event.avsc, key: event_id, count: 20}");
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        AvroRowEncoder encoder = new AvroRowEncoder(shape.target().avroSchema().orElseThrow(), registry);
        ConfluentAvroDeserializer decoder = new ConfluentAvroDeserializer(registry, null);

        for (RowChange change : changes(shape, 20)) {
            GenericRecord record = decoder.deserialize("ph_events", encoder.encode("ph_events", change.row()));
            assertThat(record.get("event_id").toString()).isEqualTo(change.row().get("event_id"));
            assertThat(record.get("event_type").toString()).isEqualTo(change.row().get("event_type"));
            GenericRecord payload = (GenericRecord) record.get("payload");
            Object amount = ((Map<?, ?>) change.row().get("payload")).get("amount");
            if (amount != null) {
                assertThat(payload.get("amount")).isNotNull();
                assertThat(((BigDecimal) amount).scale()).isEqualTo(2);
            }
        }
        assertThat(registry.registrations).contains("ph_events-value");
    }

    @Test
    void aJsonTopicTakesFieldsFromASchemaToo() {
        RecordsShape shape = shape("{topic: events_json, schema: event.avsc, count: 5}");
        assertThat(shape.target().avroSchema()).isEmpty();
        assertThat(shape.fields()).containsKeys("event_id", "payload");
    }

    @Test
    void badSchemasAndOverridesAreLoadTimeErrorsNamingTheFieldAndFile() {
        assertThat(error("{topic: events, count: 5, fields: {a: {values: [x]}}}"))
                .contains("generate[0].records.topic", "format avro", "schema: FILE");
        assertThat(error("{topic: events, schema: nope.avsc}")).contains("generate[0].records.schema", "not found");
        assertThat(error("{topic: events, schema: list.avsc}")).contains("is an Avro array", "record schema");
        assertThat(error("{topic: events, schema: tags.avsc}")).contains("field 'tags'", "which records cannot derive");
        assertThat(error("{topic: events, schema: event.avsc, fields: {payload.amout: {type: decimal}}}"))
                .contains("generate[0].records.fields.payload.amout", "has no field 'payload.amout'", "payload.amount");
        assertThat(error("{topic: events, schema: event.avsc, fields: {payload: {values: [x]}}}"))
                .contains("'payload' is a record", "payload.<field>");
    }

    private String error(String snippet) {
        return Providers.definitionError(() -> Providers.generator("records", snippet, shop)).getMessage();
    }
}
