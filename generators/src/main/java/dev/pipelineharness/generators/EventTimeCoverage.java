package dev.pipelineharness.generators;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts what a stream of event times exercised, in the order written: records out of order
 * (earlier than one written before), late records (for a watermark {@code lateness} behind the latest
 * event time so far: with windows, records whose window had already closed, which a windowed
 * aggregate drops; without, records behind the watermark) and records within {@code within} of a
 * window boundary, on each side.
 */
public final class EventTimeCoverage {

    private final long every;
    private final long within;
    private final long lateness;
    private long max = Long.MIN_VALUE;
    private long records;
    private long outOfOrder;
    private long late;
    private long beforeBoundary;
    private long afterBoundary;

    /**
     * @param every    the window length in millis (0: no windows to count boundaries of)
     * @param within   how close to a boundary counts as near it (the watermark's allowance)
     * @param lateness how far behind the latest event time a record counts as late
     */
    public EventTimeCoverage(long every, long within, long lateness) {
        this.every = every;
        this.within = within;
        this.lateness = lateness;
    }

    public synchronized void record(long time) {
        records++;
        if (records > 1 && time < max) {
            outOfOrder++;
            long watermark = max - lateness;
            long closesAt = every > 0 ? Math.floorDiv(time, every) * every + every : time + 1;
            if (closesAt <= watermark) {
                late++;
            }
        }
        max = Math.max(max, time);
        if (every > 0) {
            long offset = Math.floorMod(time, every);
            if (offset < within || offset == 0) {
                afterBoundary++;
            } else if (every - offset <= within) {
                beforeBoundary++;
            }
        }
    }

    /** The figures, by name: {@code out-of-order}, {@code late}, and with edges {@code before-boundary}, {@code after-boundary}. */
    public synchronized Map<String, Long> figures() {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("out-of-order", outOfOrder);
        figures.put("late", late);
        if (every > 0) {
            figures.put("before-boundary", beforeBoundary);
            figures.put("after-boundary", afterBoundary);
        }
        return figures;
    }
}
