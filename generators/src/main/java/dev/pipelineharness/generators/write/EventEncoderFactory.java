package dev.pipelineharness.generators.write;

import dev.pipelineharness.api.Deployment;

/**
 * Makes the {@link EventEncoder} for one topic format ({@code TopicSpec.format()}, such as
 * {@code avro}); registered in {@code META-INF/services/dev.pipelineharness.generators.write.EventEncoderFactory}.
 */
public interface EventEncoderFactory {

    String format();

    EventEncoder create(Deployment deployment);
}
