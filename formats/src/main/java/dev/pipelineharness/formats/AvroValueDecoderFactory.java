package dev.pipelineharness.formats;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.formats.avro.AvroRegistries;
import dev.pipelineharness.formats.avro.ConfluentAvroDeserializer;

/**
 * Format {@code avro}: Confluent wire-format values read with their writer's schema (from the
 * registry, by the id in each record) and turned into JSON by {@link AvroJson}, so one comparison
 * serves JSON and Avro topics alike.
 */
public final class AvroValueDecoderFactory implements ValueDecoderFactory {

    @Override
    public String format() {
        return "avro";
    }

    @Override
    public ValueDecoder create(Deployment deployment) {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(AvroRegistries.client(deployment), null);
        return (topic, value) -> AvroJson.of(deserializer.deserialize(topic, value));
    }
}
