package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@code schema: FILE}: the fields of a records entry derived from an Avro record schema, the way
 * {@code from: ddl} derives them from a table. A field of a nested record type becomes a field whose
 * values are records of their own derived fields; the user's {@code fields} replace derived ones by
 * name, a nested one by its dotted path ({@code payload.amount}).
 */
final class AvroFields {

    private AvroFields() {
    }

    /** The schema file of {@code schema:}, parsed at load time; must be a record schema. */
    static Schema read(Params params, DefinitionContext definition) {
        String written = params.string("schema");
        Path file = definition.resolve(written);
        if (!Files.isRegularFile(file)) {
            throw params.error("schema", "Avro schema file '" + written + "' not found (looked for " + file + ")");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(Files.readString(file));
        } catch (IOException | SchemaParseException e) {
            throw params.error("schema", "'" + written + "' is not an Avro schema: " + e.getMessage());
        }
        if (schema.getType() != Schema.Type.RECORD) {
            throw params.error("schema", "'" + written + "' is an Avro " + schema.getType().getName()
                    + "; records need a record schema");
        }
        return schema;
    }

    /** Every field of {@code schema}, in its order: the user's where given, else derived. */
    static Map<String, FieldSpec> derive(Schema schema, Params overrides, String keyField, String topic,
                                         long plannedCount, Params params) {
        List<String> paths = new ArrayList<>();
        collectPaths(schema, "", paths);
        if (overrides != null) {
            for (String name : overrides.keys()) {
                if (!paths.contains(name)) {
                    throw overrides.error(name, "schema " + schema.getFullName() + " (" + params.string("schema")
                            + ") has no field '" + name + "'" + dev.pipelineharness.api.support.Suggestions.didYouMean(name, paths));
                }
                if (recordOf(fieldAt(schema, name).schema()).isPresent()) {
                    throw overrides.error(name, "'" + name + "' is a record: give its fields as " + name + ".<field>");
                }
            }
        }
        return fields(schema, "", overrides, keyField, topic, plannedCount, params);
    }

    private static Map<String, FieldSpec> fields(Schema record, String prefix, Params overrides, String keyField,
                                                 String topic, long plannedCount, Params params) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (Schema.Field field : record.getFields()) {
            String path = prefix + field.name();
            if (overrides != null && overrides.has(path)) {
                fields.put(field.name(), FieldSpec.parse(field.name(), overrides.params(path), plannedCount));
                continue;
            }
            boolean nullable = isNullable(field.schema());
            Optional<Schema> nested = recordOf(field.schema());
            if (nested.isPresent()) {
                Map<String, FieldSpec> children = fields(nested.get(), path + ".", overrides, null, topic, plannedCount,
                        params);
                fields.put(field.name(), FieldSpec.record(field.name(), nullable ? DerivedFields.NULL_RATE : 0, children));
                continue;
            }
            Map<String, Object> spec = spec(field, path.equals(keyField), topic, plannedCount).orElseThrow(() -> params
                    .error("schema", "field '" + path + "' of " + record.getFullName() + " has Avro type "
                            + field.schema() + ", which records cannot derive; give it under fields, such as "
                            + path + ": {values: [...]}"));
            if (nullable && !path.equals(keyField)) {
                spec.put("null-rate", DerivedFields.NULL_RATE);
            }
            Params derived = Params.of(spec, "", params.field("schema") + "(" + path + ")",
                    pointer -> params.location("schema"));
            fields.put(field.name(), FieldSpec.parse(field.name(), derived, plannedCount));
        }
        return fields;
    }

    private static Optional<Map<String, Object>> spec(Schema.Field field, boolean key, String topic, long plannedCount) {
        Schema type = nonNull(field.schema());
        Map<String, Object> spec = new LinkedHashMap<>();
        String name = field.name();
        var logical = type.getLogicalType();
        switch (type.getType()) {
            case STRING -> {
                if (key) {
                    spec.put("id", DerivedFields.prefix(topic));
                    spec.put("cardinality", Math.max(1, plannedCount));
                } else if (logical != null && logical.getName().equals("uuid")) {
                    spec.put("faker", "#{Internet.uuid}");
                } else if (name.endsWith("_id")) {
                    spec.put("id", DerivedFields.prefix(name.substring(0, name.length() - 3)));
                    spec.put("cardinality", 100);
                } else {
                    spec.putAll(DerivedFields.text(name, 0));
                }
            }
            case INT -> {
                if (logical != null) {
                    return Optional.empty(); // date, time-millis: no generator of those yet
                }
                spec.putAll(key ? Map.of("sequence", 1, "cardinality", Math.max(1, plannedCount))
                        : Map.of("type", "int", "min", 0, "max", 100000));
            }
            case LONG -> {
                if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.LocalTimestampMillis) {
                    spec.put("event-time", Map.of("spread", "1h"));
                } else if (logical != null) {
                    return Optional.empty();
                } else if (key) {
                    spec.putAll(Map.of("sequence", 1, "cardinality", Math.max(1, plannedCount)));
                } else if (name.endsWith("_time") || name.endsWith("_at") || name.endsWith("_ts")) {
                    spec.put("event-time", Map.of("spread", "1h"));
                } else {
                    spec.putAll(Map.of("type", "long", "min", 0, "max", 100000));
                }
            }
            case FLOAT, DOUBLE -> spec.putAll(Map.of("type", "double", "min", 0, "max", 1000));
            case BOOLEAN -> spec.put("type", "boolean");
            case ENUM -> spec.put("values", type.getEnumSymbols());
            case BYTES, FIXED -> {
                if (!(logical instanceof LogicalTypes.Decimal decimal)) {
                    return Optional.empty();
                }
                int digits = decimal.getPrecision() - decimal.getScale();
                spec.putAll(Map.of("type", "decimal", "min", 0, "scale", decimal.getScale(),
                        "max", digits >= 4 ? 1000 : (int) Math.pow(10, digits) - 1));
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(spec);
    }

    static boolean isNullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
    }

    /** The one non-null branch of {@code [null, X]}, or the schema itself; a wider union stays a union. */
    static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> branches = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
        return branches.size() == 1 ? branches.get(0) : schema;
    }

    private static Optional<Schema> recordOf(Schema schema) {
        Schema type = nonNull(schema);
        return type.getType() == Schema.Type.RECORD ? Optional.of(type) : Optional.empty();
    }

    private static void collectPaths(Schema record, String prefix, List<String> paths) {
        for (Schema.Field field : record.getFields()) {
            paths.add(prefix + field.name());
            recordOf(field.schema()).ifPresent(nested -> collectPaths(nested, prefix + field.name() + ".", paths));
        }
    }

    private static Schema.Field fieldAt(Schema record, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return record.getField(path);
        }
        return fieldAt(recordOf(record.getField(path.substring(0, dot)).schema()).orElseThrow(), path.substring(dot + 1));
    }

    /** Values of a nested record: each child drawn from the parent field's stream, nulls by the child's rate. */
    static FieldGenerator recordValues(Map<String, FieldSpec> children) {
        return (Random random, long index) -> {
            Map<String, Object> value = new LinkedHashMap<>();
            children.forEach((name, child) -> value.put(name, child.nullRate > 0 && random.nextDouble() < child.nullRate
                    ? null : child.generator.next(random, index)));
            return value;
        };
    }
}
