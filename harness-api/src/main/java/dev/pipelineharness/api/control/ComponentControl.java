package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One named component of a topology (a broker, the Connect worker, PostgreSQL, a deployment's Flink
 * job) and the operations it supports. An operation it does not list in {@link #operations()} throws
 * {@link UnsupportedOperationException}.
 *
 * <p>Every operation returns once it took effect as far as the topology can observe ({@link #state()}
 * tells), not once the component is ready again: {@link #awaitReady} waits for that, bounded.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface ComponentControl {

    /** The name scenarios use, such as {@code kafka.east} or {@code flink}. */
    String name();

    Scope scope();

    Set<ComponentOperation> operations();

    /** What "ready again" means for this component, for messages: {@code answers a metadata request}. */
    String readiness();

    ComponentState state();

    /**
     * What the topology observed of the component, for a fault's evidence: {@link #state()} and, where
     * the component has more to say, what that state was read from (a connector's REST status with
     * each task's, the savepoint a stopped job was stopped with). By default the state's name.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    default String observedState() {
        return state().name();
    }

    default void kill() throws Exception {
        throw unsupported(ComponentOperation.KILL);
    }

    default void pause() throws Exception {
        throw unsupported(ComponentOperation.PAUSE);
    }

    default void resume() throws Exception {
        throw unsupported(ComponentOperation.PAUSE);
    }

    /**
     * Brings the component back after a kill, or stops it gracefully and starts it again; returns
     * once it is ready ({@link #readiness()}), within {@code timeout}.
     */
    default void restart(Duration timeout) throws Exception {
        throw unsupported(ComponentOperation.RESTART);
    }

    /** Waits, at most {@code timeout}, until the component is ready; throws naming what it waited for. */
    void awaitReady(Duration timeout) throws Exception;

    private UnsupportedOperationException unsupported(ComponentOperation operation) {
        return new UnsupportedOperationException(name() + " does not support " + operation.faultKind()
                + "; it supports " + operations());
    }
}
