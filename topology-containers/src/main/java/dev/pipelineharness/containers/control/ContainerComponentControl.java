package dev.pipelineharness.containers.control;

import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.topology.support.BoundedWait;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One container (a broker, the Connect worker, PostgreSQL, ...) in the control SPI's shape: kill is
 * {@code docker kill}, pause is {@code docker pause} / {@code unpause}, restart is {@code docker stop}
 * then {@code docker start} (or only the start, after a kill), on the container's own filesystem. Each
 * operation returns once the runtime reports it took effect; {@link #restart} also waits for the
 * component's readiness.
 */
public final class ContainerComponentControl implements ComponentControl {

    /** Every container can be killed, paused and restarted. */
    public static final Set<ComponentOperation> OPERATIONS = Set.copyOf(EnumSet.allOf(ComponentOperation.class));

    /** How long a runtime may take to report a kill, pause or unpause (they are immediate in Docker). */
    static final Duration EVIDENCE_TIMEOUT = Duration.ofSeconds(30);
    /** SIGTERM to SIGKILL on a graceful restart. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** Waits, bounded, until the component is ready again; throws naming what it waited for. */
    @FunctionalInterface
    public interface Readiness {
        void await(Duration timeout) throws Exception;
    }

    private final String name;
    private final Scope scope;
    private final String readiness;
    private final Supplier<String> containerId;
    private final ContainerRuntime runtime;
    private final Readiness ready;
    private final Duration evidenceTimeout;

    /**
     * @param containerId the container's id, asked for on every operation (a container is created at start)
     * @param readiness   what "ready again" means, for messages
     */
    public ContainerComponentControl(String name, Scope scope, String readiness, Supplier<String> containerId,
                                     ContainerRuntime runtime, Readiness ready) {
        this(name, scope, readiness, containerId, runtime, ready, EVIDENCE_TIMEOUT);
    }

    ContainerComponentControl(String name, Scope scope, String readiness, Supplier<String> containerId,
                              ContainerRuntime runtime, Readiness ready, Duration evidenceTimeout) {
        this.evidenceTimeout = evidenceTimeout;
        this.name = name;
        this.scope = scope;
        this.readiness = readiness;
        this.containerId = containerId;
        this.runtime = runtime;
        this.ready = ready;
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
        return OPERATIONS;
    }

    @Override
    public String readiness() {
        return readiness;
    }

    @Override
    public ComponentState state() {
        return runtime.state(containerId.get());
    }

    @Override
    public void kill() {
        runtime.kill(containerId.get());
        awaitState(ComponentState.STOPPED, "to be stopped after docker kill");
    }

    @Override
    public void pause() {
        runtime.pause(containerId.get());
        awaitState(ComponentState.PAUSED, "to be paused");
    }

    @Override
    public void resume() {
        runtime.unpause(containerId.get());
        awaitState(ComponentState.RUNNING, "to be running after docker unpause");
    }

    @Override
    public void restart(Duration timeout) throws Exception {
        String id = containerId.get();
        ComponentState before = runtime.state(id);
        if (before == ComponentState.PAUSED) {
            runtime.unpause(id);
        }
        if (before != ComponentState.STOPPED) {
            runtime.stop(id, STOP_GRACE);
            awaitState(ComponentState.STOPPED, "to be stopped for its restart");
        }
        runtime.start(id);
        awaitState(ComponentState.RUNNING, "to be running after docker start");
        ready.await(timeout);
    }

    @Override
    public void awaitReady(Duration timeout) throws Exception {
        ready.await(timeout);
    }

    private void awaitState(ComponentState expected, String what) {
        BoundedWait.until("container of " + name + " " + what, evidenceTimeout, null,
                () -> runtime.state(containerId.get()) == expected);
    }

    @Override
    public String toString() {
        return "component " + name + " (container, " + scope + ")";
    }
}
