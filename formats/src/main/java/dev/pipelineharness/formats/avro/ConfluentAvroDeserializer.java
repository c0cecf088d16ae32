package dev.pipelineharness.formats.avro;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro into {@link GenericRecord}s: the writer's schema comes from the registry
 * by the id in the header (cached), and, when a reader schema is set, Avro's schema resolution turns old or
 * new records into that shape (added fields get their defaults). A message that does not start with the
 * magic byte 0, or names an id the registry does not know, fails with a message saying so.
 */
public final class ConfluentAvroDeserializer implements Deserializer<GenericRecord> {

    private SchemaRegistry registry;
    private Schema readerSchema;
    private final Map<Integer, DatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();

    /** For Kafka, which calls {@link #configure}. */
    public ConfluentAvroDeserializer() {
    }

    /** @param readerSchema the shape to read records into, or null to read each with its writer's schema */
    public ConfluentAvroDeserializer(SchemaRegistry registry, Schema readerSchema) {
        this.registry = registry;
        this.readerSchema = readerSchema;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = SerdeConfig.registry(configs);
        this.readerSchema = SerdeConfig.readerSchema(configs);
        readers.clear();
    }

    @Override
    public GenericRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("ConfluentAvroDeserializer is not configured: set " + SerdeConfig.SCHEMA_REGISTRY_URL);
        }
        ByteBuffer message = ByteBuffer.wrap(data);
        int id = ConfluentWireFormat.schemaId(topic, message);
        DatumReader<GenericRecord> reader = readers.computeIfAbsent(id, this::readerFor);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, message.position(), message.remaining(), null));
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("Record of topic '" + topic + "' with schema id " + id
                    + " is not valid Avro for that schema: " + e.getMessage(), e);
        }
    }

    private DatumReader<GenericRecord> readerFor(int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            throw new SchemaRegistryException("Unknown schema id " + id + " in the Confluent header: " + e.getMessage(),
                    e.status(), e.errorCode());
        }
        return new GenericDatumReader<>(writer, readerSchema != null ? readerSchema : writer);
    }
}
