package dev.pipelineharness.checks.expect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.checks.ObservedRecord;
import dev.pipelineharness.checks.TableReader;
import dev.pipelineharness.checks.TopicRecords;
import dev.pipelineharness.generators.records.PipelineNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output an expectation judges: {@code table: NAME} (a PostgreSQL table of the pipeline, every
 * row) or {@code topic: NAME} (a JSON topic of the pipeline, each record's top-level fields as a row,
 * with {@code _key}, {@code _partition} and {@code _offset}). A topic declared with
 * {@code cleanup.policy: compact} is read as a table, the way upsert-kafka writes it: the latest
 * record per key, a tombstone deleting its key; other topics give every record.
 */
final class OutputSource implements AutoCloseable {

    private final String table;
    private final String topic;
    private final boolean upsert;
    private TopicRecords records;

    private OutputSource(String table, String topic, boolean upsert) {
        this.table = table;
        this.topic = topic;
        this.upsert = upsert;
    }

    static OutputSource from(Params params, DefinitionContext definition) {
        if (params.has("table") == params.has("topic")) {
            throw params.error(params.has("table") ? "topic" : "",
                    "give exactly one of 'table' (a PostgreSQL table of the pipeline) or 'topic' (one of its topics)");
        }
        if (params.has("table")) {
            return new OutputSource(PipelineNames.requireTable(params, "table", definition), null, false);
        }
        String topic = PipelineNames.requireTopic(params, "topic", definition);
        boolean compacted = definition.pipeline().flatMap(p -> p.topic(topic))
                .map(spec -> spec.configs().getOrDefault("cleanup.policy", "").contains("compact")).orElse(false);
        return new OutputSource(null, topic, compacted);
    }

    String describe() {
        return table != null ? "table " + table : "topic " + topic;
    }

    String name() {
        return table != null ? table : topic;
    }

    List<Map<String, Object>> read(CheckContext context) throws Exception {
        if (table != null) {
            JdbcEndpoint endpoint = context.deployment().endpoints().postgres().orElseThrow(
                    () -> new IllegalStateException("reading " + describe() + " needs PostgreSQL, but this topology has none"));
            return new TableReader(endpoint).readAll(context.deployment().postgresSchema(), table);
        }
        if (records == null) {
            records = new TopicRecords(context.deployment(), topic, "expect-" + topic);
        }
        Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
        List<Map<String, Object>> all = new ArrayList<>();
        for (ObservedRecord record : records.readAll()) {
            if (upsert) {
                if (record.value() == null && record.undecodable() == null) {
                    latest.remove(record.key());
                } else {
                    latest.remove(record.key());
                    latest.put(record.key(), row(record));
                }
            } else {
                all.add(row(record));
            }
        }
        return upsert ? new ArrayList<>(latest.values()) : all;
    }

    static Map<String, Object> row(ObservedRecord record) {
        Map<String, Object> row = new LinkedHashMap<>();
        JsonNode value = record.value();
        if (value != null && value.isObject()) {
            value.fields().forEachRemaining(field -> row.put(field.getKey(), scalar(field.getValue())));
        } else if (record.undecodable() != null) {
            row.put("_undecodable", record.undecodable());
        }
        row.put("_key", record.key());
        row.put("_partition", record.partition());
        row.put("_offset", record.offset());
        return row;
    }

    private static Object scalar(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    @Override
    public void close() {
        if (records != null) {
            records.close();
        }
    }
}
