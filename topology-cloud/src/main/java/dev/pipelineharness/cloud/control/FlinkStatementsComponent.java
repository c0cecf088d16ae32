package dev.pipelineharness.cloud.control;

import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.cloud.flink.FlinkStatementsClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A deployment's running Flink statements as its {@code flink} component: pause stops them
 * ({@code spec.stopped=true}, awaited STOPPED), resume starts them again from where they stopped,
 * restart does both. Confluent Cloud cannot kill a statement's workers, so {@code kill} is not offered.
 */
final class FlinkStatementsComponent implements ComponentControl {

    private final List<String> statements;
    private final FlinkStatementsClient flink;
    private final Duration stateTimeout;

    FlinkStatementsComponent(List<String> statements, FlinkStatementsClient flink, Duration stateTimeout) {
        this.statements = List.copyOf(statements);
        this.flink = flink;
        this.stateTimeout = stateTimeout;
    }

    @Override
    public String name() {
        return "flink";
    }

    @Override
    public Scope scope() {
        return Scope.DEPLOYMENT;
    }

    @Override
    public Set<ComponentOperation> operations() {
        return Set.of(ComponentOperation.PAUSE, ComponentOperation.RESTART);
    }

    @Override
    public String readiness() {
        return "every one of its Flink statements is RUNNING";
    }

    @Override
    public ComponentState state() {
        boolean allRunning = true;
        for (String statement : statements) {
            String phase = flink.get(statement).phase();
            if ("STOPPED".equals(phase) || "STOPPING".equals(phase)) {
                return ComponentState.PAUSED;
            }
            allRunning &= "RUNNING".equals(phase);
        }
        return allRunning ? ComponentState.RUNNING : ComponentState.STOPPED;
    }

    @Override
    public void pause() {
        for (String statement : statements) {
            flink.setStopped(statement, true);
        }
        for (String statement : statements) {
            flink.awaitPhase(statement, Set.of("STOPPED"), "flink", stateTimeout);
        }
    }

    @Override
    public void resume() {
        for (String statement : statements) {
            flink.setStopped(statement, false);
        }
    }

    @Override
    public void restart(Duration timeout) {
        pause();
        resume();
        awaitReady(timeout);
    }

    @Override
    public void awaitReady(Duration timeout) {
        for (String statement : statements) {
            flink.awaitPhase(statement, Set.of("RUNNING"), "flink", timeout);
        }
    }
}
