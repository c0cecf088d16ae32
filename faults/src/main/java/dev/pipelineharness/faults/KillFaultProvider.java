package dev.pipelineharness.faults;

import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;

/**
 * {@code kill: kafka.east} (or {@code {component: kafka.east, ready-within: 2m}}): the component is
 * killed without warning (SIGKILL, as in a crash) and, when healed, restarted on its data and awaited
 * until ready. Evidence: the process gone, then running and ready again.
 */
public final class KillFaultProvider extends ComponentFaultProvider {

    public KillFaultProvider() {
        super("kill");
    }

    @Override
    public Fault create(Params params) {
        return new ComponentFault(ComponentOperation.KILL, FaultSettings.component(params),
                FaultSettings.timing(params)) {
            @Override
            public void inject(FaultContext context) throws Exception {
                ComponentControl component = component(context);
                component.kill();
                awaitState(component, ComponentState.STOPPED);
                context.evidence(component.name() + ": " + component.observedState() + " after kill");
            }

            @Override
            public void heal(FaultContext context) throws Exception {
                ComponentControl component = component(context);
                component.restart(readyWithin);
                awaitReadyWithEvidence(component, context, "restarted");
            }
        };
    }
}
