package dev.pipelineharness.engine.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * A run begins.
 *
 * @param scenarios     how many scenarios (malformed files included) the run will go through
 * @param seedOverride  the seed that replaces every scenario's own, when {@code pipeline-harness.seed.override} is set
 * @param configuration every {@code pipeline-harness.*} configuration parameter of the run
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record RunStarted(String runId, Instant startedAt, int scenarios, String defaultTopology, int parallelism,
                         OptionalLong seedOverride, Map<String, String> configuration) {

    public RunStarted {
        configuration = Map.copyOf(configuration);
    }
}
