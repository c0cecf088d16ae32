package dev.pipelineharness.topology.support;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.KafkaEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints of a topology the harness runs itself (embedded processes, containers), as the
 * harness's own clients reach them: a broker per region, PostgreSQL, DynamoDB Local and the
 * registry, all without credentials.
 *
 * @param topology      the topology's name, for the message about a region it does not have
 * @param regions       its regions, in order
 * @param kafkaByRegion each region's broker
 */
public record LocalEndpoints(String topology, List<String> regions, Map<String, KafkaEndpoint> kafkaByRegion,
                             JdbcEndpoint jdbc, DynamoDbEndpoint dynamo, URI registry) implements Endpoints {

    public LocalEndpoints {
        regions = List.copyOf(regions);
        kafkaByRegion = Map.copyOf(kafkaByRegion);
    }

    @Override
    public KafkaEndpoint kafka(String region) {
        KafkaEndpoint endpoint = kafkaByRegion.get(region);
        if (endpoint == null) {
            throw new IllegalArgumentException("The " + topology + " topology has no region '" + region + "'; it has " + regions);
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
