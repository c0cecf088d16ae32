package dev.pipelineharness.generators.business;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.TopicSpec;

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

    /** Also checks the settings against the pipeline's topic, at load time. */
    @Override
    public Generator create(Params params, DefinitionContext definition) {
        BusinessEventShape shape = BusinessEventShape.from(params);
        if (shape.withoutPayload() > 0) {
            String format = definition.pipeline().flatMap(pipeline -> pipeline.topic(shape.topic()))
                    .map(TopicSpec::format).orElse("json");
            if (!format.equals("json")) {
                // the reference Avro schemas' payload is a record that cannot be null
                throw params.error("without-payload", "topic " + shape.topic() + " is " + format
                        + ", whose schema cannot carry an event without a payload; it works with JSON topics");
            }
        }
        return new BusinessEventsGenerator(shape);
    }
}
