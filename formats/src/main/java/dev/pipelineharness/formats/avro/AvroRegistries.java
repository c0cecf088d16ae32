package dev.pipelineharness.formats.avro;

import dev.pipelineharness.api.Deployment;
import java.time.Duration;

/** The schema registry a deployment's Avro topics use, or a message saying its topology has none. */
public final class AvroRegistries {

    private AvroRegistries() {
    }

    /** With the registry's credentials when the topology has some (the cloud's Schema Registry key). */
    public static SchemaRegistryClient client(Deployment deployment) {
        return new SchemaRegistryClient(deployment.endpoints().schemaRegistry().orElseThrow(() -> new IllegalStateException(
                "pipeline '" + deployment.pipeline().name() + "' has Avro topics, but this topology has no schema registry")),
                deployment.endpoints().schemaRegistryCredentials(), Duration.ofSeconds(10));
    }
}
