package dev.pipelineharness.cli;

import dev.pipelineharness.engine.events.CheckResult;
import dev.pipelineharness.engine.events.RunListener;
import dev.pipelineharness.engine.events.ScenarioRef;
import dev.pipelineharness.engine.events.ScenarioResult;
import java.util.EnumMap;
import java.util.Map;

/** Counts how the scenarios of a run ended, and turns that into the exit code. */
final class RunOutcome implements RunListener {

    private final Map<ScenarioResult.Status, Integer> statuses = new EnumMap<>(ScenarioResult.Status.class);
    private int failedChecks;
    private int scenarios;

    @Override
    public synchronized void checkSettled(ScenarioRef scenario, CheckResult check) {
        if (!check.passed()) {
            failedChecks++;
        }
    }

    @Override
    public synchronized void scenarioFinished(ScenarioRef scenario, ScenarioResult result) {
        statuses.merge(result.status(), 1, Integer::sum);
        scenarios++;
    }

    synchronized int scenarios() {
        return scenarios;
    }

    synchronized int count(ScenarioResult.Status status) {
        return statuses.getOrDefault(status, 0);
    }

    /**
     * Interrupted wins, then bad input, then a topology that did not start (or a run in which every
     * scenario was skipped, because its topology is not available here: nothing was verified, which a
     * CI must not read as green), then any red scenario.
     */
    synchronized int exitCode(boolean interrupted) {
        if (interrupted || count(ScenarioResult.Status.INTERRUPTED) > 0) {
            return ExitCodes.INTERRUPTED;
        }
        if (scenarios == 0 || count(ScenarioResult.Status.INVALID) > 0) {
            return ExitCodes.BAD_INPUT;
        }
        if (count(ScenarioResult.Status.TOPOLOGY_FAILED) > 0 || count(ScenarioResult.Status.SKIPPED) == scenarios) {
            return ExitCodes.TOPOLOGY;
        }
        return failedChecks > 0 || count(ScenarioResult.Status.FAILED) > 0 || count(ScenarioResult.Status.ERROR) > 0
                ? ExitCodes.RED : ExitCodes.GREEN;
    }
}
