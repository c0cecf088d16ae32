package dev.pipelineharness.generators;

import dev.pipelineharness.api.Params;
import java.time.Duration;
import java.util.Optional;

/**
 * How many records a generator writes and how fast: a {@code count}, or a {@code duration} at a
 * {@code rate}; optionally {@code bursts} ({@code {every: 10s, for: 1s, rate: 5000/s}}) during which
 * the rate rises. Without a rate, records go out as fast as the sink takes them.
 *
 * @param plannedCount the records planned: {@code count}, or {@code rate x duration} plus burst extras
 * @param ratePerSecond 0 for unlimited
 */
public record Pacing(long plannedCount, Optional<Duration> duration, double ratePerSecond, Optional<Bursts> bursts) {

    public static final long DEFAULT_COUNT = 1000;

    /** A periodic rise of the rate: for {@code length} out of every {@code every}. */
    public record Bursts(Duration every, Duration length, double ratePerSecond) {
    }

    public static Pacing from(Params params) {
        double rate = params.ratePerSecond("rate", 0);
        Optional<Bursts> bursts = Optional.empty();
        if (params.has("bursts")) {
            Params section = params.params("bursts").allowOnly("every", "for", "rate");
            if (rate <= 0) {
                throw params.error("bursts", "needs a base 'rate' to rise from; set rate or remove bursts");
            }
            Duration every = section.duration("every");
            Duration length = section.duration("for");
            double burstRate = section.ratePerSecond("rate", 0);
            if (burstRate <= 0) {
                throw section.error("rate", "is required: the rate during a burst, such as 5000/s");
            }
            if (every.isZero() || length.isZero() || length.compareTo(every) >= 0) {
                throw section.error("for", "must be greater than 0 and shorter than 'every' (" + every.toMillis()
                        + "ms), was " + length.toMillis() + "ms");
            }
            if (burstRate <= rate) {
                throw section.error("rate", "must be higher than the base rate " + rate + "/s, was " + burstRate + "/s");
            }
            bursts = Optional.of(new Bursts(every, length, burstRate));
        }
        if (params.has("count") && params.has("duration")) {
            throw params.error("duration", "contradicts 'count': give either a count or a duration, not both");
        }
        if (params.has("duration")) {
            Duration duration = params.duration("duration");
            if (rate <= 0) {
                throw params.error("duration", "needs a 'rate' (a duration alone does not say how many records)");
            }
            if (duration.isZero()) {
                throw params.error("duration", "must be greater than 0");
            }
            long planned = (long) Math.ceil(rate * duration.toMillis() / 1000.0);
            if (bursts.isPresent()) {
                Bursts b = bursts.get();
                double burstShare = (double) b.length().toMillis() / b.every().toMillis();
                planned = (long) Math.ceil(duration.toMillis() / 1000.0
                        * (rate * (1 - burstShare) + b.ratePerSecond() * burstShare)) + 1;
            }
            HeldRecords.requireFits(params, "duration", planned);
            return new Pacing(planned, Optional.of(duration), rate, bursts);
        }
        long count = params.positiveLong("count", DEFAULT_COUNT);
        HeldRecords.requireFits(params, "count", count);
        return new Pacing(count, Optional.empty(), rate, bursts);
    }

    /** The rate in force {@code elapsedNanos} after the start. */
    public double rateAt(long elapsedNanos) {
        if (bursts.isPresent()) {
            Bursts b = bursts.get();
            long every = b.every().toNanos();
            if (elapsedNanos % every < b.length().toNanos()) {
                return b.ratePerSecond();
            }
        }
        return ratePerSecond;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(duration.map(d -> "for " + d.toMillis() + "ms").orElse(plannedCount + " records"));
        text.append(ratePerSecond > 0 ? " at " + (long) ratePerSecond + "/s" : " unthrottled");
        bursts.ifPresent(b -> text.append(", bursts of ").append((long) b.ratePerSecond()).append("/s"));
        return text.toString();
    }
}
