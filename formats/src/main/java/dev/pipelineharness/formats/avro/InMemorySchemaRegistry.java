package dev.pipelineharness.formats.avro;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A schema registry in a map, without compatibility rules: enough to test framing and encoding; the
 * HTTP client and the rules are tested against the real server in topology-local and scenarios.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
    public final Map<Integer, Schema> schemas = new HashMap<>();
    public final List<String> registrations = new ArrayList<>();

    @Override
    public int register(String subject, Schema schema) {
        registrations.add(subject);
        for (Map.Entry<Integer, Schema> entry : schemas.entrySet()) {
            if (entry.getValue().equals(schema)) {
                return entry.getKey();
            }
        }
        int id = 100 + schemas.size();
        schemas.put(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema not found", 404, 40403);
        }
        return schema;
    }
}
