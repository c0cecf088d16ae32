package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * HTTP Basic credentials of a schema registry: on Confluent Cloud, the Schema Registry API key and
 * secret. Both are {@link Secret}s (the cloud holds every key as one), so this record's
 * {@code toString()} shows neither; only the registry client reveals them, into its Authorization
 * header.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record RegistryCredentials(Secret user, Secret password) {

    public RegistryCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }
}
