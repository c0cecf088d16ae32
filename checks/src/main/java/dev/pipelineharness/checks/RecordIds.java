package dev.pipelineharness.checks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value of a ledger's id field in a record read from a topic, as text: the field (a name, or a
 * dotted path into nested objects) at the top of the value, or, in a Debezium change envelope
 * ({@code op} with {@code after} and {@code before}, optionally wrapped as {@code {schema, payload}}),
 * in its {@code after} row, or its {@code before} row for a delete. Numbers read as their JSON text
 * ({@code 12}), which is how the generators write integer ids.
 */
final class RecordIds {

    private RecordIds() {
    }

    /** The id, or null when the record does not carry the field. */
    static String of(JsonNode value, String idField) {
        if (value == null || !value.isObject()) {
            return null;
        }
        String direct = text(at(value, idField));
        if (direct != null) {
            return direct;
        }
        JsonNode envelope = value.has("payload") && value.has("schema") ? value.get("payload") : value;
        if (envelope != null && envelope.has("op") && (envelope.has("after") || envelope.has("before"))) {
            String after = text(at(envelope.get("after"), idField));
            return after != null ? after : text(at(envelope.get("before"), idField));
        }
        return null;
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(part);
        }
        return current;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
