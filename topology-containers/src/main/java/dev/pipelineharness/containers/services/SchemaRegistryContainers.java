package dev.pipelineharness.containers.services;

import dev.pipelineharness.containers.support.NetworkAliases;
import dev.pipelineharness.containers.kafka.KafkaBrokerEnvironment;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Confluent Schema Registry, configured through the image's documented {@code SCHEMA_REGISTRY_*}
 * variables. It keeps its schemas in east's {@code _schemas} topic, reached on the broker's
 * {@code INTERNAL} listener: not a link faults act on, as the embedded registry (in the harness's JVM)
 * is not either.
 */
public final class SchemaRegistryContainers {

    public static final int PORT = 8081;

    private SchemaRegistryContainers() {
    }

    public static GenericContainer<?> registry(DockerImageName image, Network network, String storeRegion) {
        GenericContainer<?> registry = new GenericContainer<>(image);
        registry.withNetwork(network)
                .withNetworkAliases(NetworkAliases.SCHEMA_REGISTRY)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", NetworkAliases.SCHEMA_REGISTRY)
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + PORT)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS",
                        "PLAINTEXT://" + NetworkAliases.kafka(storeRegion) + ":" + KafkaBrokerEnvironment.INTERNAL_PORT)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("SCHEMA_REGISTRY_HEAP_OPTS", "-Xmx256m")
                .withExposedPorts(PORT)
                .waitingFor(Wait.forHttp("/subjects").forPort(PORT).forStatusCode(200));
        return registry;
    }
}
