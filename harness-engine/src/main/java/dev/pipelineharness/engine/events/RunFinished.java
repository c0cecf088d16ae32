package dev.pipelineharness.engine.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A run ended: every scenario has finished and every topology is stopped.
 *
 * @param topologyStartTimes how long each topology took to start, by name
 * @param interrupted        whether the run was interrupted before it went through every scenario
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record RunFinished(String runId, Duration wallTime, Map<String, Duration> topologyStartTimes,
                          boolean interrupted) {

    public RunFinished {
        topologyStartTimes = Map.copyOf(topologyStartTimes);
    }
}
