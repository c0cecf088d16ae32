package dev.pipelineharness.generators.business;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The Avro schemas of {@code raw_business_events}, one per schema version, shipped as
 * {@code dev/pipelineharness/generators/avro/business-event-v<n>.avsc}. Version 2 adds the optional
 * {@code channel} with default null: a BACKWARD-compatible change (a version 2 reader reads version 1
 * records), which the schema registry accepts under its default compatibility.
 */
public final class BusinessEventAvroSchemas {

    private static final Map<Integer, Schema> SCHEMAS = Map.of(1, load(1), 2, load(2));

    private BusinessEventAvroSchemas() {
    }

    /** @throws IllegalArgumentException for a version without a schema */
    public static Schema version(int version) {
        Schema schema = SCHEMAS.get(version);
        if (schema == null) {
            throw new IllegalArgumentException("no Avro schema for business event schema version " + version
                    + "; versions: " + SCHEMAS.keySet().stream().sorted().toList());
        }
        return schema;
    }

    private static Schema load(int version) {
        String resource = "/dev/pipelineharness/generators/avro/business-event-v" + version + ".avsc";
        try (InputStream in = BusinessEventAvroSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
