package dev.pipelineharness.containers.kafka;

import dev.pipelineharness.containers.support.NetworkAliases;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * One region's broker as an {@code apache/kafka} container. Not Testcontainers' {@code KafkaContainer}:
 * that one advertises its own host port on its {@code PLAINTEXT} listener, so a client bootstrapping
 * through a proxy would go around it; here every client listener is advertised at its proxy.
 */
public final class KafkaContainers {

    /**
     * Testcontainers' own readiness signal for this image (its {@code KafkaContainer} waits for the same
     * line): the broker finished log recovery and serves. The harness then also waits for a metadata
     * answer through the {@code HARNESS} proxy.
     */
    public static final String READY_LOG = ".*Transitioning from RECOVERY to RUNNING.*";

    private KafkaContainers() {
    }

    public static GenericContainer<?> broker(DockerImageName image, Network network, String region,
                                             Map<KafkaLink, String> advertised) {
        String alias = NetworkAliases.kafka(region);
        GenericContainer<?> broker = new GenericContainer<>(image);
        broker.withNetwork(network)
                .withNetworkAliases(alias)
                .withEnv(KafkaBrokerEnvironment.of(region, alias, advertised))
                .waitingFor(Wait.forLogMessage(READY_LOG, 1));
        return broker;
    }
}
