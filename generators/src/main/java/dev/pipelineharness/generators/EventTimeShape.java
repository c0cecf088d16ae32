package dev.pipelineharness.generators;

import dev.pipelineharness.api.Params;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How event times relate to write order: spread evenly from {@code start-time} over
 * {@code time-spread} (1h); a fraction written {@code out-of-order} (moved back by up to
 * {@code max-disorder}) and a fraction {@code late} (moved back by {@code late-by}). With
 * {@code edges: {every: 30m, within: 5s, share: 0.3}} a share of event times is first moved to within
 * {@code within} of the nearest boundary of epoch-aligned windows of length {@code every}, on either
 * side, so a window scenario really exercises its boundaries.
 * Event times never depend on the wall clock, so a seed reproduces them exactly.
 */
public record EventTimeShape(long startTime, long spreadMillis, double outOfOrder, long maxDisorderMillis,
                             double late, long lateByMillis, Edges edges) {

    /** Dense event times at window boundaries; {@link #NONE} draws nothing, so older sequences stay as they were. */
    public record Edges(long everyMillis, long withinMillis, double share) {
        public static final Edges NONE = new Edges(0, 0, 0);

        long apply(long time, SplittableRandom random) {
            if (everyMillis <= 0 || random.nextDouble() >= share) {
                return time;
            }
            long boundary = Math.round((double) time / everyMillis) * everyMillis;
            return boundary - withinMillis + random.nextLong(2 * withinMillis + 1);
        }
    }

    public EventTimeShape(long startTime, long spreadMillis, double outOfOrder, long maxDisorderMillis,
                          double late, long lateByMillis) {
        this(startTime, spreadMillis, outOfOrder, maxDisorderMillis, late, lateByMillis, Edges.NONE);
    }

    /** 2026-01-01T00:00:00Z: a fixed start, so event times do not depend on when the test runs. */
    public static final long DEFAULT_START = 1_767_225_600_000L;

    /** Event times spread over this much by default. */
    public static final Duration DEFAULT_SPREAD = Duration.ofHours(1);

    public static final String[] KEYS = {"start-time", "time-spread", "out-of-order", "max-disorder", "late", "late-by",
            "edges"};

    public static EventTimeShape from(Params params) {
        long start = params.longValue("start-time", DEFAULT_START);
        if (start < 0) {
            throw params.error("start-time", "must be epoch milliseconds >= 0, was " + start);
        }
        // event time is not wall-clock time: a fixed default spread makes the same count give the same
        // windows whatever the rate, and an hour spans two 30-minute windows, the first of which fires
        long spread = params.duration("time-spread", DEFAULT_SPREAD).toMillis();
        double outOfOrder = params.fraction("out-of-order", 0);
        double late = params.fraction("late", 0);
        if (outOfOrder + late > 1) {
            throw params.error("late", "late (" + late + ") plus out-of-order (" + outOfOrder
                    + ") exceed 1: an event is either on time, out of order or late");
        }
        long maxDisorder = params.duration("max-disorder", Duration.ofSeconds(4)).toMillis();
        long lateBy = params.duration("late-by", Duration.ofHours(1)).toMillis();
        if (params.has("max-disorder") && outOfOrder == 0) {
            throw params.error("max-disorder", "has no effect without 'out-of-order' (a fraction of events)");
        }
        if (params.has("late-by") && late == 0) {
            throw params.error("late-by", "has no effect without 'late' (a fraction of events)");
        }
        if (outOfOrder > 0 && maxDisorder == 0) {
            throw params.error("max-disorder", "must be greater than 0 when out-of-order is set");
        }
        if (late > 0 && lateBy == 0) {
            throw params.error("late-by", "must be greater than 0 when late is set");
        }
        return new EventTimeShape(start, spread, outOfOrder, maxDisorder, late, lateBy, edges(params));
    }

    /**
     * A counter of what these event times exercise: boundaries of the {@code edges} windows (none
     * without edges), and lateness beyond the edges' {@code within} (5 s without edges, the reference
     * pipelines' watermark allowance).
     */
    public EventTimeCoverage coverage() {
        return new EventTimeCoverage(edges.everyMillis(), edges.withinMillis(),
                edges.everyMillis() > 0 ? edges.withinMillis() : 5_000);
    }

    private static Edges edges(Params params) {
        if (!params.has("edges")) {
            return Edges.NONE;
        }
        Params edges = params.params("edges").allowOnly("every", "within", "share");
        long every = edges.duration("every").toMillis();
        long within = edges.duration("within", Duration.ofSeconds(5)).toMillis();
        if (every <= 0) {
            throw edges.error("every", "must be greater than 0: the window length, such as 30m");
        }
        if (within * 2 >= every) {
            throw edges.error("within", "must be less than half of 'every' (" + every + "ms), was " + within + "ms");
        }
        return new Edges(every, within, edges.fraction("share", 0.3));
    }

    /** The event time of the {@code index}-th of {@code count} records. */
    public long eventTime(long index, long count, SplittableRandom random) {
        long base = edges.apply(startTime + (count <= 1 ? 0 : (long) ((double) spreadMillis * index / count)), random);
        double draw = random.nextDouble();
        if (draw < late) {
            return Math.max(0, base - lateByMillis);
        }
        if (draw < late + outOfOrder) {
            return Math.max(0, base - 1 - random.nextLong(maxDisorderMillis));
        }
        return base;
    }
}
