package dev.pipelineharness.formats;

import dev.pipelineharness.api.Deployment;

/**
 * Makes the {@link ValueDecoder} for one topic format ({@code TopicSpec.format()}, such as
 * {@code avro}); registered in {@code META-INF/services/dev.pipelineharness.formats.ValueDecoderFactory}.
 */
public interface ValueDecoderFactory {

    String format();

    ValueDecoder create(Deployment deployment);
}
