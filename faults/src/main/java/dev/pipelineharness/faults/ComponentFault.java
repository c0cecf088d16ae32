package dev.pipelineharness.faults;

import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.TopologyControl;
import java.time.Duration;

/** A fault on one named component; subclasses say what injecting and healing do to it. */
abstract class ComponentFault implements Fault {

    final Targets target;
    final Duration readyWithin;
    /** How long a killed or paused process may take to show its new state before the fault counts as ineffective. */
    private final Duration takesEffectWithin;
    private final ComponentOperation operation;

    ComponentFault(ComponentOperation operation, Targets target, FaultSettings.Timing timing) {
        this.operation = operation;
        this.target = target;
        this.readyWithin = timing.readyWithin();
        this.takesEffectWithin = timing.takesEffectWithin();
    }

    @Override
    public String kind() {
        return operation.faultKind();
    }

    @Override
    public String describe() {
        return kind() + " " + target.name();
    }

    @Override
    public boolean disturbsOtherScenarios(Topology topology) {
        return target.shared(topology);
    }

    @Override
    public void validate(Topology topology) {
        TopologyControl control = Targets.control(topology);
        target.requireIn(control.componentNames(), control::hasComponent, "component", topology);
    }

    ComponentControl component(FaultContext context) {
        ComponentControl component = Targets.control(context).component(context.deployment(), target.name());
        if (!component.operations().contains(operation)) {
            throw new IllegalStateException(target.name() + " cannot " + kind() + "; it supports "
                    + component.operations());
        }
        return component;
    }

    /** Waits, bounded, for the state the fault must have caused; no such state means it had no effect. */
    void awaitState(ComponentControl component, ComponentState expected) throws InterruptedException {
        long deadline = System.nanoTime() + takesEffectWithin.toNanos();
        ComponentState state = component.state();
        while (state != expected && System.nanoTime() < deadline) {
            Thread.sleep(20); // polls the topology's view of one process, bounded by takes-effect-within
            state = component.state();
        }
        if (state != expected) {
            throw new IllegalStateException(describe() + " had no effect: " + component.name() + " is " + state
                    + " " + takesEffectWithin.toMillis() + " ms later, not " + expected);
        }
    }

    /** Waits for readiness and records how long it took, as the fault's evidence that it healed. */
    void awaitReadyWithEvidence(ComponentControl component, FaultContext context, String what) throws Exception {
        long start = System.nanoTime();
        component.awaitReady(readyWithin);
        context.evidence(component.name() + ": " + what + ", " + component.observedState() + " and ready ("
                + component.readiness() + ") after " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
    }
}
