package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * How a client reaches the Kafka cluster of one region: the client properties to merge into a
 * producer, consumer or admin configuration ({@code bootstrap.servers}, and for the cloud
 * {@code security.protocol}, {@code sasl.*}). Values that are secrets are held as {@link Secret}
 * and only revealed by {@link #clientProperties()}.
 */
@API(status = STABLE, since = "0.1")
public record KafkaEndpoint(String region, String bootstrapServers, Map<String, Secret> securityProperties) {

    public KafkaEndpoint {
        securityProperties = Map.copyOf(securityProperties);
    }

    public static KafkaEndpoint plaintext(String region, String bootstrapServers) {
        return new KafkaEndpoint(region, bootstrapServers, Map.of());
    }

    /** The properties to hand to a Kafka client, secrets revealed. Never log the result. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        securityProperties.forEach((key, value) -> properties.put(key, value.reveal()));
        return properties;
    }
}
