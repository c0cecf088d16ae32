package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.TopicSpec;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Where a {@code records} or {@code replay} generator writes: {@code table: NAME} (a table the
 * pipeline's DDL creates, in the scenario's schema) or {@code topic: NAME} (a JSON topic the pipeline
 * declares), checked against the pipeline at load time.
 *
 * @param keyColumns the primary key of a table (for updates and deletes), or the field whose value
 *                   is a topic record's key; may be empty
 */
record RecordTarget(GeneratedRows.Kind kind, String name, List<String> keyColumns, Optional<Schema> avroSchema) {

    static RecordTarget from(Params params, DefinitionContext definition, List<String> keyColumns) {
        return from(params, definition, keyColumns, Optional.empty());
    }

    /** @param avroSchema the schema of {@code schema:}, with which an {@code avro} topic is written */
    static RecordTarget from(Params params, DefinitionContext definition, List<String> keyColumns,
                             Optional<Schema> avroSchema) {
        if (params.has("table") == params.has("topic")) {
            throw params.error(params.has("table") ? "topic" : "",
                    "give exactly one of 'table' (a PostgreSQL table of the pipeline) or 'topic' (one of its topics)");
        }
        if (params.has("table")) {
            return new RecordTarget(GeneratedRows.Kind.TABLE, PipelineNames.requireTable(params, "table", definition),
                    keyColumns, Optional.empty());
        }
        String topic = PipelineNames.requireTopic(params, "topic", definition);
        String format = definition.pipeline().flatMap(p -> p.topic(topic)).map(TopicSpec::format).orElse("json");
        if (format.equals("avro")) {
            if (avroSchema.isEmpty()) {
                throw params.error("topic", "topic '" + topic + "' has format avro: give the records' Avro schema"
                        + " with schema: FILE (.avsc)");
            }
            return new RecordTarget(GeneratedRows.Kind.TOPIC, topic, keyColumns, avroSchema);
        }
        if (!format.equals("json")) {
            throw params.error("topic", "topic '" + topic + "' has format " + format
                    + "; this generator writes json and avro topics");
        }
        // a JSON topic written from an Avro schema's fields: the schema shaped the fields, JSON carries them
        return new RecordTarget(GeneratedRows.Kind.TOPIC, topic, keyColumns, Optional.empty());
    }

    boolean isTable() {
        return kind == GeneratedRows.Kind.TABLE;
    }

    @Override
    public String toString() {
        return (isTable() ? "table " : "topic ") + name;
    }
}
