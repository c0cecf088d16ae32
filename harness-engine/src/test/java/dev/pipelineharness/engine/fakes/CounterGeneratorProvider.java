package dev.pipelineharness.engine.fakes;

import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Params;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code - counter: {count: 10, take: 50ms, fail: false}}: adds {@code count} to the scenario's
 * {@link Counter} after {@code take}, records its seed, or fails.
 */
public class CounterGeneratorProvider implements GeneratorProvider {

    /** What the counter generators of a scenario wrote. */
    public static final class Counter {
        public final AtomicLong value = new AtomicLong();
    }

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public Generator create(Params params) {
        params.allowOnly("count", "take", "fail");
        long count = params.positiveLong("count", 1);
        Duration take = params.duration("take", Duration.ZERO);
        boolean fail = params.bool("fail", false);
        return new Generator() {
            @Override
            public String describe() {
                return "counter: " + count;
            }

            @Override
            public void generate(dev.pipelineharness.api.GenerationContext context) throws Exception {
                FakeEvents.record("generate " + count + " seed " + context.seed());
                if (!take.isZero()) {
                    Thread.sleep(take.toMillis()); // simulates work on the timeline, not a readiness wait
                }
                if (fail) {
                    throw new IllegalStateException("producer was fenced");
                }
                context.store().computeIfAbsent(Counter.class, Counter::new).value.addAndGet(count);
                context.publish("written", String.valueOf(count));
            }
        };
    }
}
