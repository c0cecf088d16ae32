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

    /**
     * Checks, while scenarios load and before anything starts, that this topology can deploy
     * {@code pipeline} as its folder is written (a cloud topology: every file it cannot run as written
     * has its override); throws a {@link ScenarioDefinitionException} naming the file and line. Runs
     * on every machine, also where the topology is unavailable, so {@code validate} catches it early.
     */
    default void validate(PipelineDefinition pipeline) {
    }

    Topology create(TopologySettings settings);
}
