package dev.pipelineharness.formats.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro {@link GenericRecord}s in the Confluent wire format. The record's schema is registered under
 * {@code <topic>-value} (or {@code <topic>-key} for keys: Confluent's TopicNameStrategy) the first time it is
 * seen, and its id cached. A schema the registry refuses (incompatible: HTTP 409) fails the send with
 * the registry's message.
 *
 * <p>Use it through Kafka's configuration ({@code value.serializer} + {@value SerdeConfig#SCHEMA_REGISTRY_URL})
 * or construct it with a {@link SchemaRegistry}.
 */
public final class ConfluentAvroSerializer implements Serializer<GenericRecord> {

    private SchemaRegistry registry;
    private boolean isKey;

    /** For Kafka, which calls {@link #configure}. */
    public ConfluentAvroSerializer() {
    }

    public ConfluentAvroSerializer(SchemaRegistry registry, boolean isKey) {
        this.registry = registry;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = SerdeConfig.registry(configs);
        this.isKey = isKey;
    }

    /** The subject a topic's schemas are registered under. */
    public String subject(String topic) {
        return topic + (isKey ? "-key" : "-value");
    }

    @Override
    public byte[] serialize(String topic, GenericRecord record) {
        if (record == null) {
            return null; // a tombstone stays a tombstone
        }
        if (registry == null) {
            throw new IllegalStateException("ConfluentAvroSerializer is not configured: set " + SerdeConfig.SCHEMA_REGISTRY_URL);
        }
        int id = registry.register(subject(topic), record.getSchema());
        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(avro, null);
        try {
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write a " + record.getSchema().getFullName() + " record for topic '"
                    + topic + "' as Avro: " + e.getMessage(), e);
        }
        return ConfluentWireFormat.frame(id, avro.toByteArray());
    }
}
