package dev.pipelineharness.containers;

import dev.pipelineharness.containers.support.NetworkAliases;
import dev.pipelineharness.containers.kafka.KafkaLink;
import dev.pipelineharness.containers.services.DynamoDbContainers;
import dev.pipelineharness.containers.services.PostgresContainers;
import dev.pipelineharness.containers.services.SchemaRegistryContainers;
import dev.pipelineharness.topology.support.PlaceholderValues;
import java.net.URI;
import java.util.Map;

/**
 * The addresses a pipeline's files are given, as the container that reads them reaches each part:
 * Connect goes through its own proxies (so {@code connect->kafka}, {@code connect->postgres} and
 * {@code connect->dynamodb} can be cut), Flink through east's {@code FLINK} proxy to Kafka and straight
 * to PostgreSQL and DynamoDB Local (no link of the vocabulary sits there). Both reach the registry by
 * its network alias.
 */
final class PipelineAddresses {

    private PipelineAddresses() {
    }

    /** Only Flink and Connect read the registry's address in pipeline files: the one inside the network. */
    static URI registryInNetwork() {
        return URI.create("http://" + NetworkAliases.SCHEMA_REGISTRY + ":" + SchemaRegistryContainers.PORT);
    }

    static Map<String, String> forConnect(Map<String, String> common, ContainersLayout layout, String database) {
        return PlaceholderValues.forReader(common, layout.inNetwork(KafkaLink.CONNECT.proxyName("east")),
                NetworkAliases.TOXIPROXY, layout.proxies().route(ContainersLayout.CONNECT_TO_POSTGRES).listenPort(),
                database, URI.create("http://" + layout.inNetwork(ContainersLayout.CONNECT_TO_DYNAMODB)));
    }

    static Map<String, String> forFlink(Map<String, String> common, ContainersLayout layout, String database) {
        return PlaceholderValues.forReader(common, layout.inNetwork(KafkaLink.FLINK.proxyName("east")),
                NetworkAliases.POSTGRES, PostgresContainers.PORT, database,
                URI.create("http://" + NetworkAliases.DYNAMODB + ":" + DynamoDbContainers.PORT));
    }
}
