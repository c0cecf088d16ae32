package dev.pipelineharness.containers.proxy;

import java.time.Duration;

/**
 * One Toxiproxy proxy as link faults use it; {@link ToxiproxyLinkProxy} drives a real one through its
 * HTTP API, tests use a fake. Toxics act on both directions (Toxiproxy's {@code upstream} and
 * {@code downstream} streams).
 */
public interface LinkProxy {

    String name();

    /** A {@code latency} toxic each way. */
    void latency(Duration latency, Duration jitter);

    /** A {@code bandwidth} toxic each way; Toxiproxy's rate is in KB per second. */
    void bandwidth(long kilobytesPerSecond);

    /** A {@code timeout} toxic with timeout 0 each way: no data moves, connections stay open. */
    void stall();

    /** Disabling a proxy closes its connections and refuses new ones; enabling opens it again. */
    void enabled(boolean enabled);

    /** Removes every toxic. */
    void removeToxics();

    ProxyState state();

    /** What a proxy imposes now, read back from Toxiproxy. */
    record ProxyState(boolean enabled, Duration latency, Duration jitter, long kilobytesPerSecond, boolean stalled) {
    }
}
