package dev.pipelineharness.checks;

import java.time.Duration;
import java.util.Locale;

/** Milliseconds as a person reads them in a verdict: {@code 850ms}, {@code 12.3s}. */
final class Millis {

    private Millis() {
    }

    static String format(long millis) {
        if (Math.abs(millis) < 10_000) {
            return millis + "ms";
        }
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    static String format(Duration duration) {
        return format(duration.toMillis());
    }
}
