package dev.pipelineharness.generators.business;

import dev.pipelineharness.api.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the encoder for a topic's declared format: JSON here, anything else from a factory. */
public final class EventEncoders {

    private EventEncoders() {
    }

    public static EventEncoder forFormat(String format, Deployment deployment) {
        if (format == null || format.isEmpty() || "json".equals(format)) {
            return new JsonEventEncoder();
        }
        List<String> known = new ArrayList<>(List.of("json"));
        for (EventEncoderFactory factory : ServiceLoader.load(EventEncoderFactory.class)) {
            if (factory.format().equals(format)) {
                return factory.create(deployment);
            }
            known.add(factory.format());
        }
        throw new IllegalStateException("no event encoder for topic format '" + format + "'; available: " + known);
    }
}
