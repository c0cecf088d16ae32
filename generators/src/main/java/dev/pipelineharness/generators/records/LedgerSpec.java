package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.support.Suggestions;
import java.util.Collection;
import java.util.Optional;

/**
 * {@code ledger: {destination: TOPIC, id: FIELD}} of a {@code records} or {@code replay} entry: every
 * record it writes is planned, written and acknowledged in the scenario's ledger as bound for
 * {@code destination} (a topic of the pipeline), where the ledger checks ({@code no-loss},
 * {@code no-duplicates}, {@code latency}, ...) find it again by the value of {@code id}, a field the
 * pipeline carries through. {@code id} defaults to the entry's key.
 */
record LedgerSpec(String destination, String idField) {

    static final String KEY = "ledger";

    /**
     * The entry's ledger settings, checked against the pipeline (the destination topic) and the
     * entry's fields when they are known ({@code fields} null for a replayed file, whose rows are
     * checked by the caller).
     */
    static Optional<LedgerSpec> from(Params entry, DefinitionContext definition, Collection<String> fields,
                                     Optional<String> key) {
        if (!entry.has(KEY)) {
            return Optional.empty();
        }
        Params ledger = entry.child(KEY);
        if (!ledger.isMapping()) {
            throw entry.error(KEY, "expected a mapping such as {destination: cdc_orders, id: order_id}");
        }
        ledger.allowOnly("destination", "id");
        if (!ledger.has("destination")) {
            throw ledger.error("", "needs 'destination': the topic of the pipeline where each record must arrive");
        }
        String destination = PipelineNames.requireTopic(ledger, "destination", definition);
        String id = ledger.has("id") ? ledger.string("id") : key.orElseThrow(() -> ledger.error("",
                "needs 'id': the field that identifies a record at " + destination + " (there is no 'key' to default to)"));
        if (fields != null && !fields.contains(id)) {
            throw ledger.error(ledger.has("id") ? "id" : "", "'" + id + "' is not one of the fields "
                    + String.join(", ", fields) + Suggestions.didYouMean(id, fields));
        }
        return Optional.of(new LedgerSpec(destination, id));
    }
}
