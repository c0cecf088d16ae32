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

    /**
     * {@code no-duplicates} ({@code exactly-once}: no record twice) or
     * {@code no-duplicates: {guarantee: at-least-once, max: 1%}}: redelivered records, as a share of
     * the records written, at most {@code max} (a pipeline that promises at-least-once, such as
     * Debezium or a non-transactional sink, judged against the bound it is allowed).
     */
    public static final class NoDuplicates extends LedgerCheckProvider {
        @Override
        public String name() {
            return "no-duplicates";
        }

        @Override
        public List<Check> create(Params params) {
            String guarantee = guarantee(params, List.of("exactly-once", "at-least-once"), "exactly-once", "max");
            if (guarantee.equals("exactly-once")) {
                if (params.isMapping() && params.has("max")) {
                    throw params.error("max", "a bound on redeliveries needs guarantee: at-least-once;"
                            + " exactly-once allows none");
                }
                return List.of(new LedgerCheck("no-duplicates", within(params),
                        view -> HopReport.duplicated(view, LedgerComparison.noDuplicates(view.summary()))));
            }
            if (!params.isMapping() || !params.has("max")) {
                throw params.error(params.isMapping() ? "max" : "", "at-least-once needs its bound:"
                        + " {guarantee: at-least-once, max: 1%} (the share of records that may arrive twice)");
            }
            double max = CheckSettings.fraction(params, "max");
            return List.of(new LedgerCheck("no-duplicates: at-least-once, max " + LedgerComparison.percent(max),
                    within(params), view -> HopReport.duplicated(view, LedgerComparison.atLeastOnce(view.summary(), max))));
        }
    }

    static String guarantee(Params params, List<String> choices, String defaultValue, String... otherKeys) {
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
        List<String> allowed = new java.util.ArrayList<>(List.of("guarantee", "within"));
        allowed.addAll(List.of(otherKeys));
        params.allowOnly(allowed);
        return params.choice("guarantee", choices, defaultValue);
    }

    static Duration within(Params params) {
        return params.isMapping() ? CheckSettings.within(params) : CheckSettings.DEFAULT_WITHIN;
    }
}
