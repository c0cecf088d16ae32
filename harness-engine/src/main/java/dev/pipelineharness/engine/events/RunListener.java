package dev.pipelineharness.engine.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Receives what a run does, as it happens. The engine finds listeners with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.pipelineharness.engine.events.RunListener}) and takes more through
 * {@code new PipelineHarnessTestEngine(listeners)}, which is how the command line adds its progress display.
 *
 * <p>Calls for one scenario come from the thread that runs that scenario, in order; scenarios running in
 * parallel call from their own threads, so an implementation must be thread-safe. {@link #checkSettled}
 * is called between the JUnit Platform's {@code executionStarted} and {@code executionFinished} of the
 * check's test, on the same thread, so a listener may attach things to that test (Allure does).
 * An exception thrown by a listener is printed and otherwise ignored: a report must not break a run.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface RunListener {

    default void runStarted(RunStarted run) {
    }

    default void scenarioStarted(ScenarioRef scenario) {
    }

    /** The scenario enters a phase; the previous one, if any, has ended. */
    default void phaseStarted(ScenarioRef scenario, Phase phase) {
    }

    default void timelineEvent(ScenarioRef scenario, TimelineEvent event) {
    }

    /** A figure published by a generator or fault ({@code generate[0].business-events.sent = 1000}). */
    default void figure(ScenarioRef scenario, String key, String value) {
    }

    default void checkSettled(ScenarioRef scenario, CheckResult check) {
    }

    default void scenarioFinished(ScenarioRef scenario, ScenarioResult result) {
    }

    default void runFinished(RunFinished run) {
    }
}
