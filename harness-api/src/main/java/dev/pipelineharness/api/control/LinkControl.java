package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One named link of a topology (a client to a region's brokers, Connect to PostgreSQL, MirrorMaker
 * to a region) and the faults it can carry. An operation it does not list in {@link #operations()}
 * throws {@link UnsupportedOperationException}; {@link #heal()} removes every fault and is always safe.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface LinkControl {

    /** The name scenarios use, such as {@code east.kafka} or {@code connect->postgres}. */
    String name();

    Scope scope();

    Set<LinkOperation> operations();

    LinkState state();

    /** Delays data each way by {@code latency}, give or take up to {@code jitter}. */
    default void latency(Duration latency, Duration jitter) {
        throw unsupported(LinkOperation.LATENCY);
    }

    /** Limits each connection, each way, to {@code bytesPerSecond}. */
    default void bandwidth(long bytesPerSecond) {
        throw unsupported(LinkOperation.BANDWIDTH);
    }

    default void stall() {
        throw unsupported(LinkOperation.STALL);
    }

    default void reset() {
        throw unsupported(LinkOperation.RESET);
    }

    default void cut() {
        throw unsupported(LinkOperation.CUT);
    }

    /** Removes every fault: no latency, no limit, not stalled, not cut. */
    void heal();

    private UnsupportedOperationException unsupported(LinkOperation operation) {
        return new UnsupportedOperationException(name() + " does not support " + operation.faultKind()
                + "; it supports " + operations());
    }
}
