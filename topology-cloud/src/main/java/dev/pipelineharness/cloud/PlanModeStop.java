package dev.pipelineharness.cloud;

import dev.pipelineharness.api.ScenarioSkipped;

/**
 * Ends a scenario in plan mode once its plan is written: nothing was created, so nothing can be
 * generated or checked. The engine reports the scenario skipped (not failed) with this message,
 * which says how many calls the plan holds and where it is.
 */
public final class PlanModeStop extends ScenarioSkipped {

    private static final long serialVersionUID = 1L;

    PlanModeStop(String message) {
        super(message);
    }
}
