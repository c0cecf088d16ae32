package dev.pipelineharness.engine.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every run event as one line, for assertions on their order. */
public final class RecordingRunListener implements RunListener {

    public final List<String> lines = new CopyOnWriteArrayList<>();
    public final List<CheckResult> checks = new CopyOnWriteArrayList<>();
    public final List<ScenarioResult> results = new CopyOnWriteArrayList<>();
    public final List<ScenarioRef> scenarios = new CopyOnWriteArrayList<>();

    @Override
    public void runStarted(RunStarted run) {
        lines.add("run started " + run.scenarios() + " override " + run.seedOverride());
    }

    @Override
    public void scenarioStarted(ScenarioRef scenario) {
        scenarios.add(scenario);
        lines.add("scenario " + scenario.name() + " seed " + scenario.seed());
    }

    @Override
    public void phaseStarted(ScenarioRef scenario, Phase phase) {
        lines.add("phase " + phase);
    }

    @Override
    public void timelineEvent(ScenarioRef scenario, TimelineEvent event) {
        lines.add(event.kind() + " " + event.name() + ": " + event.detail());
    }

    @Override
    public void checkSettled(ScenarioRef scenario, CheckResult check) {
        checks.add(check);
        lines.add("check " + check.name() + (check.passed() ? " passed" : " failed"));
    }

    @Override
    public void scenarioFinished(ScenarioRef scenario, ScenarioResult result) {
        results.add(result);
        lines.add("finished " + scenario.name() + " " + result.status());
    }

    @Override
    public void runFinished(RunFinished run) {
        lines.add("run finished interrupted=" + run.interrupted());
    }
}
