package dev.pipelineharness.engine.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * How a scenario ended.
 *
 * @param detail   one line: why it was skipped or failed, or how many checks passed
 * @param phases   how long each phase that ran took, in order
 * @param logFiles the component logs of its deployment (their tails go into the reports)
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ScenarioResult(Status status, String detail, Duration took, Map<Phase, Duration> phases,
                             List<Path> logFiles) {

    public ScenarioResult {
        phases = Map.copyOf(phases);
        logFiles = List.copyOf(logFiles);
    }

    @API(status = EXPERIMENTAL, since = "0.2")
    public enum Status {
        /** Every check passed. */
        PASSED,
        /** At least one check failed. */
        FAILED,
        /** The scenario broke before or outside its checks (deploy, a generator, a fault, undeploy). */
        ERROR,
        /** The scenario file could not be read or validated. */
        INVALID,
        /** The topology could not be created or started. */
        TOPOLOGY_FAILED,
        /** The topology cannot run here, cannot inject one of the scenario's faults, or said it can verify nothing here. */
        SKIPPED,
        /** The run was interrupted (Ctrl-C, SIGTERM) while or before the scenario ran. */
        INTERRUPTED
    }
}
