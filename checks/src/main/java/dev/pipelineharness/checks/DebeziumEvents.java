package dev.pipelineharness.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads Debezium's change envelope (JSON with or without schemas) into an {@link ObservedChange}. */
public final class DebeziumEvents {

    private DebeziumEvents() {
    }

    /** The change, or null for a tombstone or a record that is not a change envelope. */
    public static ObservedChange parse(ObservedRecord record, String keyColumn) {
        JsonNode value = record.value();
        if (value == null) {
            return null;
        }
        if (value.has("payload") && value.has("schema")) {
            value = value.get("payload");
        }
        JsonNode op = value.get("op");
        if (op == null || !op.isTextual()) {
            return null;
        }
        JsonNode after = value.get("after");
        JsonNode before = value.get("before");
        JsonNode row = after != null && !after.isNull() ? after : before;
        String key = row != null && row.has(keyColumn) ? row.get(keyColumn).asText() : record.key();
        Map<String, Object> columns = new LinkedHashMap<>();
        if (after != null && after.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode node = field.getValue();
                columns.put(field.getKey(), node.isNull() ? null : node.isNumber() ? node.decimalValue() : node.asText());
            }
        }
        JsonNode lsn = value.path("source").get("lsn");
        return new ObservedChange(record.partition(), record.offset(), key, op.asText(),
                "d".equals(op.asText()) ? Map.of() : columns, lsn == null || lsn.isNull() ? null : lsn.asText());
    }
}
