package dev.pipelineharness.containers.kafka;

import dev.pipelineharness.containers.support.NetworkAliases;
import dev.pipelineharness.containers.proxy.ProxyPlan;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The address a broker advertises on each {@link KafkaLink}: always its Toxiproxy proxy, never the
 * broker itself, or a client would bootstrap through the proxy and then connect around it (the
 * question Testcontainers users keep asking). Clients inside the Docker network are told
 * {@code toxiproxy:<proxy port>}; the harness on the Docker host is told the host and the host port
 * Docker mapped to the proxy's port.
 */
public final class KafkaAdvertisedAddresses {

    private KafkaAdvertisedAddresses() {
    }

    /**
     * @param dockerHost where the Docker host reaches the Toxiproxy container ({@code getHost()})
     * @param mappedPort the host port of a Toxiproxy container port ({@code getMappedPort})
     */
    public static Map<KafkaLink, String> of(String region, ProxyPlan plan, String dockerHost,
                                            IntUnaryOperator mappedPort) {
        Map<KafkaLink, String> addresses = new EnumMap<>(KafkaLink.class);
        for (KafkaLink link : KafkaLink.values()) {
            int proxyPort = plan.route(link.proxyName(region)).listenPort();
            addresses.put(link, link.fromHost()
                    ? dockerHost + ":" + mappedPort.applyAsInt(proxyPort)
                    : NetworkAliases.TOXIPROXY + ":" + proxyPort);
        }
        return addresses;
    }
}
