package dev.pipelineharness.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {

    static final Schema V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Interaction","fields":[
              {"name":"user_id","type":"string"},{"name":"event_type","type":"string"}]}""");
    static final Schema V2 = new Schema.Parser().parse("""
            {"type":"record","name":"Interaction","fields":[
              {"name":"user_id","type":"string"},{"name":"event_type","type":"string"},
              {"name":"quantity","type":"int","default":1}]}""");


    final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    static GenericRecord interaction(Schema schema, String user, String type) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("user_id", user);
        record.put("event_type", type);
        return record;
    }

    @Test
    void framesAvroWithMagicByteAndBigEndianIdAndRoundTrips() {
        byte[] bytes = new ConfluentAvroSerializer(registry, false).serialize("interactions", interaction(V1, "u1", "click"));

        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(100);
        assertThat(registry.registrations).containsExactly("interactions-value");
        GenericRecord read = new ConfluentAvroDeserializer(registry, null).deserialize("interactions", bytes);
        assertThat(read).isEqualTo(interaction(V1, "u1", "click"));
    }

    @Test
    void keysGoToTheKeySubjectAndNullStaysNull() {
        ConfluentAvroSerializer keys = new ConfluentAvroSerializer(registry, true);
        keys.serialize("interactions", interaction(V1, "u1", "click"));

        assertThat(registry.registrations).containsExactly("interactions-key");
        assertThat(keys.serialize("interactions", null)).isNull();
        assertThat(new ConfluentAvroDeserializer(registry, null).deserialize("interactions", null)).isNull();
    }

    @Test
    void readerSchemaResolvesOldRecordsWithDefaults() {
        byte[] old = new ConfluentAvroSerializer(registry, false).serialize("interactions", interaction(V1, "u1", "view"));

        GenericRecord read = new ConfluentAvroDeserializer(registry, V2).deserialize("interactions", old);

        assertThat(read.getSchema()).isEqualTo(V2);
        assertThat(read.get("quantity")).isEqualTo(1);
        assertThat(read.get("event_type")).hasToString("view");
    }

    @Test
    void unknownMagicByteShortMessageAndUnknownIdFailClearly() {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry, null);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 1").hasMessageContaining("'t'");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("5-byte");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 42, 2}))
                .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("Unknown schema id 42")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));
    }

    @Test
    void configureNeedsTheRegistryUrl() {
        assertThatThrownBy(() -> new ConfluentAvroSerializer().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new ConfluentAvroDeserializer().configure(
                Map.of("schema.registry.url", "http://127.0.0.1:1", "pipelineharness.avro.reader.schema", "{nope"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pipelineharness.avro.reader.schema");
    }
}
