package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.Pacing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code records}: seeded records from a field specification into a table or a JSON topic of the
 * pipeline.
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
        params.allowOnly("table", "topic", "key", "fields", "count", "duration", "rate", "bursts", "updates",
                "deletes", "commit-every");
        Pacing pacing = Pacing.from(params);
        if (!params.has("fields") || params.params("fields").keys().isEmpty()) {
            throw params.error("fields", "is required: at least one field, such as {id: {id: x-, cardinality: 100}}");
        }
        Params fieldsSection = params.params("fields");
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (String name : fieldsSection.keys()) {
            fields.put(name, FieldSpec.parse(name, fieldsSection.params(name), pacing.plannedCount()));
        }
        List<String> key = List.of();
        if (params.has("key")) {
            String keyField = params.string("key");
            FieldSpec spec = fields.get(keyField);
            if (spec == null) {
                throw params.error("key", "'" + keyField + "' is not one of the fields " + String.join(", ", fields.keySet()));
            }
            if (spec.idPool.isEmpty()) {
                throw params.error("key", "field '" + keyField + "' must be an id field ({id: prefix-, cardinality: N})");
            }
            if (spec.nullRate > 0) {
                throw params.error("key", "field '" + keyField + "' is a key and cannot have a null-rate");
            }
            key = List.of(keyField);
        }
        RecordTarget target = RecordTarget.from(params, definition, key);
        double updates = params.fraction("updates", 0);
        double deletes = params.fraction("deletes", 0);
        if ((updates > 0 || deletes > 0) && !target.isTable()) {
            throw params.error(params.has("updates") ? "updates" : "deletes",
                    "updates and deletes apply to tables; a topic is written append-only");
        }
        if ((updates > 0 || deletes > 0) && key.isEmpty()) {
            throw params.error(params.has("updates") ? "updates" : "deletes", "needs 'key': the field that identifies a row");
        }
        if (updates + deletes >= 1) {
            throw params.error("deletes", "updates + deletes must leave room for inserts (less than 1)");
        }
        int commitEvery = (int) params.positiveLong("commit-every", 50);
        return new RecordsGenerator(new RecordsShape(target, fields, pacing, updates, deletes, commitEvery));
    }
}
