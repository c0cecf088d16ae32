package dev.pipelineharness.containers;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.KafkaEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The containers topology's endpoints as the harness (generators, checks) reaches them from the Docker
 * host: every one through a Toxiproxy port, so it stays the same when a fault restarts a container.
 */
record ContainersEndpoints(Map<String, KafkaEndpoint> kafkaByRegion, JdbcEndpoint jdbc, DynamoDbEndpoint dynamo,
                           URI registry) implements Endpoints {

    ContainersEndpoints {
        kafkaByRegion = Map.copyOf(kafkaByRegion);
    }

    @Override
    public List<String> regions() {
        return ContainersLayout.REGIONS;
    }

    @Override
    public KafkaEndpoint kafka(String region) {
        KafkaEndpoint endpoint = kafkaByRegion.get(region);
        if (endpoint == null) {
            throw new IllegalArgumentException("The containers topology has no region '" + region + "'; it has " + regions());
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
