package dev.pipelineharness.checks;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code recovery}: how long after the last heal the pipeline had caught up, printed in the verdict
 * and asserted with {@code recovery: {max: 30s}}. Caught up ({@link CatchUp}) is the later of: every
 * acknowledged record written before the heal has appeared at its destination, and the first record
 * written after the heal has appeared within the p99 latency of the records that arrived before the
 * first fault.
 */
public final class RecoveryCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "recovery";
    }

    @Override
    public List<Check> create(Params params) {
        Optional<Duration> max = Optional.empty();
        Duration within = CheckSettings.DEFAULT_WITHIN;
        if (!params.isNull()) {
            if (!params.isMapping()) {
                throw params.error("", "expected a mapping such as {max: 30s}");
            }
            params.allowOnly("max", "within");
            if (params.has("max")) {
                Duration value = params.duration("max");
                if (value.isNegative() || value.isZero()) {
                    throw params.error("max", "must be greater than 0");
                }
                max = Optional.of(value);
            }
            within = CheckSettings.within(params);
        }
        Optional<Duration> chosen = max;
        return List.of(new LedgerCheck("recovery" + chosen.map(value -> ": max " + Millis.format(value)).orElse(""),
                within, view -> judge(view, chosen), true));
    }

    static Verdict judge(LedgerView view, Optional<Duration> max) {
        if (view.faults().isEmpty()) {
            return Verdict.fail("recovery: the scenario injected no fault, so there is nothing to recover from",
                    "add a fault with 'for', or drop the recovery check");
        }
        if (view.faults().lastHeal().isEmpty()) {
            return Verdict.fail("recovery: a fault was still injected when the checks ran",
                    "a fault without 'for' is healed only after the checks; give every fault a 'for'");
        }
        long missing = view.stillMissing();
        if (missing > 0) {
            return Verdict.fail("recovery: not caught up, " + missing
                    + " acknowledged record(s) not at their destination yet", "waiting for the backlog to clear");
        }
        CatchUp catchUp = CatchUp.of(view);
        if (catchUp.neverBackToLevel()) {
            // the input may simply have ended before the pipeline was back to speed: say when it did
            return Verdict.fail("recovery: " + catchUp.describe(), "no record written after the heal reached its"
                    + " destination within the pre-fault p99: the pipeline was not back to its pre-fault speed by the"
                    + " end of the input, " + SlowestRecords.signed(catchUp.lastWriteAfterMillis()) + " after the heal;"
                    + " if it needs longer, generate for longer past the heal");
        }
        String summary = "recovery " + Millis.format(catchUp.recoveryMillis()) + " after the last heal: "
                + catchUp.describe();
        if (max.isPresent() && catchUp.recoveryMillis() > max.get().toMillis()) {
            return Verdict.fail(summary + "; above the maximum " + Millis.format(max.get()),
                    "recovery " + Millis.format(catchUp.recoveryMillis()) + " > " + Millis.format(max.get()));
        }
        return Verdict.pass(summary + max.map(value -> "; <= " + Millis.format(value)).orElse(""));
    }
}
