package dev.pipelineharness.checks;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.FaultWindows;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.record.TimestampType;

/**
 * A check judged over the scenario's {@link Ledger}: reads every destination topic the ledger names,
 * maps each record to its ledger entry ({@link Ordinals}: by the destination's id field, or the
 * ordinal in its {@code event_id}), notes when it appeared
 * there (the record's Kafka timestamp), and hands the whole picture to its judge.
 */
final class LedgerCheck implements Check {

    private final String description;
    private final Duration within;
    private final Function<LedgerView, Verdict> judge;
    private final Map<Integer, TopicRecords> readers = new LinkedHashMap<>();
    private LedgerObserver observer;
    private HopLocator hops;

    private final boolean measures;

    LedgerCheck(String description, Duration within, Function<LedgerView, Verdict> judge) {
        this(description, within, judge, false);
    }

    /** @param measures whether a passing verdict is a measurement worth showing ({@link Check#measures()}) */
    LedgerCheck(String description, Duration within, Function<LedgerView, Verdict> judge, boolean measures) {
        this.description = description;
        this.within = within;
        this.judge = judge;
        this.measures = measures;
    }

    @Override
    public boolean measures() {
        return measures;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Duration within() {
        return within;
    }

    @Override
    public Verdict evaluate(CheckContext context) {
        Ledger ledger = context.store().get(Ledger.class).orElse(null);
        if (ledger == null) {
            return Verdict.fail(description + ": nothing to judge", "no generator of this scenario keeps a ledger"
                    + " (business-events does; records and replay do with ledger: {destination: TOPIC, id: FIELD}),"
                    + " so there is nothing to judge");
        }
        if (observer == null) {
            observer = ledger.observer();
        }
        Set<TimestampType> timestampTypes = EnumSet.noneOf(TimestampType.class);
        for (int destination = 1; destination < ledger.destinationCount(); destination++) {
            String name = ledger.destinationName(destination);
            int id = destination;
            TopicRecords records = readers.computeIfAbsent(id,
                    ignored -> new TopicRecords(context.deployment(), name, "ledger-" + name));
            for (ObservedRecord record : records.readNew()) {
                long ordinal = Ordinals.of(record, ledger, id);
                if (ordinal >= 0) {
                    observer.observed(ordinal, id, record.timestamp() > 0 ? record.timestamp() : System.currentTimeMillis());
                }
            }
            timestampTypes.addAll(records.timestampTypes());
        }
        FaultWindows faults = context.store().get(FaultWindows.class).orElse(FaultWindows.none());
        return judge.apply(new LedgerView(ledger, observer, faults, timestampTypes, () -> {
            if (hops == null) {
                hops = new HopLocator(context.deployment(), ledger);
            }
            return hops;
        }));
    }

    @Override
    public void close() {
        readers.values().forEach(TopicRecords::close);
        if (hops != null) {
            hops.close();
        }
    }
}
