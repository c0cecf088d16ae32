package dev.pipelineharness.local.proxy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.netcrusher.core.throttle.Throttler;

/**
 * The latency and bandwidth currently imposed on one link. netcrusher asks its throttler factory for a
 * throttler only when a connection is accepted, so each connection gets a {@link Throttler} that reads
 * these values on every buffer: a fault changed later applies to connections that are already open.
 */
final class LinkShaping {

    private volatile long latencyNanos;
    private volatile long jitterNanos;
    private volatile long bytesPerSecond;

    void latency(Duration latency) {
        latency(latency, Duration.ZERO);
    }

    /** Each chunk is delayed by {@code latency} give or take a uniform random amount up to {@code jitter}. */
    void latency(Duration latency, Duration jitter) {
        if (latency.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency and jitter must not be negative: " + latency + ", " + jitter);
        }
        this.latencyNanos = latency.toNanos();
        this.jitterNanos = jitter.toNanos();
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
        jitterNanos = 0;
        bytesPerSecond = 0;
    }

    Duration latency() {
        return Duration.ofNanos(latencyNanos);
    }

    Duration jitter() {
        return Duration.ofNanos(jitterNanos);
    }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** One direction of one connection; netcrusher calls it from its single reactor thread only. */
    Throttler newThrottler() {
        return new Throttler() {
            /** When the bytes handed over so far have passed through the emulated bandwidth. */
            private long busyUntilNanos;
            /** When the previous chunk is released: jitter must never let a chunk overtake the one before. */
            private long lastReleaseNanos;

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
                long jitter = jitterNanos;
                long spread = jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0;
                long release = Math.max(transmitDone + Math.max(0, latencyNanos + spread), lastReleaseNanos);
                lastReleaseNanos = release;
                long delay = release - now;
                return delay > 0 ? delay : Throttler.NO_DELAY_NS;
            }
        };
    }
}
