package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.support.Suggestions;
import dev.pipelineharness.generators.Pacing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * {@code records}: seeded records from a field specification into a table, a topic or a DynamoDB
 * table of the pipeline.
 *
 * <pre>
 * - records:
 *     table: orders                  # or topic: NAME
 *     key: order_id                  # an id field; inserts take its ids in order, updates and deletes reuse them
 *     count: 300                     # or duration with rate; rate: 500/s
 *     updates: 0.2                   # tables only: share of changes that update a live row
 *     deletes: 0.05                  # tables only: share of changes that delete a live row
 *     commit-every: 25               # tables only: rows per transaction
 *     fields: {order_id: {id: o-, cardinality: 300}, amount: {type: decimal, min: 1, max: 99}}
 *
 * - records:
 *     table: orders
 *     from: ddl                      # every column from the table's CREATE TABLE (DerivedFields), key from its primary key
 *     count: 300
 *     fields: {customer_id: {id: c-, cardinality: 40}}   # what the derivation should not guess
 *
 * - records:
 *     topic: raw_events              # an avro topic (or a json one)
 *     schema: schemas/event.avsc     # the fields derived from this Avro record schema, which also encodes them
 *     key: event_id
 *     fields: {event_type: {values: [loan, car]}, payload.amount: {type: decimal, min: 1, max: 9}}
 *
 * - records:
 *     table: orders
 *     key: order_id
 *     ledger: {destination: cdc_orders, id: order_id}   # ledgered: no-loss, no-duplicates, latency judge cdc_orders
 *     ...
 *
 * - records:
 *     dynamodb-table: dev-user-personalization   # items put in batches of 25; fields must include its key attributes
 *     count: 200
 *     fields: {user_id: {id: u-, cardinality: 20}, timestamp: {event-time: {spread: 1h}}, ...}
 * </pre>
 */
public final class RecordsProvider implements GeneratorProvider {

    @Override
    public String name() {
        return "records";
    }

    @Override
    public Generator create(Params params) {
        return create(params, DefinitionContext.detached());
    }

    @Override
    public Generator create(Params params, DefinitionContext definition) {
        params.allowOnly("table", "topic", RecordTarget.DYNAMODB_TABLE, "from", "schema", "key", "fields", "count", "duration", "rate", "bursts", "updates",
                "deletes", "commit-every", LedgerSpec.KEY);
        Pacing pacing = Pacing.from(params);
        Optional<DdlTable> ddl = derivedFrom(params, definition);
        Optional<Schema> avro = params.has("schema") ? Optional.of(AvroFields.read(params, definition)) : Optional.empty();
        if (ddl.isPresent() && avro.isPresent()) {
            throw params.error("schema", "give one of from: ddl (a table's columns) or schema (an Avro record's fields)");
        }
        if (ddl.isEmpty() && avro.isEmpty() && (!params.has("fields") || params.params("fields").keys().isEmpty())) {
            throw params.error("fields", "is required: at least one field, such as {id: {id: x-, cardinality: 100}}"
                    + (params.has("table") ? ", or from: ddl to derive them from the table's CREATE TABLE" : ""));
        }
        String keyField = params.has("key") ? params.string("key")
                : ddl.filter(table -> table.primaryKey().size() == 1).map(table -> table.primaryKey().get(0)).orElse(null);
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        Params overrides = params.has("fields") ? params.params("fields") : null;
        if (ddl.isPresent()) {
            fields.putAll(derived(ddl.get(), overrides, keyField, pacing.plannedCount(), params));
        } else if (avro.isPresent()) {
            String name = params.has("topic") ? params.string("topic") : params.string("table");
            fields.putAll(AvroFields.derive(avro.get(), overrides, keyField, name, pacing.plannedCount(), params));
        } else {
            for (String name : overrides.keys()) {
                fields.put(name, FieldSpec.parse(name, overrides.params(name), pacing.plannedCount()));
            }
        }
        if (params.has("topic") || params.has(RecordTarget.DYNAMODB_TABLE)) {
            requireMillisEventTimes(overrides);
        }
        List<String> key = List.of();
        if (keyField != null) {
            FieldSpec spec = fields.get(keyField);
            if (spec == null) {
                throw params.error("key", "'" + keyField + "' is not one of the fields " + String.join(", ", fields.keySet()));
            }
            if (spec.idPool.isEmpty()) {
                throw params.error("key", "field '" + keyField + "' must be an id field ({id: prefix-, cardinality: N} or {sequence: 1, cardinality: N})");
            }
            if (spec.nullRate > 0) {
                throw params.error("key", "field '" + keyField + "' is a key and cannot have a null-rate");
            }
            key = List.of(keyField);
        }
        RecordTarget target = RecordTarget.from(params, definition, key, avro);
        if (target.isDynamoTable()) {
            requireItemKeys(params, target, fields);
        }
        double updates = params.fraction("updates", 0);
        double deletes = params.fraction("deletes", 0);
        if ((updates > 0 || deletes > 0) && !target.isTable()) {
            throw params.error(params.has("updates") ? "updates" : "deletes",
                    "updates and deletes apply to tables; a " + (target.isDynamoTable()
                            ? "DynamoDB table is written with one put per record" : "topic is written append-only"));
        }
        if ((updates > 0 || deletes > 0) && key.isEmpty()) {
            throw params.error(params.has("updates") ? "updates" : "deletes", "needs 'key': the field that identifies a row");
        }
        if (updates + deletes >= 1) {
            throw params.error("deletes", "updates + deletes must leave room for inserts (less than 1)");
        }
        int commitEvery = (int) params.positiveLong("commit-every", 50);
        Optional<String> defaultId = Optional.ofNullable(keyField).or(() -> target.isDynamoTable()
                && target.keyColumns().size() == 1 ? Optional.of(target.keyColumns().get(0)) : Optional.empty());
        Optional<LedgerSpec> ledger = LedgerSpec.from(params, definition, fields.keySet(), defaultId);
        ledger.ifPresent(spec -> requireIdentifying(params.params(LedgerSpec.KEY), spec, fields.get(spec.idField()),
                target, keyField, updates + deletes > 0));
        return new RecordsGenerator(new RecordsShape(target, fields, pacing, updates, deletes, commitEvery, ledger));
    }

