package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the engine hands a topology when it creates it.
 *
 * @param workDirectory   where the topology keeps data directories and logs ({@code target/harness})
 * @param keepFiles       leave data directories behind after the run, for debugging
 * @param startTimeout    how long {@link Topology#start()} may take before it fails
 * @param configuration   every {@code pipeline-harness.*} configuration parameter of the run
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TopologySettings(Path workDirectory, boolean keepFiles, Duration startTimeout,
                               Map<String, String> configuration) {

    public TopologySettings {
        configuration = Map.copyOf(configuration);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(configuration.get(key));
    }
}
