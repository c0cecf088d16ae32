package dev.pipelineharness.checks;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.FaultWindows;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code latency}: end-to-end latency percentiles (p50, p95, p99, max) per phase of the fault timeline
 * (before the first fault, during, after the last heal), printed in the verdict, with optional
 * maxima: {@code latency: {p99: {max: 2s}, phase: after}}. Judged once every acknowledged record has
 * reached its destination (until then the figures would leave out the slowest).
 */
public final class LatencyCheckProvider implements CheckProvider {

    static final List<String> STATISTICS = List.of("p50", "p95", "p99", "max");
    static final List<String> PHASES = List.of("before", "during", "after", PhaseLatencies.ALL);

    /**
     * A latency this far below zero means the destination's timestamps are not the time the record
     * arrived (a producer that copied the input's or the event's time into the output record).
     */
    static final long CLOCK_TOLERANCE_MILLIS = 1000;

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public List<Check> create(Params params) {
        Map<String, Duration> maxima = new LinkedHashMap<>();
        String phase = PhaseLatencies.ALL;
        Duration within = CheckSettings.DEFAULT_WITHIN;
        if (!params.isNull()) {
            if (!params.isMapping()) {
                throw params.error("", "expected a mapping such as {p99: {max: 2s}, phase: after}");
            }
            List<String> allowed = new ArrayList<>(STATISTICS);
            allowed.addAll(List.of("phase", "within"));
            params.allowOnly(allowed);
            for (String statistic : STATISTICS) {
                if (params.has(statistic)) {
                    Params threshold = params.params(statistic);
                    threshold.allowOnly("max");
                    Duration max = threshold.duration("max");
                    if (max.isNegative() || max.isZero()) {
                        throw threshold.error("max", "must be greater than 0");
                    }
                    maxima.put(statistic, max);
                }
            }
            phase = params.choice("phase", PHASES, PhaseLatencies.ALL);
            within = CheckSettings.within(params);
        }
        String chosenPhase = phase;
        String description = "latency" + (maxima.isEmpty() ? "" : ": " + thresholds(maxima, chosenPhase));
        return List.of(new LedgerCheck(description, within, view -> judge(view, maxima, chosenPhase), true));
    }

    private static String thresholds(Map<String, Duration> maxima, String phase) {
        List<String> parts = new ArrayList<>();
        maxima.forEach((statistic, max) -> parts.add(statistic + " <= " + Millis.format(max)));
        return String.join(", ", parts) + " (" + phase + ")";
    }

    static Verdict judge(LedgerView view, Map<String, Duration> maxima, String phase) {
        PhaseLatencies latencies = PhaseLatencies.of(view);
        String figures = "latency (" + view.timestampSource() + "): " + latencies.describe();
        long missing = view.stillMissing();
        if (missing > 0) {
            return Verdict.fail("latency: " + missing + " acknowledged record(s) not at their destination yet",
                    "the percentiles are judged once every acknowledged record has arrived; so far " + figures);
        }
        Optional<PhaseLatencies.Figures> overall = latencies.figures(PhaseLatencies.ALL);
        if (overall.isPresent() && overall.get().min() < -CLOCK_TOLERANCE_MILLIS) {
            return Verdict.fail("latency: destination timestamps precede the writes by up to "
                    + Millis.format(-overall.get().min()), "the output records' timestamps ("
                    + view.timestampSource() + ") are not when they arrived: the pipeline's producer sets them"
                    + " (from the input record or an event-time column). Give the output topics"
                    + " configs: {message.timestamp.type: LogAppendTime} so the broker stamps them. " + figures);
        }
        List<String> passed = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        Optional<PhaseLatencies.Figures> judged = latencies.figures(phase);
        for (Map.Entry<String, Duration> threshold : maxima.entrySet()) {
            if (judged.isEmpty()) {
                violations.add("phase '" + phase + "' holds no record to judge " + threshold.getKey()
                        + phaseHint(view.faults(), phase));
                continue;
            }
            long value = judged.get().get(threshold.getKey());
            String line = threshold.getKey() + " " + phase + " " + Millis.format(value);
            if (value > threshold.getValue().toMillis()) {
                violations.add(line + " is above the maximum " + Millis.format(threshold.getValue()));
            } else {
                passed.add(line + " <= " + Millis.format(threshold.getValue()));
            }
        }
        if (!violations.isEmpty()) {
            return Verdict.fail(figures + "; " + String.join("; ", violations),
                    String.join(System.lineSeparator(), violations) + System.lineSeparator()
                            + SlowestRecords.describe(view, phase, 5));
        }
        return Verdict.pass(figures + (passed.isEmpty() ? "" : "; " + String.join(", ", passed)));
    }

    private static String phaseHint(FaultWindows faults, String phase) {
        if (faults.isEmpty() && !phase.equals("before") && !phase.equals(PhaseLatencies.ALL)) {
            return " (the scenario injected no fault: every record is 'before')";
        }
        if (phase.equals("after") && faults.lastHeal().isEmpty()) {
            return " (a fault was never healed before the checks, so there is no 'after')";
        }
        return " (no record was written in it: does generation last past the fault?)";
    }
}
