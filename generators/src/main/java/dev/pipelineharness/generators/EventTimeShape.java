package dev.pipelineharness.generators;

import dev.pipelineharness.api.Params;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How event times relate to write order: spread evenly from {@code start-time} over
 * {@code time-spread} (1h); a fraction written {@code out-of-order} (moved back by up to
 * {@code max-disorder}) and a fraction {@code late} (moved back by {@code late-by}).
 * Event times never depend on the wall clock, so a seed reproduces them exactly.
 */
public record EventTimeShape(long startTime, long spreadMillis, double outOfOrder, long maxDisorderMillis,
                             double late, long lateByMillis) {

    /** 2026-01-01T00:00:00Z: a fixed start, so event times do not depend on when the test runs. */
    public static final long DEFAULT_START = 1_767_225_600_000L;

    /** Event times spread over this much by default. */
    public static final Duration DEFAULT_SPREAD = Duration.ofHours(1);

    public static final String[] KEYS = {"start-time", "time-spread", "out-of-order", "max-disorder", "late", "late-by"};

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
        return new EventTimeShape(start, spread, outOfOrder, maxDisorder, late, lateBy);
    }

    /** The event time of the {@code index}-th of {@code count} records. */
    public long eventTime(long index, long count, SplittableRandom random) {
        long base = startTime + (count <= 1 ? 0 : (long) ((double) spreadMillis * index / count));
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
