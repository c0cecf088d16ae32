package dev.pipelineharness.checks.reference;

import dev.pipelineharness.checks.ChangeComparison;
import dev.pipelineharness.checks.CheckSettings;
import dev.pipelineharness.checks.DebeziumEvents;
import dev.pipelineharness.checks.ObservedChange;
import dev.pipelineharness.checks.ObservedRecord;
import dev.pipelineharness.checks.Redeliveries;
import dev.pipelineharness.checks.TopicRecords;
import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.generators.GeneratedRowChanges;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.entity.EntityChangeShape;
import dev.pipelineharness.checks.ExpectedChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cdc-captured: {tables: [loan_entities, car_entities], within: 60s}}: one check per table;
 * topic {@code cdc_<table>} must hold one Debezium change event per committed insert, update and
 * delete of the table, in commit order per primary key (tombstones ignored, {@code r} counts as
 * {@code c}). {@code guarantee: at-least-once} (default {@code exactly-once}) accepts redelivered
 * copies of an event (same key and source position, as after a Connect worker crash), counts them
 * and judges the rest as usual.
 */
public final class CdcCapturedCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "cdc-captured";
    }

    @Override
    public List<Check> create(Params params) {
        params.allowOnly("tables", "within", "guarantee");
        boolean atLeastOnce = "at-least-once".equals(params.choice("guarantee", List.of("exactly-once", "at-least-once"),
                "exactly-once"));
        List<String> tables = params.strings("tables", EntityChangeShape.TABLES);
        if (tables.isEmpty()) {
            throw params.error("tables", "must name at least one table");
        }
        Duration within = CheckSettings.within(params);
        List<Check> checks = new ArrayList<>();
        tables.forEach(table -> checks.add(new CdcCapturedCheck(table, within, atLeastOnce)));
        return checks;
    }

    static final class CdcCapturedCheck implements Check {

        private final String table;
        private final String topic;
        private final Duration within;
        private final boolean atLeastOnce;
        private TopicRecords records;

        CdcCapturedCheck(String table, Duration within, boolean atLeastOnce) {
            this.table = table;
            this.topic = CdcOracle.topicOf(table);
            this.within = within;
            this.atLeastOnce = atLeastOnce;
        }

        @Override
        public String describe() {
            return "cdc-captured: " + table;
        }

        @Override
        public Duration within() {
            return within;
        }

        @Override
        public Verdict evaluate(CheckContext context) {
            List<RowChange> changes = context.store().get(GeneratedRowChanges.class)
                    .map(GeneratedRowChanges::snapshot).orElse(List.of());
            List<RowChange> ofTable = changes.stream().filter(change -> change.table().equals(table)).toList();
            if (ofTable.isEmpty()) {
                return Verdict.fail(topic + ": nothing to compare with",
                        "no generator of this scenario committed a change to " + table);
            }
            String keyColumn = ofTable.get(0).keyColumns().get(0);
            List<ExpectedChange> expected = CdcOracle.expected(ofTable, table);
            if (records == null) {
                records = new TopicRecords(context.deployment(), topic, "cdc-" + table);
            }
            List<ObservedChange> observed = new ArrayList<>();
            for (ObservedRecord record : records.readAll()) {
                ObservedChange change = DebeziumEvents.parse(record, keyColumn);
                if (change != null) {
                    observed.add(change);
                }
            }
            if (!atLeastOnce) {
                return ChangeComparison.compare(topic, expected, observed);
            }
            Redeliveries firsts = Redeliveries.removeFrom(observed);
            Verdict verdict = ChangeComparison.compare(topic, expected, firsts.changes());
            String copies = firsts.redelivered() + " redelivered cop" + (firsts.redelivered() == 1 ? "y" : "ies")
                    + " accepted (at-least-once)";
            return new Verdict(verdict.passed(), verdict.summary() + "; " + copies, verdict.details(), verdict.conclusive());
        }

        @Override
        public void close() {
            if (records != null) {
                records.close();
            }
        }
    }
}
