package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Makes a {@link Topology}; found through {@link java.util.ServiceLoader} under the name scenarios use
 * ({@code topology: embedded}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TopologyProvider {

    String name();

    /**
     * Why this topology cannot run here (no Docker engine, no cloud credentials), or empty when it can.
     * Scenarios that need an unavailable topology are skipped with this reason.
     */
    default Optional<String> unavailableReason(TopologySettings settings) {
        return Optional.empty();
    }

    Topology create(TopologySettings settings);
}
