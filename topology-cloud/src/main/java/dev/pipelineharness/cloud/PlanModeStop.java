package dev.pipelineharness.cloud;

/**
 * Ends a scenario in plan mode once its plan is written: nothing was created, so nothing can be
 * generated or checked. The message says where the plan is.
 */
public final class PlanModeStop extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    PlanModeStop(String message) {
        super(message);
    }
}
