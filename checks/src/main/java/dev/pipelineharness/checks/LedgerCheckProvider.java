package dev.pipelineharness.checks;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import java.time.Duration;
import java.util.List;

/**
 * {@code no-loss} and {@code no-duplicates}: judged over the scenario's ledger ({@link LedgerCheck}),
 * classifying every generated record. A red verdict says at which hop each missing or duplicated
 * record went wrong ({@link HopReport}).
 */
public abstract class LedgerCheckProvider implements CheckProvider {

    /** {@code no-loss: acknowledged} (default) or {@code no-loss: {guarantee: all, within: 60s}}. */
    public static final class NoLoss extends LedgerCheckProvider {
        @Override
        public String name() {
            return "no-loss";
        }

        @Override
        public List<Check> create(Params params) {
            String guarantee = guarantee(params, List.of("acknowledged", "all"), "acknowledged");
            boolean all = guarantee.equals("all");
            return List.of(new LedgerCheck("no-loss: " + guarantee, within(params),
                    view -> HopReport.missing(view, LedgerComparison.noLoss(view.summary(), all))));
        }
    }

    /** {@code no-duplicates} or {@code no-duplicates: {within: 60s}}. */
    public static final class NoDuplicates extends LedgerCheckProvider {
        @Override
        public String name() {
            return "no-duplicates";
        }

        @Override
        public List<Check> create(Params params) {
            guarantee(params, List.of("exactly-once"), "exactly-once");
            return List.of(new LedgerCheck("no-duplicates", within(params),
                    view -> HopReport.duplicated(view, LedgerComparison.noDuplicates(view.summary()))));
        }
    }

    static String guarantee(Params params, List<String> choices, String defaultValue) {
        if (params.isScalar()) {
            String value = params.scalarText();
            if (!choices.contains(value)) {
                throw params.error("", "'" + value + "' is not one of " + String.join(", ", choices)
                        + dev.pipelineharness.api.support.Suggestions.didYouMean(value, choices));
            }
            return value;
        }
        if (params.isNull()) {
            return defaultValue;
        }
        params.allowOnly("guarantee", "within");
        return params.choice("guarantee", choices, defaultValue);
    }

    static Duration within(Params params) {
        return params.isMapping() ? CheckSettings.within(params) : CheckSettings.DEFAULT_WITHIN;
    }
}
