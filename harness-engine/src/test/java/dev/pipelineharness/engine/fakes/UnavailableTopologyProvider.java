package dev.pipelineharness.engine.fakes;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.ScenarioDefinitionException;
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

    /** Like the cloud without a file's override: refuses pipeline {@code local-only} while scenarios load. */
    @Override
    public void validate(PipelineDefinition pipeline) {
        if (pipeline.name().equals("local-only")) {
            throw new ScenarioDefinitionException(new Location(pipeline.folder().resolve("pipeline.yaml").toString(), 1, 1),
                    "name", "pipeline 'local-only' has no override for topology 'unavailable'");
        }
    }

    @Override
    public Topology create(TopologySettings settings) {
        throw new AssertionError("an unavailable topology must never be created");
    }
}
