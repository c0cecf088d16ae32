package dev.pipelineharness.engine.fakes;

import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologySettings;
import java.util.Optional;

/** A topology that cannot run here, like {@code containers} without Docker. */
public class UnavailableTopologyProvider extends FakeTopologyProvider {

    @Override
    public String name() {
        return "unavailable";
    }

    @Override
    public Optional<String> unavailableReason(TopologySettings settings) {
        return Optional.of("no Docker engine found");
    }

    @Override
    public Topology create(TopologySettings settings) {
        throw new AssertionError("an unavailable topology must never be created");
    }
}
