package dev.pipelineharness.engine.execution;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects each scenario's outcome and wall time, and prints the run's summary at the end. */
final class RunSummary {

    record Outcome(String scenario, String verdict, Duration took, String detail) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    synchronized void add(Outcome outcome) {
        outcomes.add(outcome);
    }

    synchronized void print(PrintStream out, String runId, Duration wallTime, Map<String, Duration> topologyStarts) {
        StringBuilder text = new StringBuilder();
        String nl = System.lineSeparator();
        text.append("pipeline-harness run ").append(runId).append(": ").append(outcomes.size()).append(" scenario(s) in ")
                .append(Durations.format(wallTime));
        topologyStarts.forEach((name, took) -> text.append(", topology ").append(name).append(" started in ")
                .append(Durations.format(took)));
        text.append(nl);
        for (Outcome outcome : outcomes) {
            text.append(String.format(java.util.Locale.ROOT, "  %-8s %8s  %s", outcome.verdict(),
                    Durations.format(outcome.took()), outcome.scenario()));
            if (!outcome.detail().isEmpty()) {
                text.append(" (").append(outcome.detail()).append(')');
            }
            text.append(nl);
        }
        out.print(text);
        out.flush();
    }
}
