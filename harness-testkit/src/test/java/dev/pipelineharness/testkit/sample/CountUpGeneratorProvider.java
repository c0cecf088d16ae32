package dev.pipelineharness.testkit.sample;

import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Params;

/** {@code - count-up: {by: 5}}: adds {@code by} to the scenario's {@link SampleCounter}. */
public final class CountUpGeneratorProvider implements GeneratorProvider {

    @Override
    public String name() {
        return "count-up";
    }

    @Override
    public Generator create(Params params) {
        params.allowOnly("by");
        long by = params.positiveLong("by", 1);
        return new Generator() {
            @Override
            public String describe() {
                return "count-up: " + by;
            }

            @Override
            public void generate(dev.pipelineharness.api.GenerationContext context) {
                context.store().computeIfAbsent(SampleCounter.class, SampleCounter::new).value.addAndGet(by);
                context.publish("counted", Long.toString(by));
            }
        };
    }
}
