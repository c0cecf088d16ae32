package dev.pipelineharness.local.proxy;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.netcrusher.core.throttle.Throttler;

/**
 * The latency and bandwidth currently imposed on one link. netcrusher asks its throttler factory for a
 * throttler only when a connection is accepted, so each connection gets a {@link Throttler} that reads
 * these values on every buffer: a fault changed later applies to connections that are already open.
 */
final class LinkShaping {

    private volatile long latencyNanos;
    private volatile long bytesPerSecond;

    void latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        this.latencyNanos = latency.toNanos();
    }

    /** @param bytesPerSecond the bandwidth per connection and direction; 0 means unlimited */
    void throttle(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytes per second must be 0 (unlimited) or more: " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    void clear() {
        latencyNanos = 0;
        bytesPerSecond = 0;
    }

    Duration latency() {
        return Duration.ofNanos(latencyNanos);
    }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** One direction of one connection; netcrusher calls it from its single reactor thread only. */
    Throttler newThrottler() {
        return new Throttler() {
            /** When the bytes handed over so far have passed through the emulated bandwidth. */
            private long busyUntilNanos;

            @Override
            public long calculateDelayNs(ByteBuffer buffer) {
                long now = System.nanoTime();
                long rate = bytesPerSecond;
                long transmitDone = now;
                if (rate > 0) {
                    long start = Math.max(now, busyUntilNanos);
                    busyUntilNanos = start + buffer.remaining() * 1_000_000_000L / rate;
                    transmitDone = busyUntilNanos;
                }
                long delay = (transmitDone - now) + latencyNanos;
                return delay > 0 ? delay : Throttler.NO_DELAY_NS;
            }
        };
    }
}
