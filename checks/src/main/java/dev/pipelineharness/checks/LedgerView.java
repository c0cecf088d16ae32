package dev.pipelineharness.checks;

import dev.pipelineharness.api.FaultWindows;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import dev.pipelineharness.ledger.LedgerSummary;
import dev.pipelineharness.ledger.RecordStatus;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.record.TimestampType;

/**
 * What one evaluation of a ledger check judges: the ledger, what this check has seen of it at the
 * destinations (with the time each record appeared there), when the faults were in effect, and
 * where to look hop by hop when something is missing.
 */
final class LedgerView {

    private final Ledger ledger;
    private final LedgerObserver observer;
    private final FaultWindows faults;
    private final Set<TimestampType> timestampTypes;
    private final Supplier<? extends Hops> hops;
    private LedgerSummary summary;

    LedgerView(Ledger ledger, LedgerObserver observer, FaultWindows faults, Set<TimestampType> timestampTypes,
               Supplier<? extends Hops> hops) {
        this.ledger = ledger;
        this.observer = observer;
        this.faults = faults;
        this.timestampTypes = Set.copyOf(timestampTypes);
        this.hops = hops;
    }

    Ledger ledger() {
        return ledger;
    }

    LedgerObserver observer() {
        return observer;
    }

    FaultWindows faults() {
        return faults;
    }

    /** The kinds of timestamp the destination records carried: what "appeared at" means. */
    Set<TimestampType> timestampTypes() {
        return timestampTypes;
    }

    /** Every record classified (computed once per evaluation). */
    LedgerSummary summary() {
        if (summary == null) {
            summary = observer.classify(DiffReport.LIMIT);
        }
        return summary;
    }

    /** The hops of the pipeline, read up to now (reading them is left until a check needs them). */
    Hops hops() {
        Hops locator = hops.get();
        locator.readNew();
        return locator;
    }

    /** Acknowledged records not (yet) at their destination: figures over them would be incomplete. */
    long stillMissing() {
        return summary().count(RecordStatus.MISSING);
    }

    /** The wall-clock instant of a time of the ledger. */
    Instant instant(long ledgerMillis) {
        return Instant.ofEpochMilli(ledger.epochMillis() + ledgerMillis - 1);
    }

    /** A time of the ledger relative to {@code reference}, in milliseconds. */
    long millisSince(Instant reference, long ledgerMillis) {
        return ledger.epochMillis() + ledgerMillis - 1 - reference.toEpochMilli();
    }

    /** How {@link #timestampTypes} reads in a verdict. */
    String timestampSource() {
        if (timestampTypes.contains(TimestampType.LOG_APPEND_TIME) && timestampTypes.size() == 1) {
            return "broker LogAppendTime";
        }
        if (timestampTypes.contains(TimestampType.CREATE_TIME) && timestampTypes.size() == 1) {
            return "CreateTime set by the pipeline's producer";
        }
        return timestampTypes.isEmpty() ? "no records read" : "timestamps " + timestampTypes;
    }
}
