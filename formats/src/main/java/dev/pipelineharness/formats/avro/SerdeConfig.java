package dev.pipelineharness.formats.avro;

import java.net.URI;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** The configuration keys of {@link ConfluentAvroSerializer} and {@link ConfluentAvroDeserializer}. */
public final class SerdeConfig {

    /** Base URL of the Confluent-API schema registry (the key Confluent's serdes use). Required when configured by Kafka. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /**
     * Deserializer only: the reader schema (an Avro {@link Schema} or its JSON text). Records written with an
     * older or newer compatible schema are resolved to it. Default: read with the writer's schema.
     */
    public static final String READER_SCHEMA = "pipelineharness.avro.reader.schema";

    private SerdeConfig() {
    }

    static SchemaRegistry registry(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required for the Confluent Avro serde");
        }
        String first = url.toString().split(",")[0].trim(); // Confluent allows a list; one is enough here
        try {
            return new SchemaRegistryClient(URI.create(first));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a URL: " + e.getMessage());
        }
    }

    static Schema readerSchema(Map<String, ?> configs) {
        Object value = configs.get(READER_SCHEMA);
        if (value == null || value instanceof Schema) {
            return (Schema) value;
        }
        try {
            return new Schema.Parser().parse(value.toString());
        } catch (RuntimeException e) {
            throw new ConfigException(READER_SCHEMA, value, "not an Avro schema: " + e.getMessage());
        }
    }
}
