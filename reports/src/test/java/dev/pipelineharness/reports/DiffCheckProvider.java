package dev.pipelineharness.reports;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import java.time.Duration;
import java.util.List;

/**
 * {@code - diff-check: {topic: filtered_loan_events}}: always fails, with a diff laid out as the shipped
 * checks lay theirs out (a counts summary, then missing and wrong sections with field differences).
 */
public class DiffCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "diff-check";
    }

    @Override
    public List<Check> create(Params params) {
        params.allowOnly("topic");
        String topic = params.string("topic", "filtered_loan_events");
        return List.of(new Check() {
            @Override
            public String describe() {
                return "routed: " + topic;
            }

            @Override
            public Duration within() {
                return Duration.ofMillis(150);
            }

            @Override
            public Verdict evaluate(CheckContext context) {
                String nl = System.lineSeparator();
                return Verdict.fail(topic + ": expected 400, observed 399 (1 missing, 1 wrong)",
                        "missing (1):" + nl + "  event_id e-0017 (loan, amount 120.00)" + nl
                                + "wrong (1):" + nl + "  event_id e-0003 at partition 0 offset 12 differs in "
                                + "channel: expected web, observed app; amount: expected 10.50, observed 10.05"
                                + " | expected key e-0003");
            }
        });
    }
}
