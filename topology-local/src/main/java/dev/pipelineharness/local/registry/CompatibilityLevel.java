package dev.pipelineharness.local.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}.
 * BACKWARD: the new schema reads data written with the old one (consumers upgrade first);
 * FORWARD: the old schema reads data written with the new one; FULL: both. The transitive variants
 * check against every earlier version instead of the latest only.
 */
enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    static CompatibilityLevel parse(String text) {
        if (text == null) {
            throw RegistryError.invalidCompatibilityLevel("null");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryError.invalidCompatibilityLevel(text);
        }
    }

    /**
     * The reasons {@code candidate} may not follow {@code previous} (oldest first); empty if it may.
     */
    List<String> violations(Schema candidate, List<Schema> previous) {
        if (this == NONE || previous.isEmpty()) {
            return List.of();
        }
        List<Schema> checked = name().endsWith("_TRANSITIVE") ? previous : List.of(previous.get(previous.size() - 1));
        List<String> violations = new ArrayList<>();
        for (Schema earlier : checked) {
            if (this != FORWARD && this != FORWARD_TRANSITIVE) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, earlier), "new schema reading old data", violations);
            }
            if (this != BACKWARD && this != BACKWARD_TRANSITIVE) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(earlier, candidate), "old schema reading new data", violations);
            }
        }
        return violations;
    }

    private static void describe(SchemaPairCompatibility result, String direction, List<String> violations) {
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(incompatibility -> violations.add(direction + ": "
                    + incompatibility.getType() + " at " + incompatibility.getLocation() + " (" + incompatibility.getMessage() + ")"));
        }
    }
}
