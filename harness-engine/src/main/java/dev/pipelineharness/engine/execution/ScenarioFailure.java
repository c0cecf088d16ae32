package dev.pipelineharness.engine.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A scenario that could not reach its checks: names the phase (start topology, deploy, generate,
 * inject fault), the cause and, when there is a deployment, the tails of its component logs.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScenarioFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScenarioFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
