package dev.pipelineharness.generators.business;

import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Params;

/** {@code business-events}: seeded business events into {@code raw_business_events}; settings in {@link BusinessEventShape}. */
public final class BusinessEventsProvider implements GeneratorProvider {

    @Override
    public String name() {
        return "business-events";
    }

    @Override
    public Generator create(Params params) {
        return new BusinessEventsGenerator(BusinessEventShape.from(params));
    }
}
