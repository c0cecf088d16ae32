package dev.pipelineharness.faults;

import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;

/**
 * {@code pause: connect}: the component is frozen (SIGSTOP, a paused container): alive, holding its
 * sockets, answering nothing. Healed by thawing it. Evidence: the kernel reports it stopped, then running.
 * On a deployment's connector ({@code pause: connect.postgres_cdc}) Connect pauses it and its tasks
 * (evidence: their REST status PAUSED, then RUNNING); on its Flink job the job is stopped with a
 * savepoint and resumed from it (evidence: the savepoint). A connector the pipeline does not have is
 * refused at load time.
 */
public final class PauseFaultProvider extends ComponentFaultProvider {

    public PauseFaultProvider() {
        super("pause");
    }

    @Override
    public Fault create(Params params) {
        return new ComponentFault(ComponentOperation.PAUSE, FaultSettings.component(params),
                FaultSettings.timing(params)) {
            @Override
            public void inject(FaultContext context) throws Exception {
                ComponentControl component = component(context);
                component.pause();
                awaitState(component, ComponentState.PAUSED);
                context.evidence(component.name() + ": " + component.observedState());
            }

            @Override
            public void heal(FaultContext context) throws Exception {
                ComponentControl component = component(context);
                component.resume();
                awaitReadyWithEvidence(component, context, "resumed");
            }
        };
    }
}
