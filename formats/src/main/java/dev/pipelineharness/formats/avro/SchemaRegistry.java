package dev.pipelineharness.formats.avro;

import org.apache.avro.Schema;

/**
 * The two questions the Confluent wire format asks a schema registry: the id of a schema under a subject
 * (registering it if new), and the schema of an id. {@link SchemaRegistryClient} asks a Confluent-API
 * registry over HTTP.
 */
public interface SchemaRegistry {

    /**
     * Registers {@code schema} under {@code subject} (or finds it there) and returns its global id.
     *
     * @throws SchemaRegistryException if the registry refuses it (409 incompatible, 422 invalid) or cannot be reached
     */
    int register(String subject, Schema schema);

    /**
     * The schema registered with {@code id}.
     *
     * @throws SchemaRegistryException if no schema has that id (40403) or the registry cannot be reached
     */
    Schema schemaById(int id);
}
