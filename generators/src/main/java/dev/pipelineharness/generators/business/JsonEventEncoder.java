package dev.pipelineharness.generators.business;

import java.nio.charset.StandardCharsets;

/** The JSON value of docs/pipelines.md, section 1, as UTF-8. */
public final class JsonEventEncoder implements EventEncoder {

    @Override
    public byte[] encode(String physicalTopic, BusinessEvent event) {
        return event.toJson().getBytes(StandardCharsets.UTF_8);
    }
}
