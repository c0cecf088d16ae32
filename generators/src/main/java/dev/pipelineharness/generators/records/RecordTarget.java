package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.api.support.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Where a {@code records} or {@code replay} generator writes: {@code table: NAME} (a table the
 * pipeline's DDL creates, in the scenario's schema), {@code topic: NAME} (a JSON or Avro topic the
 * pipeline declares) or {@code dynamodb-table: NAME} (a DynamoDB table the pipeline declares),
 * checked against the pipeline at load time.
 *
 * @param keyColumns  the primary key of a table (for updates and deletes), the field whose value is
 *                    a topic record's key, or a DynamoDB table's hash (and range) key; may be empty
 * @param dynamoTable the declared DynamoDB table, for {@link GeneratedRows.Kind#DYNAMODB_TABLE}
 */
record RecordTarget(GeneratedRows.Kind kind, String name, List<String> keyColumns, Optional<Schema> avroSchema,
                    Optional<DynamoTableSpec> dynamoTable) {

    static final String DYNAMODB_TABLE = "dynamodb-table";

    RecordTarget(GeneratedRows.Kind kind, String name, List<String> keyColumns, Optional<Schema> avroSchema) {
        this(kind, name, keyColumns, avroSchema, Optional.empty());
    }

    static RecordTarget from(Params params, DefinitionContext definition, List<String> keyColumns) {
        return from(params, definition, keyColumns, Optional.empty());
    }

    /** @param avroSchema the schema of {@code schema:}, with which an {@code avro} topic is written */
    static RecordTarget from(Params params, DefinitionContext definition, List<String> keyColumns,
                             Optional<Schema> avroSchema) {
        int targets = (params.has("table") ? 1 : 0) + (params.has("topic") ? 1 : 0) + (params.has(DYNAMODB_TABLE) ? 1 : 0);
        if (targets != 1) {
            throw params.error(targets == 0 ? "" : params.has(DYNAMODB_TABLE) ? DYNAMODB_TABLE : "topic",
                    "give exactly one of 'table' (a PostgreSQL table of the pipeline), 'topic' (one of its topics)"
                            + " or 'dynamodb-table' (one of its DynamoDB tables)");
        }
        if (params.has(DYNAMODB_TABLE)) {
            DynamoTableSpec spec = dynamoTable(params, definition);
            List<String> keys = new ArrayList<>(List.of(spec.hashKey()));
            if (spec.rangeKey() != null) {
                keys.add(spec.rangeKey());
            }
            return new RecordTarget(GeneratedRows.Kind.DYNAMODB_TABLE, spec.name(), keys, Optional.empty(),
                    Optional.of(spec));
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

    /** The DynamoDB table the pipeline declares under that name; a detached scenario's is keyed by {@code id} (S). */
    private static DynamoTableSpec dynamoTable(Params params, DefinitionContext definition) {
        String name = params.string(DYNAMODB_TABLE);
        if (definition.pipeline().isEmpty()) {
            return new DynamoTableSpec(name, "id", "S", null, null, null);
        }
        List<DynamoTableSpec> tables = definition.pipeline().get().dynamoTables();
        List<String> names = tables.stream().map(DynamoTableSpec::name).toList();
        return tables.stream().filter(table -> table.name().equals(name)).findFirst().orElseThrow(() -> params.error(
                DYNAMODB_TABLE, "DynamoDB table '" + name + "' is not declared by pipeline '"
                        + definition.pipeline().get().name() + "'" + Suggestions.didYouMean(name, names)
                        + "; declared: " + (names.isEmpty() ? "none" : String.join(", ", names))));
    }

    boolean isTable() {
        return kind == GeneratedRows.Kind.TABLE;
    }

    boolean isDynamoTable() {
        return kind == GeneratedRows.Kind.DYNAMODB_TABLE;
    }

    @Override
    public String toString() {
        return (isTable() ? "table " : isDynamoTable() ? "DynamoDB table " : "topic ") + name;
    }
}
