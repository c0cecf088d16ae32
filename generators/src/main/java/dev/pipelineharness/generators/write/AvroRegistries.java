package dev.pipelineharness.generators.write;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.serde.SchemaRegistryClient;

/** The schema registry a deployment's Avro topics use, or a message saying its topology has none. */
public final class AvroRegistries {

    private AvroRegistries() {
    }

    public static SchemaRegistryClient client(Deployment deployment) {
        return new SchemaRegistryClient(deployment.endpoints().schemaRegistry().orElseThrow(() -> new IllegalStateException(
                "pipeline '" + deployment.pipeline().name() + "' has Avro topics, but this topology has no schema registry")));
    }
}
