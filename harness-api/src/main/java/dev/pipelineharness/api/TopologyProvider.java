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

    /**
     * Whether this topology's components run on this machine (the embedded topology's processes, the
     * containers topology's Docker engine). Only then do its scenarios take turns with the other
     * pipeline-harness runs of the machine ({@code pipeline-harness.host-lock}): a fault scenario that
     * runs alone there would be disturbed by a neighbour's load. A topology that runs elsewhere (the
     * cloud) or nowhere (a test double) answers false, and its scenarios never wait for a neighbour.
     */
    default boolean runsOnThisMachine(TopologySettings settings) {
        return true;
    }

    Topology create(TopologySettings settings);
}
