package dev.pipelineharness.local.control;

import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.ConnectorComponents;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.local.connect.ConnectorClient;
import dev.pipelineharness.local.connect.ConnectorStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One of a deployment's connectors ({@code connect.<name>}) on the shared Connect worker, through
 * Connect's REST API: pause and resume ({@code PUT .../pause}, {@code .../resume}), restart with its
 * tasks ({@code POST .../restart?includeTasks=true}). Its state is the REST status of the connector
 * and its tasks; the worker process is the {@code connect} component, not this.
 */
final class ConnectorComponentControl implements ComponentControl {

    private static final Set<ComponentOperation> OPERATIONS = Set.of(ComponentOperation.PAUSE, ComponentOperation.RESTART);

    private final String logicalName;
    private final String connector;
    private final ConnectorClient connect;
    private volatile Optional<ConnectorStatus> lastRestart = Optional.empty();

    /**
     * @param logicalName the name scenarios use, without the namespace ({@code postgres_cdc})
     * @param connector   its name on the worker, with the namespace
     */
    ConnectorComponentControl(String logicalName, String connector, ConnectorClient connect) {
        this.logicalName = logicalName;
        this.connector = connector;
        this.connect = connect;
    }

    @Override
    public String name() {
        return ConnectorComponents.name(logicalName);
    }

    /** The connector is this deployment's own: pausing it disturbs no other scenario. */
    @Override
    public Scope scope() {
        return Scope.DEPLOYMENT;
    }

    @Override
    public Set<ComponentOperation> operations() {
        return OPERATIONS;
    }

    @Override
    public String readiness() {
        return "Connect's REST status shows the connector and all its tasks RUNNING";
    }

    @Override
    public ComponentState state() {
        return stateOf(connect.status(connector));
    }

    /** PAUSED only when the connector and every task are; RUNNING while any part still runs or restarts. */
    static ComponentState stateOf(ConnectorStatus status) {
        if (status.isAll("PAUSED")) {
            return ComponentState.PAUSED;
        }
        if (status.hasFailed() || "STOPPED".equals(status.state())) {
            return ComponentState.STOPPED;
        }
        return ComponentState.RUNNING;
    }

    /** {@code PAUSED (REST status: connector PAUSED, tasks 0=PAUSED)}, and what the last restart answered. */
    @Override
    public String observedState() {
        ConnectorStatus status = connect.status(connector);
        String text = stateOf(status) + " (REST status of " + connector + ": connector " + status.state() + ", tasks "
                + status.tasks().stream().map(task -> task.id() + "=" + task.state()).toList() + ")";
        return lastRestart.map(restart -> text + "; the restart was answered with connector " + restart.state()
                + ", tasks " + restart.tasks().stream().map(task -> task.id() + "=" + task.state()).toList())
                .orElse(text);
    }

    @Override
    public void pause() {
        connect.pause(connector);
    }

    @Override
    public void resume() {
        connect.resume(connector);
    }

    /**
     * Restarts the connector and its tasks and waits until all run again. Connect answers a restart
     * it performs with 202 and the parts it is restarting; a 204 means it restarted nothing, and the
     * fault had no effect.
     */
    @Override
    public void restart(Duration timeout) {
        Optional<ConnectorStatus> answer = connect.restart(connector);
        if (answer.isEmpty()) {
            throw new IllegalStateException("restart " + name() + " had no effect: Connect restarted nothing ("
                    + connector + " answered 204)");
        }
        lastRestart = answer;
        awaitReady(timeout);
    }

    @Override
    public void awaitReady(Duration timeout) {
        connect.awaitState(connector, "RUNNING", timeout);
    }

    @Override
    public String toString() {
        return "component " + name() + " (connector " + connector + ", " + OPERATIONS + ")";
    }
}
