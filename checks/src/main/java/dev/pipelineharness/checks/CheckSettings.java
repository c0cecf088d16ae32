package dev.pipelineharness.checks;

import dev.pipelineharness.api.Params;
import java.time.Duration;

/** Settings every check shares. */
public final class CheckSettings {

    /** How long the pipeline has, after generation ends, unless a check says {@code within}. */
    static final Duration DEFAULT_WITHIN = Duration.ofSeconds(60);

    /** How long one evaluation may spend reading before it judges what it has. */
    static final Duration READ_BUDGET = Duration.ofSeconds(5);

    private CheckSettings() {
    }

    public static Duration within(Params params) {
        Duration within = params.duration("within", DEFAULT_WITHIN);
        if (within.isZero()) {
            throw params.error("within", "must be greater than 0");
        }
        return within;
    }

    /** A share written {@code 1%} or {@code 0.01}, between 0 and 1. */
    public static double fraction(Params params, String key) {
        String text = params.string(key).trim();
        double value;
        try {
            value = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
                    : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw params.error(key, "must be a percentage such as 1% or a fraction such as 0.01, was '" + text + "'");
        }
        if (value < 0 || value > 1) {
            throw params.error(key, "must be between 0% and 100%, was " + text);
        }
        return value;
    }
}
