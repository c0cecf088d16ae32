package dev.pipelineharness.cloud;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.api.RegistryCredentials;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud's endpoints: each region's cluster over SASL_SSL, the RDS endpoint, DynamoDB and the
 * Schema Registry with its API key and secret (HTTP Basic), which the generators' and checks' Avro
 * serdes use; every secret a {@link dev.pipelineharness.api.Secret}, so this record prints none.
 */
record CloudEndpoints(List<String> regions, Map<String, KafkaEndpoint> kafkaByRegion, Optional<JdbcEndpoint> postgres,
                      Optional<DynamoDbEndpoint> dynamoDb, Optional<URI> schemaRegistry,
                      Optional<RegistryCredentials> schemaRegistryCredentials) implements Endpoints {

    @Override
    public KafkaEndpoint kafka(String region) {
        KafkaEndpoint endpoint = kafkaByRegion.get(region);
        if (endpoint == null) {
            throw new IllegalArgumentException("the cloud topology runs regions " + regions + ", not '" + region
                    + "' (pipeline-harness.cloud.regions)");
        }
        return endpoint;
    }
}
