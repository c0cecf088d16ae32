package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A password, API secret or token. Its {@link #toString()} never shows the value, so a secret that
 * ends up in a log line, an exception message or a report stays hidden; only {@link #reveal()} gives
 * it, at the one place that hands it to a client.
 */
@API(status = STABLE, since = "0.1")
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "******";
    }
}
