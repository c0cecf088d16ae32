package dev.pipelineharness.generators.write;

import dev.pipelineharness.api.Deployment;
import java.net.URI;

/** Where a deployment's Avro topics find their schema registry, or a message saying it has none. */
public final class AvroRegistries {

    private AvroRegistries() {
    }

    public static URI required(Deployment deployment) {
        return deployment.endpoints().schemaRegistry().orElseThrow(() -> new IllegalStateException(
                "pipeline '" + deployment.pipeline().name() + "' has Avro topics, but this topology has no schema registry"));
    }
}
