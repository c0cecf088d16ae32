package dev.pipelineharness.cloud.control;

import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.cloud.config.HarnessNames;
import dev.pipelineharness.cloud.connect.ManagedConnectClient;
import java.time.Duration;
import java.util.Set;

/**
 * A managed connector as a component ({@code connect.<name>}): pause and resume through the Connect
 * API, restart through its restart call; its REST status is the evidence. A connector the run did
 * not create is shared infrastructure and passes the {@link DestructiveGuard} first.
 */
final class ConnectorComponent implements ComponentControl {

    private final String name;
    private final String connector;
    private final ManagedConnectClient connect;
    private final DestructiveGuard guard;
    private final Duration stateTimeout;

    ConnectorComponent(String name, String connector, ManagedConnectClient connect, DestructiveGuard guard,
                       Duration stateTimeout) {
        this.name = name;
        this.connector = connector;
        this.connect = connect;
        this.guard = guard;
        this.stateTimeout = stateTimeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Scope scope() {
        return ownedByRun() ? Scope.DEPLOYMENT : Scope.SHARED;
    }

    @Override
    public Set<ComponentOperation> operations() {
        return Set.of(ComponentOperation.PAUSE, ComponentOperation.RESTART);
    }

    @Override
    public String readiness() {
        return "its Connect API status is RUNNING";
    }

    @Override
    public ComponentState state() {
        return switch (connect.state(connector).state()) {
            case "PAUSED" -> ComponentState.PAUSED;
            case "RUNNING", "PROVISIONING", "DEGRADED" -> ComponentState.RUNNING;
            default -> ComponentState.STOPPED;
        };
    }

    @Override
    public void pause() {
        guardShared("pausing connector " + connector);
        connect.pause(connector);
        connect.awaitState(connector, "PAUSED", name, stateTimeout);
    }

    @Override
    public void resume() {
        guardShared("resuming connector " + connector);
        connect.resume(connector);
    }

    @Override
    public void restart(Duration timeout) {
        guardShared("restarting connector " + connector);
        connect.restart(connector);
        awaitReady(timeout);
    }

    @Override
    public void awaitReady(Duration timeout) {
        connect.awaitState(connector, "RUNNING", name, timeout);
    }

    private boolean ownedByRun() {
        return HarnessNames.isHarnessName(connector);
    }

    private void guardShared(String operation) {
        if (!ownedByRun()) {
            guard.check(operation + " (not created by this run)");
        }
    }
}
