package dev.pipelineharness.faults;

import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;

/**
 * {@code restart: postgres}: a graceful stop and start on the component's data, as a rolling
 * restart or a maintenance window does; the injection returns once it is ready again. Nothing is
 * left to heal (the heal only confirms readiness). Evidence: running and ready, and how long it took.
 * On a deployment's connector ({@code restart: connect.postgres_cdc}) Connect restarts it with its
 * tasks (evidence: what Connect answered it was restarting, then the REST status RUNNING).
 */
public final class RestartFaultProvider extends ComponentFaultProvider {

    public RestartFaultProvider() {
        super("restart");
    }

    @Override
    public Fault create(Params params) {
        return new ComponentFault(ComponentOperation.RESTART, FaultSettings.component(params),
                FaultSettings.timing(params)) {
            @Override
            public void inject(FaultContext context) throws Exception {
                ComponentControl component = component(context);
                String before = component.observedState();
                long start = System.nanoTime();
                component.restart(readyWithin);
                awaitState(component, ComponentState.RUNNING);
                context.evidence(component.name() + ": restarted, " + component.observedState() + " after "
                        + (System.nanoTime() - start) / 1_000_000 + " ms (before: " + before + ")");
            }

            @Override
            public void heal(FaultContext context) throws Exception {
                ComponentControl component = component(context);
                awaitReadyWithEvidence(component, context, "after its restart");
            }
        };
    }
}
