package dev.pipelineharness.generators.business;

import dev.pipelineharness.api.Deployment;

/**
 * Makes the {@link EventEncoder} for one topic format ({@code TopicSpec.format()}, such as
 * {@code avro}); registered in {@code META-INF/services/dev.pipelineharness.generators.business.EventEncoderFactory}.
 */
public interface EventEncoderFactory {

    String format();

    EventEncoder create(Deployment deployment);
}
