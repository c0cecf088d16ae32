package dev.pipelineharness.engine.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.PipelineDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * A scenario file, read and validated: every generator, fault and check already made by its provider,
 * the pipeline folder loaded.
 *
 * @param location where {@code scenario:} was written
 * @param topology the topology's name (the file's {@code topology:} or the configured default)
 * @param seed     the file's {@code seed:}, if it has one
 * @param timeout  the file's {@code timeout:} (bounds generation and faults), if it has one
 */
@API(status = INTERNAL, since = "0.1")
public record ScenarioDefinition(String name, String description, List<String> tags, Location location,
                                 PipelineDefinition pipeline, String topology, OptionalLong seed,
                                 Optional<Duration> timeout, List<GeneratorStep> generators,
                                 List<FaultStep> faults, List<CheckStep> checks) {

    public ScenarioDefinition {
        tags = List.copyOf(tags);
        generators = List.copyOf(generators);
        faults = List.copyOf(faults);
        checks = List.copyOf(checks);
    }
}
