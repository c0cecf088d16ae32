package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.ScenarioStore;
import dev.pipelineharness.ledger.Ledger;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link TargetWriter} tells the scenario's {@link Ledger} about the rows of an entry with
 * {@link LedgerSpec ledger settings}: each row is a copy of the record its id names (an update of a
 * row is another copy of it), written when handed to the sink and acknowledged when Kafka acked it
 * ({@code acks=all}) or PostgreSQL committed it. Without ledger settings it tells nothing.
 */
final class LedgeredWrites {

    /** What {@link #written} returns when there is no ledger to tell. */
    static final long UNLEDGERED = -1;

    private static final LedgeredWrites NONE = new LedgeredWrites(null, 0, null, null);

    private final Ledger ledger;
    private final int destination;
    private final String idField;
    private final String keyField;

    private LedgeredWrites(Ledger ledger, int destination, String idField, String keyField) {
        this.ledger = ledger;
        this.destination = destination;
        this.idField = idField;
        this.keyField = keyField;
    }

    /** The writes of an entry writing to {@code target}, ledgered in the scenario's ledger when {@code spec} is given. */
    static LedgeredWrites of(Optional<LedgerSpec> spec, RecordTarget target, ScenarioStore store) {
        if (spec.isEmpty()) {
            return NONE;
        }
        Ledger ledger = store.computeIfAbsent(Ledger.class, Ledger::new);
        int destination = ledger.destination(spec.get().destination(), spec.get().idField());
        ledger.source(destination, new Ledger.Source(target.name(), target.kind() == GeneratedRows.Kind.TOPIC));
        String keyField = target.keyColumns().isEmpty() ? spec.get().idField() : target.keyColumns().get(0);
        return new LedgeredWrites(ledger, destination, spec.get().idField(), keyField);
    }

    /** Notes one copy of {@code row}'s record handed to the sink; returns its ordinal for {@link #acknowledged}. */
    long written(Map<String, Object> row) {
        if (ledger == null) {
            return UNLEDGERED;
        }
        Object id = row.get(idField);
        if (id == null) {
            throw new IllegalStateException("a row bound for " + ledger.destinationName(destination)
                    + " has no value for its ledger id '" + idField + "': " + row);
        }
        Object key = row.get(keyField);
        long ordinal = ledger.identified(destination, String.valueOf(id), String.valueOf(key == null ? id : key).hashCode());
        ledger.written(ordinal);
        return ordinal;
    }

    /** The sink confirmed the copy {@link #written} returned {@code ordinal} for. */
    void acknowledged(long ordinal) {
        if (ordinal != UNLEDGERED) {
            ledger.acknowledged(ordinal);
        }
    }
}
