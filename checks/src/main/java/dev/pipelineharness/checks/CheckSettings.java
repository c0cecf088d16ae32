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
}
