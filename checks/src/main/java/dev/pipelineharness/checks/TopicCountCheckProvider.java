package dev.pipelineharness.checks;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import java.time.Duration;
import java.util.List;

/** {@code topic-count: {topic: NAME, count: N, within: 60s}}: the topic holds exactly N records (tombstones not counted). */
public final class TopicCountCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "topic-count";
    }

    @Override
    public List<Check> create(Params params) {
        params.allowOnly("topic", "count", "within");
        String topic = params.string("topic");
        long count = params.longValue("count");
        if (count < 0) {
            throw params.error("count", "must not be negative, was " + count);
        }
        return List.of(new TopicCountCheck(topic, count, CheckSettings.within(params)));
    }

    /** The pure comparison: {@code observed} records against exactly {@code expected}. */
    static Verdict compare(String topic, long expected, long observed) {
        DiffReport report = new DiffReport(topic + " record count", expected, observed);
        report.section("missing", observed < expected ? List.of((expected - observed) + " records fewer than expected") : List.of());
        report.section("extra", observed > expected ? List.of((observed - expected) + " records more than expected") : List.of());
        return report.verdict();
    }

    static final class TopicCountCheck implements Check {

        private final String topic;
        private final long count;
        private final Duration within;
        private TopicRecords records;

        TopicCountCheck(String topic, long count, Duration within) {
            this.topic = topic;
            this.count = count;
            this.within = within;
        }

        @Override
        public String describe() {
            return "topic-count: " + topic + " = " + count;
        }

        @Override
        public Duration within() {
            return within;
        }

        @Override
        public Verdict evaluate(CheckContext context) {
            if (records == null) {
                records = new TopicRecords(context.deployment(), topic, "count-" + topic);
            }
            long observed = records.readAll().stream().filter(r -> r.value() != null || r.undecodable() != null).count();
            return compare(topic, count, observed);
        }

        @Override
        public void close() {
            if (records != null) {
                records.close();
            }
        }
    }
}
