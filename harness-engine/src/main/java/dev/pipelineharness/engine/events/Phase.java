package dev.pipelineharness.engine.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The phases of one scenario, in the order they run. */
@API(status = EXPERIMENTAL, since = "0.2")
public enum Phase {
    /** Starting (or waiting for) the shared topology. */
    TOPOLOGY("starting topology"),
    /** Deploying the pipeline folder in the scenario's namespace. */
    DEPLOY("deploying"),
    /** Generators and the fault schedule. */
    TIMELINE("generating"),
    /** Polling the checks until each has settled. */
    CHECKS("checking"),
    /** Healing what is still injected and removing the deployment. */
    UNDEPLOY("undeploying");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** How the phase reads on a progress line: {@code generating}. */
    public String label() {
        return label;
    }
}
