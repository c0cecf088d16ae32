package dev.pipelineharness.checks;

import dev.pipelineharness.generators.business.BusinessEvent;
import dev.pipelineharness.ledger.Ledger;

/** Which ledger entry a record read from a topic is: the ordinal in its {@code event_id}. */
final class Ordinals {

    private Ordinals() {
    }

    /** The record's ordinal, or -1 when it carries none this ledger holds (poison, a tombstone, another run's). */
    static long of(ObservedRecord record, Ledger ledger) {
        if (record.value() == null || record.value().get("event_id") == null) {
            return -1;
        }
        long ordinal = BusinessEvent.ordinalOf(record.value().get("event_id").asText());
        return ordinal >= 0 && ordinal < ledger.size() ? ordinal : -1;
    }
}
