package dev.pipelineharness.engine.execution;

import dev.pipelineharness.engine.events.CheckResult;
import dev.pipelineharness.engine.events.Phase;
import dev.pipelineharness.engine.events.RunFinished;
import dev.pipelineharness.engine.events.RunListener;
import dev.pipelineharness.engine.events.RunStarted;
import dev.pipelineharness.engine.events.ScenarioRef;
import dev.pipelineharness.engine.events.ScenarioResult;
import dev.pipelineharness.engine.events.TimelineEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every {@link RunListener} of a run as one: a listener that throws is reported on stderr and the run
 * goes on, because a broken report must not turn a green run red or leave a fault injected.
 */
final class RunListeners implements RunListener {

    private final List<RunListener> listeners;

    RunListeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(String what, Consumer<RunListener> call) {
        for (RunListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                System.err.println("pipeline-harness: run listener " + listener.getClass().getName() + " failed on "
                        + what + ": " + e);
            }
        }
    }

    @Override
    public void runStarted(RunStarted run) {
        each("runStarted", listener -> listener.runStarted(run));
    }

    @Override
    public void scenarioStarted(ScenarioRef scenario) {
        each("scenarioStarted", listener -> listener.scenarioStarted(scenario));
    }

    @Override
    public void phaseStarted(ScenarioRef scenario, Phase phase) {
        each("phaseStarted", listener -> listener.phaseStarted(scenario, phase));
    }

    @Override
    public void timelineEvent(ScenarioRef scenario, TimelineEvent event) {
        each("timelineEvent", listener -> listener.timelineEvent(scenario, event));
    }

    @Override
    public void figure(ScenarioRef scenario, String key, String value) {
        each("figure", listener -> listener.figure(scenario, key, value));
    }

    @Override
    public void checkSettled(ScenarioRef scenario, CheckResult check) {
        each("checkSettled", listener -> listener.checkSettled(scenario, check));
    }

    @Override
    public void scenarioFinished(ScenarioRef scenario, ScenarioResult result) {
        each("scenarioFinished", listener -> listener.scenarioFinished(scenario, result));
    }

    @Override
    public void runFinished(RunFinished run) {
        each("runFinished", listener -> listener.runFinished(run));
    }
}
