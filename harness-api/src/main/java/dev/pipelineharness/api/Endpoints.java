package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where the parts of a running topology can be reached from the harness. Generators write through
 * these, checks read through them; neither knows which topology it runs on.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Endpoints {

    /** The regions this topology runs, primary first (embedded: {@code east}, {@code west}). */
    List<String> regions();

    default String primaryRegion() {
        return regions().get(0);
    }

    /** @throws IllegalArgumentException for a region this topology does not run */
    KafkaEndpoint kafka(String region);

    default KafkaEndpoint kafka() {
        return kafka(primaryRegion());
    }

    Optional<JdbcEndpoint> postgres();

    Optional<DynamoDbEndpoint> dynamoDb();

    /** The base URL of a Confluent-compatible schema registry, if the topology has one. */
    Optional<URI> schemaRegistry();

    /**
     * The credentials {@link #schemaRegistry()} wants (Confluent Cloud: its API key and secret, HTTP
     * Basic), or empty for a registry without authentication (embedded, containers).
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    default Optional<RegistryCredentials> schemaRegistryCredentials() {
        return Optional.empty();
    }
}