    /** Every item needs the table's key attributes: fields that are never null. */
    private static void requireItemKeys(Params params, RecordTarget target, Map<String, FieldSpec> fields) {
        for (String attribute : target.keyColumns()) {
            FieldSpec field = fields.get(attribute);
            if (field == null) {
                throw params.error(RecordTarget.DYNAMODB_TABLE, "DynamoDB table '" + target.name() + "' is keyed by '"
                        + attribute + "', which is not one of the fields " + String.join(", ", fields.keySet()));
            }
            if (field.nullRate > 0) {
                throw params.error("fields", "field '" + attribute + "' is a key attribute of DynamoDB table '"
                        + target.name() + "' and cannot have a null-rate");
            }
        }
    }

    /** The ledger's id must name every record: never null, and the row's key where rows change. */
    private static void requireIdentifying(Params ledger, LedgerSpec spec, FieldSpec id, RecordTarget target,
                                           String keyField, boolean changesRows) {
        String at = ledger.has("id") ? "id" : "";
        if (id.nullRate > 0) {
            throw ledger.error(at, "field '" + spec.idField() + "' identifies records in the ledger and cannot have"
                    + " a null-rate");
        }
        if (changesRows && target.isTable() && !spec.idField().equals(keyField)) {
            throw ledger.error(at, "with updates or deletes the ledger id must be the key '" + keyField
                    + "': a delete carries only the key, and each change of a row is a copy of that row's record");
        }
    }

    /** {@code from: ddl}: the table of {@code table:} as the pipeline's DDL creates it. */
    private static Optional<DdlTable> derivedFrom(Params params, DefinitionContext definition) {
        if (!params.has("from")) {
            return Optional.empty();
        }
        params.choice("from", List.of("ddl"), "ddl");
        if (!params.has("table")) {
            throw params.error("from", "from: ddl derives the fields from a table's CREATE TABLE; give 'table'");
        }
        String table = PipelineNames.requireTable(params, "table", definition);
        return Optional.of(DdlTable.find(definition, table).orElseThrow(() -> params.error("from",
                "no DDL file of the pipeline creates table '" + table + "', so there is nothing to derive from")));
    }

    /** Every column of {@code table} in DDL order: the user's field where given, else the derived one. */
    private static Map<String, FieldSpec> derived(DdlTable table, Params overrides, String keyField, long plannedCount,
                                                  Params params) {
        if (overrides != null) {
            for (String name : overrides.keys()) {
                if (table.column(name).isEmpty()) {
                    throw overrides.error(name, "table '" + table.name() + "' (" + table.location()
                            + ") has no column '" + name + "'" + Suggestions.didYouMean(name,
                            table.columns().stream().map(DdlTable.Column::name).toList()));
                }
            }
        }
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (DdlTable.Column column : table.columns()) {
            if (overrides != null && overrides.has(column.name())) {
                fields.put(column.name(), FieldSpec.parse(column.name(), overrides.params(column.name()), plannedCount));
                continue;
            }
            Map<String, Object> spec = DerivedFields.of(column, column.name().equals(keyField), table.name(), plannedCount)
                    .orElseThrow(() -> params.error("from", "column '" + column.name() + "' of table '" + table.name()
                            + "' (" + table.location() + ") has type " + column.type()
                            + ", which records cannot derive; give it under fields, such as " + column.name()
                            + ": {values: [...]}"));
            Params derived = Params.of(spec, "", params.field("from") + "(" + column.name() + ")",
                    pointer -> params.location("from"));
            fields.put(column.name(), FieldSpec.parse(column.name(), derived, plannedCount));
        }
        return fields;
    }

    /** A JSON topic holds epoch millis; timestamp values are for table columns of those types. */
    private static void requireMillisEventTimes(Params fields) {
        if (fields == null) {
            return;
        }
        for (String name : fields.keys()) {
            Params field = fields.params(name);
            if (field.has("event-time") && field.params("event-time").has("as")
                    && !field.params("event-time").string("as").equals("millis")) {
                throw field.params("event-time").error("as", "a topic record carries event times as epoch millis;"
                        + " timestamp, timestamptz and date are for table columns of those types");
            }
        }
    }
}
