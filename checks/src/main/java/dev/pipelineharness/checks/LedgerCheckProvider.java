package dev.pipelineharness.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.generators.business.BusinessEvent;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import dev.pipelineharness.ledger.LedgerSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code no-loss} and {@code no-duplicates}: judged over the scenario's {@link Ledger}. Each check
 * reads every destination topic the ledger names (the filtered topics), maps each record to its
 * ledger entry by the ordinal in its {@code event_id}, and classifies every generated record.
 */
public abstract class LedgerCheckProvider implements CheckProvider {

    /** {@code no-loss: acknowledged} (default) or {@code no-loss: {guarantee: all, within: 60s}}. */
    public static final class NoLoss extends LedgerCheckProvider {
        @Override
        public String name() {
            return "no-loss";
        }

        @Override
        public List<Check> create(Params params) {
            String guarantee = guarantee(params, List.of("acknowledged", "all"), "acknowledged");
            boolean all = guarantee.equals("all");
            return List.of(new LedgerCheck("no-loss: " + guarantee, within(params),
                    summary -> dev.pipelineharness.checks.LedgerComparison.noLoss(summary, all)));
        }
    }

    /** {@code no-duplicates} or {@code no-duplicates: {within: 60s}}. */
    public static final class NoDuplicates extends LedgerCheckProvider {
        @Override
        public String name() {
            return "no-duplicates";
        }

        @Override
        public List<Check> create(Params params) {
            guarantee(params, List.of("exactly-once"), "exactly-once");
            return List.of(new LedgerCheck("no-duplicates", within(params), LedgerComparison::noDuplicates));
        }
    }

    static String guarantee(Params params, List<String> choices, String defaultValue) {
        if (params.isScalar()) {
            String value = params.scalarText();
            if (!choices.contains(value)) {
                throw params.error("", "'" + value + "' is not one of " + String.join(", ", choices)
                        + dev.pipelineharness.api.support.Suggestions.didYouMean(value, choices));
            }
            return value;
        }
        if (params.isNull()) {
            return defaultValue;
        }
        params.allowOnly("guarantee", "within");
        return params.choice("guarantee", choices, defaultValue);
    }

    static Duration within(Params params) {
        return params.isMapping() ? CheckSettings.within(params) : CheckSettings.DEFAULT_WITHIN;
    }

    static final class LedgerCheck implements Check {

        private final String description;
        private final Duration within;
        private final Function<LedgerSummary, Verdict> judge;
        private LedgerObserver observer;
        private final Map<Integer, TopicRecords> readers = new LinkedHashMap<>();

        LedgerCheck(String description, Duration within, Function<LedgerSummary, Verdict> judge) {
            this.description = description;
            this.within = within;
            this.judge = judge;
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
                return Verdict.fail(description + ": nothing to judge", "no generator of this scenario wrote to Kafka,"
                        + " so the ledger is empty");
            }
            if (observer == null) {
                observer = ledger.observer();
            }
            for (int destination = 1; destination < ledger.destinationCount(); destination++) {
                String name = ledger.destinationName(destination);
                int id = destination;
                TopicRecords records = readers.computeIfAbsent(id,
                        ignored -> new TopicRecords(context.deployment(), name, "ledger-" + name));
                for (ObservedRecord record : records.readNew()) {
                    observe(ledger, record, id);
                }
            }
            return judge.apply(observer.classify(DiffReport.LIMIT));
        }

        private void observe(Ledger ledger, ObservedRecord record, int destination) {
            if (record.value() == null || record.value().get("event_id") == null) {
                return;
            }
            long ordinal = BusinessEvent.ordinalOf(record.value().get("event_id").asText());
            if (ordinal >= 0 && ordinal < ledger.size()) {
                observer.observed(ordinal, destination);
            }
        }

        @Override
        public void close() {
            readers.values().forEach(TopicRecords::close);
        }
    }
}
