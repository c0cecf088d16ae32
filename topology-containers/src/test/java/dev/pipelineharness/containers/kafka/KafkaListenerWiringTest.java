package dev.pipelineharness.containers.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.containers.ContainersLayout;
import dev.pipelineharness.containers.proxy.ProxyRoute;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

/**
 * The broker must advertise its proxies, never itself: a client that bootstraps through Toxiproxy and
 * then connects to the broker directly would not feel a link fault.
 */
class KafkaListenerWiringTest {

    private final ContainersLayout layout = new ContainersLayout();
    /** A Docker host that maps Toxiproxy's port p to 40000 + p. */
    private final Map<KafkaLink, String> advertised = KafkaAdvertisedAddresses.of("east", layout.proxies(),
            "docker.example", port -> 40000 + port);
    private final Map<String, String> env = KafkaBrokerEnvironment.of("east", "kafka-east", advertised);

    @Test
    void theHarnessIsToldTheHostPortDockerMappedToItsProxy() {
        int proxyPort = layout.kafka("east", KafkaLink.HARNESS).listenPort();

        assertThat(advertised.get(KafkaLink.HARNESS)).isEqualTo("docker.example:" + (40000 + proxyPort));
    }

    @Test
    void clientsInTheNetworkAreToldTheirProxyInsideToxiproxy() {
        assertThat(advertised.get(KafkaLink.FLINK)).isEqualTo("toxiproxy:" + layout.kafka("east", KafkaLink.FLINK).listenPort());
        assertThat(advertised.get(KafkaLink.CONNECT)).isEqualTo("toxiproxy:" + layout.kafka("east", KafkaLink.CONNECT).listenPort());
        assertThat(advertised.get(KafkaLink.MIRROR)).isEqualTo("toxiproxy:" + layout.kafka("east", KafkaLink.MIRROR).listenPort());
    }

    @Test
    void everyClientListenerIsAdvertisedAtItsProxyAndNeverAtTheBroker() {
        List<String> listeners = Arrays.asList(env.get("KAFKA_ADVERTISED_LISTENERS").split(","));

        assertThat(listeners).contains(
                "HARNESS://" + advertised.get(KafkaLink.HARNESS),
                "FLINK://" + advertised.get(KafkaLink.FLINK),
                "CONNECT://" + advertised.get(KafkaLink.CONNECT),
                "MIRROR://" + advertised.get(KafkaLink.MIRROR));
        assertThat(listeners).filteredOn(listener -> listener.contains("kafka-east"))
                .containsExactly("INTERNAL://kafka-east:9094");
    }

    @Test
    void eachProxyForwardsToItsOwnListenerOnTheBroker() {
        for (KafkaLink link : KafkaLink.values()) {
            ProxyRoute route = layout.kafka("east", link);
            assertThat(route.upstream()).isEqualTo("kafka-east:" + link.containerPort());
            assertThat(env.get("KAFKA_LISTENERS")).contains(link.listenerName() + "://0.0.0.0:" + link.containerPort());
        }
    }

    @Test
    void everyListenerHasAProtocolAndTheQuorumIsItsOwnController() {
        assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
                .containsExactlyInAnyOrder("CONTROLLER:PLAINTEXT", "INTERNAL:PLAINTEXT", "HARNESS:PLAINTEXT",
                        "FLINK:PLAINTEXT", "CONNECT:PLAINTEXT", "MIRROR:PLAINTEXT");
        assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093")
                .containsEntry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
                .containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void theClusterIdsAreValidKraftIdsDifferentPerRegion() {
        Uuid east = Uuid.fromString(KafkaBrokerEnvironment.clusterId("east"));
        Uuid west = Uuid.fromString(KafkaBrokerEnvironment.clusterId("west"));

        assertThat(east).isNotEqualTo(west);
        assertThat(env).containsEntry("CLUSTER_ID", east.toString());
    }

    @Test
    void theRegionsHaveProxiesOfTheirOwn() {
        assertThat(layout.kafka("west", KafkaLink.FLINK).listenPort())
                .isNotEqualTo(layout.kafka("east", KafkaLink.FLINK).listenPort());
        assertThat(layout.kafka("west", KafkaLink.FLINK).upstreamHost()).isEqualTo("kafka-west");
    }
}
