package dev.pipelineharness.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.engine.events.CheckResult;
import dev.pipelineharness.engine.events.Phase;
import dev.pipelineharness.engine.events.RunListener;
import dev.pipelineharness.engine.events.ScenarioRef;
import dev.pipelineharness.engine.events.ScenarioResult;
import dev.pipelineharness.engine.events.TimelineEvent;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Gives Allure what a YAML-backed engine cannot give it through class sources. {@code allure-junit-platform}
 * writes a result per check (it listens to any JUnit Platform engine); this listener adds, to the result of
 * the check being settled, the labels (suite = the scenario file's folder, sub-suite = the scenario, its
 * tags, severity), one step per phase, generator, fault and heal with their real start and stop times,
 * the check's own step, and the diff and the timeline as attachments.
 *
 * <p>It finds the check's result through Allure's current test case, which is bound to the thread that
 * started it: the engine settles a check on the thread of its scenario between the JUnit events that
 * start and finish the check's test, so with scenarios in parallel each lands on its own test.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class AllureRunListener implements RunListener {

    private static final Set<String> REPLACED = Set.of("suite", "subSuite", "parentSuite", "severity", "tag");

    private record Step(String name, long start, long stop, Status status, String detail) {
    }

    /** What happened so far in each running scenario, by unique id; kept until the scenario finishes. */
    private final Map<String, ScenarioSteps> scenarios = new ConcurrentHashMap<>();

    private static final class ScenarioSteps {
        final List<Step> done = new ArrayList<>();
        final Map<String, Long> generatorsStarted = new java.util.HashMap<>();
        final Map<String, Long> faultsInjected = new java.util.HashMap<>();
        final StringBuilder timeline = new StringBuilder();
        Phase phase;
        long phaseStart;
    }

    @Override
    public void scenarioStarted(ScenarioRef scenario) {
        scenarios.put(scenario.uniqueId(), new ScenarioSteps());
    }

    @Override
    public void phaseStarted(ScenarioRef scenario, Phase phase) {
        ScenarioSteps steps = steps(scenario);
        synchronized (steps) {
            long now = System.currentTimeMillis();
            closePhase(steps, now);
            steps.phase = phase;
            steps.phaseStart = now;
        }
    }

    private static void closePhase(ScenarioSteps steps, long now) {
        if (steps.phase != null && steps.phase != Phase.CHECKS) {
            steps.done.add(new Step(steps.phase.label(), steps.phaseStart, now, Status.PASSED, ""));
        }
    }

    @Override
    public void timelineEvent(ScenarioRef scenario, TimelineEvent event) {
        ScenarioSteps steps = steps(scenario);
        long now = System.currentTimeMillis();
        synchronized (steps) {
            steps.timeline.append(String.format(java.util.Locale.ROOT, "%8d ms  %-18s %s: %s%n", event.at().toMillis(),
                    event.kind(), event.name(), event.detail()));
            String key = event.name() + "|" + event.detail();
            switch (event.kind()) {
                case GENERATOR_STARTED -> steps.generatorsStarted.put(event.name(), now);
                case GENERATOR_FINISHED, GENERATOR_FAILED -> steps.done.add(new Step(event.name() + ": " + event.detail(),
                        steps.generatorsStarted.getOrDefault(event.name(), now), now,
                        event.kind() == TimelineEvent.Kind.GENERATOR_FAILED ? Status.BROKEN : Status.PASSED, event.detail()));
                case FAULT_INJECTED -> steps.faultsInjected.put(key, now);
                case FAULT_HEALED -> {
                    Long injected = steps.faultsInjected.remove(key);
                    steps.done.add(new Step("fault " + event.name() + ": " + event.detail() + " (injected at "
                            + (injected == null ? "?" : "+" + (injected - steps.phaseStart) + " ms") + ", then healed)",
                            injected == null ? now : injected, now, Status.PASSED, event.detail()));
                }
                case FAULT_FAILED -> steps.done.add(new Step("fault " + event.name() + ": " + event.detail(), now, now,
                        Status.BROKEN, event.detail()));
                case FAULT_EVIDENCE -> steps.done.add(new Step("evidence of " + event.name() + ": " + event.detail(), now,
                        now, Status.PASSED, event.detail()));
                default -> { }
            }
        }
    }

    @Override
    public void checkSettled(ScenarioRef scenario, CheckResult check) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        Optional<String> test = lifecycle.getCurrentTestCase();
        if (test.isEmpty()) {
            return; // Allure is not listening to this run
        }
        ScenarioSteps steps = steps(scenario);
        List<Step> history;
        String timeline;
        long now = System.currentTimeMillis();
        synchronized (steps) {
            history = new ArrayList<>(steps.done);
            steps.faultsInjected.forEach((key, injected) -> history.add(new Step("fault " + key.replace('|', ':')
                    + " (still injected)", injected, now, Status.PASSED, "")));
            timeline = steps.timeline.toString();
        }
        history.sort(java.util.Comparator.comparingLong(Step::start));
        lifecycle.updateTestCase(test.get(), result -> {
            result.getLabels().removeIf(label -> REPLACED.contains(label.getName()));
            result.getLabels().add(label("parentSuite", "pipeline-harness"));
            result.getLabels().add(label("suite", scenario.folder().isEmpty() ? scenario.file() : scenario.folder()));
            result.getLabels().add(label("subSuite", scenario.name()));
            result.getLabels().add(label("severity", scenario.tags().contains("smoke") ? "critical" : "normal"));
            scenario.tags().forEach(tag -> result.getLabels().add(label("tag", tag)));
            result.setFullName(scenario.file() + " \u203a " + check.name());
            for (Step step : history) {
                result.getSteps().add(new StepResult().setName(step.name()).setStart(step.start()).setStop(step.stop())
                        .setStatus(step.status()));
            }
        });
        String checkStep = UUID.randomUUID().toString();
        lifecycle.startStep(test.get(), checkStep, new StepResult().setName("check " + check.name() + ": " + check.summary())
                .setStart(now - check.settledAfter().toMillis())
                .setStatus(check.passed() ? Status.PASSED : Status.FAILED)
                .setStatusDetails(check.passed() ? null : new StatusDetails().setMessage(check.summary()).setTrace(check.message())));
        if (!check.passed()) {
            attach(lifecycle, "diff", check.details().isBlank() ? check.message() : check.details());
        }
        lifecycle.stopStep(checkStep);
        if (!timeline.isEmpty()) {
            attach(lifecycle, "timeline", timeline);
        }
    }

    @Override
    public void scenarioFinished(ScenarioRef scenario, ScenarioResult result) {
        scenarios.remove(scenario.uniqueId());
    }

    private ScenarioSteps steps(ScenarioRef scenario) {
        return scenarios.computeIfAbsent(scenario.uniqueId(), id -> new ScenarioSteps());
    }

    private static void attach(AllureLifecycle lifecycle, String name, String text) {
        lifecycle.addAttachment(name, "text/plain", ".txt",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }
}
