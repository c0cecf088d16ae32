package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.EventTimeCoverage;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

/**
 * Event times in epoch milliseconds: record {@code i} of {@code count} lies at {@code start + spread * i / count},
 * then a share is moved next to a window boundary ({@code edges}), a share is moved back by up to
 * {@code disorder} (out of order) and a share by more than {@code lateness} (late for a watermark
 * that allows {@code lateness}). The figures it counts are the scenario's input coverage.
 */
final class EventTimeField implements FieldGenerator {

    static final java.util.List<String> KEYS = java.util.List.of("start", "spread", "out-of-order", "disorder", "late",
            "lateness", "edges", "as");

    private final long start;
    private final long spread;
    private final long count;
    private final double outOfOrder;
    private final long disorder;
    private final double late;
    private final long lateness;
    private final long edgeEvery;
    private final long edgeWithin;
    private final double edgeShare;
    private final EventTimeCoverage coverage;

    EventTimeField(Params params, long count) {
        params.allowOnly(KEYS);
        this.start = start(params);
        this.spread = params.duration("spread", Duration.ofHours(1)).toMillis();
        this.count = Math.max(1, count);
        this.outOfOrder = params.fraction("out-of-order", 0);
        this.disorder = Math.max(1, params.duration("disorder", Duration.ofSeconds(30)).toMillis());
        this.late = params.fraction("late", 0);
        this.lateness = params.duration("lateness", Duration.ofSeconds(5)).toMillis();
        if (params.has("edges")) {
            Params edges = params.params("edges").allowOnly("every", "within", "share");
            this.edgeEvery = edges.duration("every").toMillis();
            this.edgeWithin = edges.duration("within", Duration.ofSeconds(5)).toMillis();
            this.edgeShare = edges.fraction("share", 0.2);
            if (edgeEvery <= 0) {
                throw edges.error("every", "must be greater than 0: the window length, such as 1h");
            }
            if (edgeWithin * 2 >= edgeEvery) {
                throw edges.error("within", "must be less than half of 'every' (" + edgeEvery + "ms)");
            }
        } else {
            this.edgeEvery = 0;
            this.edgeWithin = 0;
            this.edgeShare = 0;
        }
        this.coverage = new EventTimeCoverage(edgeEvery, edgeWithin, lateness);
    }

    private static long start(Params params) {
        if (!params.has("start")) {
            return Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        }
        String text = params.string("start");
        try {
            return text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) : Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw params.error("start", "'" + text + "' is neither an ISO instant (2026-01-01T00:00:00Z) nor epoch millis");
        }
    }

    @Override
    public Object next(Random random, long index) {
        long time = start + (long) ((double) spread * Math.min(index, count - 1) / count);
        if (edgeEvery > 0 && random.nextDouble() < edgeShare) {
            // boundaries of epoch-aligned windows, as Flink's TUMBLE and the coverage count them
            long boundary = Math.round((double) time / edgeEvery) * edgeEvery;
            time = boundary - edgeWithin + (long) (random.nextDouble() * (2 * edgeWithin + 1));
        }
        double roll = random.nextDouble();
        if (roll < late) {
            time -= lateness + 1 + (long) (random.nextDouble() * Math.max(1, lateness));
        } else if (roll < late + outOfOrder) {
            time -= 1 + (long) (random.nextDouble() * disorder);
        }
        coverage.record(time);
        return time;
    }

    EventTimeCoverage coverage() {
        return coverage;
    }
}
