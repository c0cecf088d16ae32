package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Ends a scenario that was started as <em>skipped</em> with a reason, not as failed: thrown from
 * {@link Topology#deploy} (or anything else the engine calls directly while the scenario runs) when
 * there is nothing it can verify here; the cloud topology's plan mode writes its plan and throws this.
 * The engine undeploys what was deployed, reports the scenario aborted with this message (JUnit's form
 * of "skipped after it started"; Surefire and the reports count it skipped) and its checks skipped.
 * Not for failures: a broken pipeline must stay red.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class ScenarioSkipped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason one line saying why nothing was verified and what the user can do */
    public ScenarioSkipped(String reason) {
        super(reason);
    }
}
