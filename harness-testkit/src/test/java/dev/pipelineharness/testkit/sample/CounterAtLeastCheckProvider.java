package dev.pipelineharness.testkit.sample;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import java.time.Duration;
import java.util.List;

/**
 * A provider as an author outside this repository writes it, against harness-api alone:
 * {@code - counter-at-least: {min: 3, within: 5s}} passes once the scenario's {@link SampleCounter}
 * reached {@code min}.
 */
public final class CounterAtLeastCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "counter-at-least";
    }

    @Override
    public List<Check> create(Params params) {
        params.allowOnly("min", "within");
        long min = params.positiveLong("min", 1);
        Duration within = params.duration("within", Duration.ofSeconds(5));
        return List.of(new Check() {
            @Override
            public String describe() {
                return "counter-at-least: " + min;
            }

            @Override
            public Duration within() {
                return within;
            }

            @Override
            public Verdict evaluate(CheckContext context) {
                long value = context.store().get(SampleCounter.class).map(counter -> counter.value.get()).orElse(0L);
                return value >= min ? Verdict.pass("counter at " + value + ", at least " + min)
                        : Verdict.fail("counter at " + value + ", expected at least " + min, "short by " + (min - value));
            }
        });
    }
}
