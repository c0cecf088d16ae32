package dev.pipelineharness.engine.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.engine.Constants;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration, read once from the JUnit configuration parameters (see {@link Constants}
 * for each key, its meaning and default). A bad value fails the run with a message naming the key.
 */
@API(status = INTERNAL, since = "0.1")
public record HarnessConfiguration(String topology, OptionalLong seed, Path reportsDirectory, int parallelism,
                                   Duration defaultTimeout, Duration pollInterval, Duration confirmPeriod, Duration drainedSettle,
                                   Optional<Pattern> nameFilter, boolean keepFiles, Duration topologyStartTimeout, boolean keepTopologyForJvm,
                                   Optional<Path> hostLock, Duration hostLockTimeout,
                                   Map<String, String> all, OptionalLong seedOverride) {

    public HarnessConfiguration {
        all = Map.copyOf(all);
    }

    public static HarnessConfiguration defaults() {
        return from(Map.of());
    }

    public static HarnessConfiguration from(ConfigurationParameters parameters) {
        Map<String, String> values = new TreeMap<>();
        for (String key : parameters.keySet()) {
            if (key.startsWith("pipeline-harness.")) {
                parameters.get(key).ifPresent(value -> values.put(key, value));
            }
        }
        return from(values);
    }

    public static HarnessConfiguration from(Map<String, String> values) {
        Params params = Params.of(values, "", "", pointer ->
                Location.ofFile("configuration parameter " + pointer.substring(pointer.lastIndexOf('/') + 1)));
        return new HarnessConfiguration(
                params.string(Constants.TOPOLOGY_PROPERTY_NAME, Constants.DEFAULT_TOPOLOGY),
                params.has(Constants.SEED_PROPERTY_NAME)
                        ? OptionalLong.of(params.longValue(Constants.SEED_PROPERTY_NAME)) : OptionalLong.empty(),
                Path.of(params.string(Constants.REPORTS_DIR_PROPERTY_NAME, Constants.DEFAULT_REPORTS_DIR)),
                (int) Math.min(64, params.positiveLong(Constants.PARALLELISM_PROPERTY_NAME, 1)),
                params.duration(Constants.DEFAULT_TIMEOUT_PROPERTY_NAME, Duration.ofMinutes(5)),
                params.duration(Constants.CHECK_POLL_INTERVAL_PROPERTY_NAME, Duration.ofMillis(500)),
                params.duration(Constants.CHECK_CONFIRM_PROPERTY_NAME, Duration.ofSeconds(2)),
                params.duration(Constants.CHECK_DRAINED_SETTLE_PROPERTY_NAME, Duration.ofSeconds(5)),
                nameFilter(params),
                params.bool(Constants.KEEP_FILES_PROPERTY_NAME, false),
                params.duration(Constants.TOPOLOGY_START_TIMEOUT_PROPERTY_NAME, Duration.ofMinutes(3)),
                params.bool(Constants.TOPOLOGY_KEEP_FOR_JVM_PROPERTY_NAME, false),
                hostLock(params),
                params.duration(Constants.HOST_LOCK_TIMEOUT_PROPERTY_NAME, Duration.ofMinutes(15)),
                values,
                params.has(Constants.SEED_OVERRIDE_PROPERTY_NAME)
                        ? OptionalLong.of(params.longValue(Constants.SEED_OVERRIDE_PROPERTY_NAME)) : OptionalLong.empty());
    }

    /** The seed of a scenario in this run: the override, else the file's {@code seed:}, else the configured or default seed. */
    public long seedOf(OptionalLong scenarioSeed) {
        if (seedOverride.isPresent()) {
            return seedOverride.getAsLong();
        }
        return scenarioSeed.isPresent() ? scenarioSeed.getAsLong() : seed.orElse(Constants.DEFAULT_SEED);
    }

    private static Optional<Path> hostLock(Params params) {
        String key = Constants.HOST_LOCK_PROPERTY_NAME;
        if (!params.has(key)) {
            // per user: a lock file another user created could not be opened for writing
            return Optional.of(Path.of(System.getProperty("java.io.tmpdir"),
                    "pipeline-harness-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_") + ".lock"));
        }
        String value = params.string(key).trim();
        if (value.isEmpty()) {
            throw params.error(key, "is empty: give a file, or none");
        }
        return value.equals("none") ? Optional.empty() : Optional.of(Path.of(value));
    }

    private static Optional<Pattern> nameFilter(Params params) {
        String key = Constants.SCENARIO_NAME_FILTER_PROPERTY_NAME;
        if (!params.has(key) || params.string(key).isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(params.string(key), Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            throw params.error(key, "is not a regular expression: " + e.getDescription());
        }
    }
}
