package dev.pipelineharness.checks;

import dev.pipelineharness.generators.business.BusinessEvent;
import dev.pipelineharness.ledger.Ledger;
import java.util.Optional;

/**
 * Which ledger entry a record read from a topic is: by the id field the ledger declares for the
 * topic's destination ({@link RecordIds}), or, where it declares none (the business events), by the
 * ordinal in the record's {@code event_id}.
 */
final class Ordinals {

    private Ordinals() {
    }

    /**
     * The ordinal of a record read at destination {@code destinationId}, or -1 when it carries none
     * this ledger holds (poison, a tombstone, another run's, an id no generator wrote).
     */
    static long of(ObservedRecord record, Ledger ledger, int destinationId) {
        if (record.value() == null) {
            return -1;
        }
        Optional<String> idField = ledger.idField(destinationId);
        if (idField.isEmpty()) {
            return ofEventId(record, ledger);
        }
        String id = RecordIds.of(record.value(), idField.get());
        return id == null ? -1 : ledger.ordinalOf(destinationId, id);
    }

    /** The ordinal in the record's {@code event_id}, or -1. */
    static long ofEventId(ObservedRecord record, Ledger ledger) {
        if (record.value() == null || record.value().get("event_id") == null) {
            return -1;
        }
        long ordinal = BusinessEvent.ordinalOf(record.value().get("event_id").asText());
        return ordinal >= 0 && ordinal < ledger.size() ? ordinal : -1;
    }
}
