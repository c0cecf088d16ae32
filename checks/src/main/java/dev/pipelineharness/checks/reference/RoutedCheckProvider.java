package dev.pipelineharness.checks.reference;

import dev.pipelineharness.checks.CheckSettings;
import dev.pipelineharness.checks.TopicComparison;
import dev.pipelineharness.checks.TopicRecords;
import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.generators.business.BusinessEvent;
import dev.pipelineharness.generators.business.GeneratedBusinessEvents;
import dev.pipelineharness.generators.business.RawRecord;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.checks.ExpectedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code routed: {topics: [...], within: 60s}}: one check per filtered topic; its records must equal
 * the {@link RoutingOracle}'s exactly (no loss, no duplicates, no wrong values, order per key).
 * {@code topics} defaults to the three filtered topics. Copies whose write Kafka never acknowledged
 * (a send failed under a fault) may be present or absent.
 */
public final class RoutedCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "routed";
    }

    @Override
    public List<Check> create(Params params) {
        params.allowOnly("topics", "within");
        List<String> topics = params.strings("topics", RoutingOracle.OUTPUT_TOPICS);
        for (String topic : topics) {
            if (!RoutingOracle.OUTPUT_TOPICS.contains(topic)) {
                throw params.error("topics", "'" + topic + "' is not a routing output; known: "
                        + String.join(", ", RoutingOracle.OUTPUT_TOPICS));
            }
        }
        if (topics.isEmpty()) {
            throw params.error("topics", "must name at least one topic");
        }
        Duration within = CheckSettings.within(params);
        List<Check> checks = new ArrayList<>();
        topics.forEach(topic -> checks.add(new RoutedCheck(topic, within)));
        return checks;
    }

    static final class RoutedCheck implements Check {

        private final String topic;
        private final Duration within;
        private TopicRecords records;
        private List<ExpectedRecord> expected;
        private int expectedFrom = -1;

        RoutedCheck(String topic, Duration within) {
            this.topic = topic;
            this.within = within;
        }

        @Override
        public String describe() {
            return "routed: " + topic;
        }

        @Override
        public Duration within() {
            return within;
        }

        @Override
        public Verdict evaluate(CheckContext context) {
            GeneratedBusinessEvents generated = context.store().get(GeneratedBusinessEvents.class).orElse(null);
            if (generated == null) {
                return Verdict.fail(topic + ": nothing to compare with", "no business-events generator wrote into this"
                        + " scenario, so the oracle has no expectation for " + topic);
            }
            if (expectedFrom != generated.size()) {
                expected = expectedFor(topic, generated.snapshot());
                expectedFrom = generated.size();
            }
            if (records == null) {
                records = new TopicRecords(context.deployment(), topic, "routed-" + topic);
            }
            Map<String, Integer> unconfirmed = unconfirmed(context.store().get(Ledger.class).orElse(null), expected);
            return TopicComparison.compare(topic, expected, records.readAll(), unconfirmed);
        }

        /** Per event id, the copies the ledger saw written but never acknowledged. */
        static Map<String, Integer> unconfirmed(Ledger ledger, List<ExpectedRecord> expected) {
            Map<String, Integer> result = new HashMap<>();
            if (ledger == null) {
                return result;
            }
            for (ExpectedRecord record : expected) {
                long ordinal = BusinessEvent.ordinalOf(record.id());
                if (ordinal >= 0 && ordinal < ledger.size() && !result.containsKey(record.id())) {
                    int missingAcks = ledger.writtenCopies(ordinal) - ledger.ackedCopies(ordinal);
                    if (missingAcks > 0) {
                        result.put(record.id(), missingAcks);
                    }
                }
            }
            return result;
        }

        static List<ExpectedRecord> expectedFor(String topic, List<RawRecord> written) {
            List<RoutingOracle.RawInput> raw = new ArrayList<>(written.size());
            for (RawRecord record : written) {
                byte[] value = record.malformed() ? record.poisonValue()
                        : record.event().toJson().getBytes(StandardCharsets.UTF_8);
                raw.add(new RoutingOracle.RawInput(record.key(), value));
            }
            return RoutingOracle.expected(raw).get(topic);
        }

        @Override
        public void close() {
            if (records != null) {
                records.close();
            }
        }
    }
}
