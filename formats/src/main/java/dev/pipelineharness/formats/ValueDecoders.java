package dev.pipelineharness.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the decoder for a topic's declared format: JSON and plain strings here, anything else from a factory. */
public final class ValueDecoders {

    private static final ObjectMapper MAPPER = dev.pipelineharness.formats.ExactJson.MAPPER;

    private ValueDecoders() {
    }

    public static ValueDecoder forTopic(Deployment deployment, String logicalTopic) {
        String format = deployment.pipeline().topic(logicalTopic).map(TopicSpec::format).orElse("json");
        return forFormat(format, deployment);
    }

    public static ValueDecoder forFormat(String format, Deployment deployment) {
        if (format == null || format.isEmpty() || "json".equals(format) || "string".equals(format)) {
            return (topic, value) -> MAPPER.readTree(value);
        }
        List<String> known = new ArrayList<>(List.of("json", "string"));
        for (ValueDecoderFactory factory : ServiceLoader.load(ValueDecoderFactory.class)) {
            if (factory.format().equals(format)) {
                return factory.create(deployment);
            }
            known.add(factory.format());
        }
        throw new IllegalStateException("no value decoder for topic format '" + format + "'; available: " + known);
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
