package dev.pipelineharness.generators.business;

import dev.pipelineharness.formats.avro.AvroRegistries;
import dev.pipelineharness.api.Deployment;

/** Format {@code avro}: {@link AvroEventEncoder} through the topology's schema registry. */
public final class AvroEventEncoderFactory implements EventEncoderFactory {

    @Override
    public String format() {
        return "avro";
    }

    @Override
    public EventEncoder create(Deployment deployment) {
        return new AvroEventEncoder(AvroRegistries.client(deployment));
    }
}
