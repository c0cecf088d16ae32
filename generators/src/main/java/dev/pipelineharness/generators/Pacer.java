package dev.pipelineharness.generators;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces writes to the {@link Pacing}'s rate (including bursts) and says when its duration is over.
 * Waits with {@link LockSupport#parkNanos}, checking interruption, so the engine can stop a generator.
 */
public final class Pacer {

    private final Pacing pacing;
    private final long start;
    private long nextSlot;

    public Pacer(Pacing pacing) {
        this.pacing = pacing;
        this.start = System.nanoTime();
        this.nextSlot = start;
    }

    /** Waits for the next write slot; false when the pacing's duration has passed. */
    public boolean acquire() throws InterruptedException {
        long now = System.nanoTime();
        if (pacing.duration().isPresent() && now - start >= pacing.duration().get().toNanos()) {
            return false;
        }
        if (pacing.ratePerSecond() <= 0) {
            return true;
        }
        while (now < nextSlot) {
            LockSupport.parkNanos(nextSlot - now);
            if (Thread.interrupted()) {
                throw new InterruptedException("generator interrupted while pacing");
            }
            now = System.nanoTime();
        }
        double rate = pacing.rateAt(nextSlot - start);
        // do not bank unused slots after a stall: a slow sink must not be followed by an unbounded burst
        nextSlot = Math.max(nextSlot, now - 50_000_000L) + (long) (1e9 / rate);
        return true;
    }

    public long elapsedNanos() {
        return System.nanoTime() - start;
    }
}
