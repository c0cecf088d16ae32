package dev.pipelineharness.local.control;

import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.Scope;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One embedded component (a child process) in the control SPI's shape. The components' own classes
 * differ in how they restart (a broker on its data directory, a Flink job from its latest
 * checkpoint); this gives them one shape, and its state comes from the kernel (or, for a job on the
 * Flink session, from Flink's REST API), not from what the harness believes it did.
 */
final class ProcessComponentControl implements ComponentControl {

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface TimedAction {
        void run(Duration timeout) throws Exception;
    }

    private final String name;
    private final Scope scope;
    private final String readiness;
    private final Supplier<ComponentState> state;
    private final TimedAction awaitReady;
    private Supplier<String> observed;
    private final EnumSet<ComponentOperation> operations = EnumSet.noneOf(ComponentOperation.class);
    private Action kill;
    private Action pause;
    private Action resume;
    private TimedAction restart;

    ProcessComponentControl(String name, Scope scope, String readiness, LongSupplier pid, TimedAction awaitReady) {
        this(name, scope, awaitReady, readiness, () -> ProcessStates.of(pid.getAsLong()));
        // the pid tells a restarted process from the one before it
        observed = () -> {
            ComponentState now = state();
            try {
                return now + " (pid " + pid.getAsLong() + ")";
            } catch (RuntimeException noProcess) {
                return now.name();
            }
        };
    }

    /** A component whose state is not one process's (a job on a shared JVM, say): {@code state} says it. */
    ProcessComponentControl(String name, Scope scope, TimedAction awaitReady, String readiness,
                            Supplier<ComponentState> state) {
        this.name = name;
        this.scope = scope;
        this.readiness = readiness;
        this.state = state;
        this.awaitReady = awaitReady;
    }

    /** What {@link #observedState()} says beyond the state: a job's own state and savepoint, say. */
    ProcessComponentControl describedBy(Supplier<String> observation) {
        observed = observation;
        return this;
    }

    ProcessComponentControl killedBy(Action action) {
        kill = action;
        operations.add(ComponentOperation.KILL);
        return this;
    }

    ProcessComponentControl pausedBy(Action pauseAction, Action resumeAction) {
        pause = pauseAction;
        resume = resumeAction;
        operations.add(ComponentOperation.PAUSE);
        return this;
    }

    ProcessComponentControl restartedBy(TimedAction action) {
        restart = action;
        operations.add(ComponentOperation.RESTART);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public Set<ComponentOperation> operations() {
        return Set.copyOf(operations);
    }

    @Override
    public String readiness() {
        return readiness;
    }

    @Override
    public ComponentState state() {
        return state.get();
    }

    @Override
    public String observedState() {
        return observed == null ? state().name() : observed.get();
    }

    @Override
    public void kill() throws Exception {
        require(kill, ComponentOperation.KILL).run();
    }

    @Override
    public void pause() throws Exception {
        require(pause, ComponentOperation.PAUSE).run();
    }

    @Override
    public void resume() throws Exception {
        require(resume, ComponentOperation.PAUSE).run();
    }

    @Override
    public void restart(Duration timeout) throws Exception {
        require(restart, ComponentOperation.RESTART).run(timeout);
    }

    @Override
    public void awaitReady(Duration timeout) throws Exception {
        awaitReady.run(timeout);
    }

    private <T> T require(T action, ComponentOperation operation) {
        if (action == null) {
            throw new UnsupportedOperationException(name + " does not support " + operation.faultKind()
                    + "; it supports " + operations);
        }
        return action;
    }

    @Override
    public String toString() {
        return "component " + name + " (" + scope + ", " + operations + ")";
    }
}
