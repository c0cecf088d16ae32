package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a component is doing now, as its topology observed it: the evidence a fault took effect. */
@API(status = EXPERIMENTAL, since = "0.2")
public enum ComponentState {
    /** Its process (or container, or service) is up; it may still be getting ready. */
    RUNNING,
    /** Alive but frozen. */
    PAUSED,
    /** Not running: killed, or stopped for a restart. */
    STOPPED
}
