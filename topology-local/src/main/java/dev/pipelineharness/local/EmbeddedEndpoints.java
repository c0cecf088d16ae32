package dev.pipelineharness.local;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.KafkaEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The embedded topology's endpoints as the harness (generators, checks) reaches them: through the HARNESS links. */
record EmbeddedEndpoints(Map<String, KafkaEndpoint> kafkaByRegion, JdbcEndpoint jdbc, DynamoDbEndpoint dynamo,
                         URI registry) implements Endpoints {

    EmbeddedEndpoints {
        kafkaByRegion = Map.copyOf(kafkaByRegion);
    }

    @Override
    public List<String> regions() {
        return EmbeddedTopology.REGIONS;
    }

    @Override
    public KafkaEndpoint kafka(String region) {
        KafkaEndpoint endpoint = kafkaByRegion.get(region);
        if (endpoint == null) {
            throw new IllegalArgumentException("The embedded topology has no region '" + region + "'; it has " + regions());
        }
        return endpoint;
    }

    @Override
    public Optional<JdbcEndpoint> postgres() {
        return Optional.of(jdbc);
    }

    @Override
    public Optional<DynamoDbEndpoint> dynamoDb() {
        return Optional.of(dynamo);
    }

    @Override
    public Optional<URI> schemaRegistry() {
        return Optional.of(registry);
    }
}
