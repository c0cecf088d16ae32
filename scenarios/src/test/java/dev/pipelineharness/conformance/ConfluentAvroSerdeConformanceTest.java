package dev.pipelineharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pipelineharness.local.registry.SchemaRegistryServer;
import dev.pipelineharness.formats.avro.ConfluentAvroDeserializer;
import dev.pipelineharness.formats.avro.ConfluentAvroSerializer;
import dev.pipelineharness.formats.avro.SchemaRegistryClient;
import dev.pipelineharness.formats.avro.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroDeserializationSchema;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroSerializationSchema;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generators' Confluent Avro serde, {@link SchemaRegistryServer} and Flink's {@code avro-confluent}
 * format (the same classes Flink SQL uses, with Avro relocated inside flink-sql-avro-confluent-registry)
 * must understand each other's bytes both ways, and the registry's compatibility rule must reach the serde.
 * Lives here, not in generators, because only here are both the registry and the serde visible
 * (generators is a test-scoped dependency of topology-local).
 */
class ConfluentAvroSerdeConformanceTest {

    private static final String TOPIC = "interaction_data";

    SchemaRegistryServer server;
    SchemaRegistryClient client;

    @BeforeEach
    void start() throws Exception {
        server = SchemaRegistryServer.start();
        client = new SchemaRegistryClient(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void flinkReadsOurBytesWithTheWritersAndAnEvolvedReaderSchema() throws Exception {
        byte[] ours = new ConfluentAvroSerializer(client, false).serialize(TOPIC, interaction(ours(ConfluentClientConformanceTest.V1)));

        org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord sameSchema =
                ConfluentRegistryAvroDeserializationSchema.forGeneric(flinks(ConfluentClientConformanceTest.V1), server.url().toString())
                        .deserialize(ours);
        assertThat(sameSchema.get("user_id")).hasToString("u1");
        assertThat(sameSchema.get("event_type")).hasToString("purchase");

        org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord evolved =
                ConfluentRegistryAvroDeserializationSchema.forGeneric(flinks(ConfluentClientConformanceTest.V2_WITH_DEFAULT), server.url().toString())
                        .deserialize(ours);
        assertThat(evolved.get("quantity")).isEqualTo(1);
        assertThat(evolved.get("user_id")).hasToString("u1");
    }

    @Test
    void weReadFlinksBytesAndShareItsSchemaId() throws Exception {
        var flinkSchema = flinks(ConfluentClientConformanceTest.V1);
        var flinkRecord = new org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData.Record(flinkSchema);
        flinkRecord.put("user_id", "u2");
        flinkRecord.put("event_type", "view");
        ConfluentRegistryAvroSerializationSchema<org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord> flinkSerializer =
                ConfluentRegistryAvroSerializationSchema.forGeneric(TOPIC + "-value", flinkSchema, server.url().toString());
        byte[] flinks = flinkSerializer.serialize(flinkRecord);

        GenericRecord read = new ConfluentAvroDeserializer(client, null).deserialize(TOPIC, flinks);
        assertThat(read.get("user_id")).hasToString("u2");
        assertThat(read.get("event_type")).hasToString("view");

        byte[] ours = new ConfluentAvroSerializer(client, false).serialize(TOPIC, read);
        assertThat(schemaId(ours)).as("same schema, same subject: same id").isEqualTo(schemaId(flinks));
        assertThat(ours).as("same record, same bytes").isEqualTo(flinks);

        GenericRecord evolved = new ConfluentAvroDeserializer(client, ours(ConfluentClientConformanceTest.V2_WITH_DEFAULT))
                .deserialize(TOPIC, flinks);
        assertThat(evolved.get("quantity")).isEqualTo(1);
    }

    @Test
    void serializerIsRefusedAnIncompatibleSchemaAndAllowedACompatibleOne() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(client, false);
        byte[] v1 = serializer.serialize(TOPIC, interaction(ours(ConfluentClientConformanceTest.V1)));

        GenericRecord required = interaction(ours(ConfluentClientConformanceTest.V2_REQUIRED));
        required.put("price", 9.5);
        SchemaRegistryException refused = catchThrowableOfType(SchemaRegistryException.class,
                () -> serializer.serialize(TOPIC, required));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.getMessage()).contains("incompatible").contains(TOPIC + "-value");

        GenericRecord withDefault = interaction(ours(ConfluentClientConformanceTest.V2_WITH_DEFAULT));
        withDefault.put("quantity", 4);
        byte[] v2 = serializer.serialize(TOPIC, withDefault);
        assertThat(schemaId(v2)).isNotEqualTo(schemaId(v1));
        assertThat(new ConfluentAvroDeserializer(client, null).deserialize(TOPIC, v2).get("quantity")).isEqualTo(4);
    }

    @Test
    void kafkaConfiguredSerdeAndUnknownIdAgainstTheRealServer() {
        Map<String, Object> configs = Map.of("schema.registry.url", server.url().toString());
        try (Serializer<GenericRecord> serializer = new ConfluentAvroSerializer();
             Deserializer<GenericRecord> deserializer = new ConfluentAvroDeserializer()) {
            serializer.configure(configs, false);
            deserializer.configure(configs, false);
            byte[] bytes = serializer.serialize(TOPIC, interaction(ours(ConfluentClientConformanceTest.V1)));
            assertThat(deserializer.deserialize(TOPIC, bytes).get("user_id")).hasToString("u1");

            SchemaRegistryException unknown = catchThrowableOfType(SchemaRegistryException.class,
                    () -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 3, (byte) 232, 2}));
            assertThat(unknown.errorCode()).isEqualTo(40403);
            assertThat(unknown.getMessage()).contains("Unknown schema id 1000");
        }
    }

    private static GenericRecord interaction(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("user_id", "u1");
        record.put("event_type", "purchase");
        return record;
    }

    private static Schema ours(String json) {
        return new Schema.Parser().parse(json);
    }

    private static org.apache.flink.avro.shaded.org.apache.avro.Schema flinks(String json) {
        return new org.apache.flink.avro.shaded.org.apache.avro.Schema.Parser().parse(json);
    }

    private static int schemaId(byte[] framed) {
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }
}
