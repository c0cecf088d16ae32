package dev.pipelineharness.topology.support;

import java.time.Duration;

/** A bound as a person reads it in a message: {@code 300 ms}, {@code 20 s}, {@code 5 min}. */
public final class ReadableDuration {

    private ReadableDuration() {
    }

    public static String of(Duration duration) {
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + " ms";
        }
        if (duration.toSeconds() < 120) {
            return duration.toSeconds() + " s";
        }
        return duration.toMinutes() + " min";
    }
}
