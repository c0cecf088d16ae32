package dev.pipelineharness.local;

import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologyProvider;
import dev.pipelineharness.api.TopologySettings;

/** {@code topology: embedded}, the default: real components as local processes, no Docker. */
public final class EmbeddedTopologyProvider implements TopologyProvider {

    static final String NAME = "embedded";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Topology create(TopologySettings settings) {
        return new EmbeddedTopology(settings);
    }
}
