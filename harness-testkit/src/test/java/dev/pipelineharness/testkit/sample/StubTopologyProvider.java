package dev.pipelineharness.testkit.sample;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologyProvider;
import dev.pipelineharness.api.TopologySettings;
import dev.pipelineharness.testkit.StubDeployment;
import java.util.Set;

/** {@code topology: stub}: nothing to start; every deployment is a {@link StubDeployment}. */
public final class StubTopologyProvider implements TopologyProvider {

    @Override
    public String name() {
        return "stub";
    }

    /** It starts nothing: its runs take no turns at the machine's host lock. */
    @Override
    public boolean runsOnThisMachine(TopologySettings settings) {
        return false;
    }

    @Override
    public Topology create(TopologySettings settings) {
        return new Topology() {
            @Override
            public String name() {
                return "stub";
            }

            @Override
            public void start() {
            }

            @Override
            public Endpoints endpoints() {
                return new StubDeployment("stub", null).endpoints();
            }

            @Override
            public Set<String> supportedFaults() {
                return Set.of();
            }

            @Override
            public Deployment deploy(PipelineDefinition pipeline, Namespace namespace) {
                return new StubDeployment(namespace.prefix() + "schema", null);
            }

            @Override
            public void close() {
            }
        };
    }
}
