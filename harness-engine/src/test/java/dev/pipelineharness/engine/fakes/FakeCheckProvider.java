package dev.pipelineharness.engine.fakes;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code - fake-check: {min: 10, pass-after: 2, fail-after: 5, within: 1s, topics: [a, b]}}: passes
 * when the scenario's counter reached {@code min}, not before its {@code pass-after}-th evaluation, and
 * fails again from its {@code fail-after}-th; one check per topic when {@code topics} is given.
 */
public class FakeCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "fake-check";
    }

    @Override
    public List<Check> create(Params params) {
        params.allowOnly("min", "pass-after", "fail-after", "within", "topics", "conclusive");
        boolean conclusive = params.bool("conclusive", false);
        long min = params.longValue("min", 0);
        long passAfter = params.longValue("pass-after", 1);
        long failAfter = params.longValue("fail-after", Long.MAX_VALUE);
        Duration within = params.duration("within", Duration.ofSeconds(1));
        List<Check> checks = new ArrayList<>();
        for (String topic : params.strings("topics", List.of(""))) {
            checks.add(new Check() {
                private int evaluations;

                @Override
                public String describe() {
                    return topic.isEmpty() ? "fake-check: min " + min : "fake-check: " + topic;
                }

                @Override
                public Duration within() {
                    return within;
                }

                @Override
                public Verdict evaluate(CheckContext context) {
                    evaluations++;
                    if (evaluations == 1) {
                        FakeEvents.record("fault windows seen by the check: " + context.store()
                                .get(dev.pipelineharness.api.FaultWindows.class).map(FakeCheckProvider::describe).orElse("none"));
                    }
                    long value = context.store().get(CounterGeneratorProvider.Counter.class).map(c -> c.value.get()).orElse(0L);
                    if (evaluations >= failAfter) {
                        return Verdict.fail("expected a stable count, but evaluation " + evaluations + " saw a duplicate",
                                "extra: key-7");
                    }
                    if (value >= min && evaluations >= passAfter) {
                        return Verdict.pass(value + " records");
                    }
                    Verdict missing = Verdict.fail("expected at least " + min + " records, got " + value, "missing: " + (min - value));
                    return conclusive ? missing.asConclusive() : missing;
                }

                @Override
                public void close() {
                    FakeEvents.record("close check " + describe() + " after " + evaluations + " evaluation(s)");
                }
            });
        }
        return checks;
    }

    private static String describe(dev.pipelineharness.api.FaultWindows faults) {
        return faults.windows().stream().map(window -> window.fault() + " " + window.description()
                + (window.healedAt().isPresent() && !window.healedAt().get().isBefore(window.injectedAt())
                ? " healed" : " still injected")).toList().toString();
    }
}
