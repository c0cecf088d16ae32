package dev.pipelineharness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.pipelineharness.api.ScenarioSkipped;
import dev.pipelineharness.engine.execution.HostLockChild;
import dev.pipelineharness.engine.fakes.FakeEvents;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** Execution from the outside: events, failures, skips, the timeline and the check polling. */
class ExecutionTest {

    private static final String BEHAVIOUR = HarnessKit.BASE + "behaviour/";

    private static EngineExecutionResults run(String fixture) {
        return HarnessKit.run(selectClasspathResource(BEHAVIOUR + fixture + ".scenario.yaml"));
    }

    @Test
    void passingScenarioDeploysInItsOwnNamespaceAndSharesOneTopology() {
        EngineExecutionResults results = HarnessKit.run(
                selectClasspathResource(HarnessKit.BASE + "scenarios/smoke.scenario.yaml"),
                selectClasspathResource(HarnessKit.BASE + "scenarios/slow.scenario.yaml"));

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container(), displayName("Smoke"), finishedSuccessfully()))
                .haveExactly(1, event(container(), displayName("Slow one"), finishedSuccessfully()));
        assertThat(FakeEvents.all()).filteredOn(e -> e.startsWith("create") || e.startsWith("start") || e.startsWith("close fake"))
                .containsExactly("create fake", "start fake", "close fake");
        assertThat(FakeEvents.all()).filteredOn(e -> e.startsWith("deploy"))
                .hasSize(2)
                .anySatisfy(e -> assertThat(e).matches("deploy demo r[0-9a-z]{5}_smoke_\\d_"))
                .anySatisfy(e -> assertThat(e).matches("deploy slow_one r[0-9a-z]{5}_slow_one_\\d_"));
        assertThat(FakeEvents.all()).filteredOn(e -> e.startsWith("undeploy")).hasSize(2);
    }

    @Test
    void generatorSeedsDeriveFromTheScenarioSeedAndPosition() {
        HarnessKit.run(selectClasspathResource(HarnessKit.BASE + "scenarios/smoke.scenario.yaml"));
        // seed 7: splitMix64(7 + 1 * gamma) and splitMix64(7 + 2 * gamma), the documented formula
        assertThat(FakeEvents.all()).filteredOn(e -> e.startsWith("generate"))
                .containsExactlyInAnyOrder("generate 6 seed " + splitMix64(7 + 0x9E3779B97F4A7C15L),
                        "generate 4 seed " + splitMix64(7 + 2 * 0x9E3779B97F4A7C15L));
    }

    private static long splitMix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Test
    void failingCheckReportsTheLastVerdictAndTheOtherCheckStillPasses() {
        EngineExecutionResults results = run("failing-check");

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(), displayName("fake-check: min 100"), finishedWithFailure(
                        instanceOf(AssertionFailedError.class),
                        message("expected at least 100 records, got 1" + System.lineSeparator() + "missing: 99"
                                + System.lineSeparator() + "(not satisfied within 200ms after the timeline ended; whether the"
                                + " pipeline had drained is unknown: this topology does not measure its pipeline's backlog)"))))
                .haveExactly(1, event(test(), displayName("fake-check: min 1"), finishedSuccessfully()));
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container(), displayName("Failing check"), finishedSuccessfully()));
    }

    @Test
    void aFailingCheckIsSettledBeforeItsDeadlineOnceThePipelineHasDrainedAndTheVerdictStopsChanging() {
        EngineExecutionResults results = HarnessKit.engine(Map.of("pipeline-harness.fake.backlog", "drained",
                        Constants.CHECK_DRAINED_SETTLE_PROPERTY_NAME, "100ms"))
                .selectors(selectClasspathResource(BEHAVIOUR + "drained-failing-check.scenario.yaml")).execute();

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(), displayName("fake-check: min 100"), finishedWithFailure(message(m ->
                        m.startsWith("expected at least 100 records, got 1" + System.lineSeparator() + "missing: 99")
                                && m.matches("(?s).*\\(settled after [0-9.]+m?s of its 30s: the pipeline had drained \\(fake: every"
                                + " group at the end of its input\\) and neither that nor this verdict changed for 100ms, so"
                                + " waiting longer could not change it\\)")))))
                .haveExactly(1, event(test(), displayName("fake-check: min 1"), finishedSuccessfully()));
    }

    @Test
    void aConclusiveFailureFailsAtOnceInsteadOfWaitingOutTheDeadline() {
        EngineExecutionResults results = run("conclusive-failure");

        results.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName("fake-check: min 100"),
                finishedWithFailure(message(m -> m.matches("(?s)expected at least 100 records, got 1.*\\(settled after"
                        + " [0-9.]+m?s of its 30s: the check judged its failure conclusive, so waiting could not change it\\)")))));
    }

    @Test
    void aFailingCheckWaitsItsWholeDeadlineWhileThePipelineStillHasInput() {
        EngineExecutionResults results = HarnessKit.engine(Map.of("pipeline-harness.fake.backlog", "in-flight",
                        Constants.CHECK_DRAINED_SETTLE_PROPERTY_NAME, "20ms"))
                .selectors(selectClasspathResource(BEHAVIOUR + "failing-check.scenario.yaml")).execute();

        results.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName("fake-check: min 100"),
                finishedWithFailure(message(m -> m.endsWith("(not satisfied within 200ms after the timeline ended;"
                        + " the pipeline had not drained: fake: 5 records behind)")))));
    }

    @Test
    void underFaultsAFailingCheckWaitsItsWholeDeadlineEvenOnADrainedPipeline() {
        EngineExecutionResults results = HarnessKit.engine(Map.of("pipeline-harness.fake.backlog", "drained",
                        Constants.CHECK_DRAINED_SETTLE_PROPERTY_NAME, "20ms"))
                .selectors(selectClasspathResource(BEHAVIOUR + "drained-failing-check-under-fault.scenario.yaml")).execute();

        results.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName("fake-check: min 100"),
                finishedWithFailure(message(m -> m.endsWith("(not satisfied within 300ms after the timeline ended)")))));
    }

    @Test
    void checkIsPolledUntilItPassesThenConfirmed() {
        EngineExecutionResults results = run("eventually");

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        // passes at the 4th evaluation, then about 100ms / 20ms more evaluations to confirm it
        assertThat(FakeEvents.all()).anySatisfy(e -> assertThat(e).matches("close check fake-check: min 3 after ([6-9]|1\\d) evaluation\\(s\\)"));
    }

    @Test
    void checkThatFailsDuringTheConfirmationPeriodFails() {
        EngineExecutionResults results = run("flapping");

        results.testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(m -> m.startsWith(
                "expected a stable count, but evaluation 3 saw a duplicate" + System.lineSeparator() + "extra: key-7"
                        + System.lineSeparator() + "(passed after ")
                && m.endsWith("but failed during the 100ms confirmation period)")))));
    }

    @Test
    void unsupportedFaultSkipsTheScenarioWithoutStartingTheTopology() {
        EngineExecutionResults results = run("unsupported-fault");

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(), displayName("Unsupported fault"),
                skippedWithReason("topology 'fake' cannot inject fault teleport (it supports: pause)")));
        results.testEvents().assertStatistics(stats -> stats.started(0).succeeded(0));
        assertThat(FakeEvents.all()).doesNotContain("start fake");
    }

    @Test
    void unavailableTopologySkipsWithItsReason() {
        EngineExecutionResults results = run("unavailable");

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(), displayName("Needs Docker"),
                skippedWithReason("topology 'unavailable' is not available: no Docker engine found")));
    }

    @Test
    void faultsAreInjectedAndHealedOnTheGeneratorsClock() {
        EngineExecutionResults results = run("faults");

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(FakeEvents.all()).filteredOn(e -> e.startsWith("inject") || e.startsWith("heal") || e.startsWith("undeploy"))
                .containsExactly("inject pause east", "inject pause west", "heal pause east", "heal pause west",
                        FakeEvents.all().stream().filter(e -> e.startsWith("undeploy")).findFirst().orElseThrow());
        // the checks see each fault's window; the second fault has no 'for', so it is healed only after them
        assertThat(FakeEvents.all()).contains("fault windows seen by the check: "
                + "[fault[0].pause pause east healed, fault[1].pause pause west still injected]");
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .flatMap(e -> e.getPayload(ReportEntry.class).stream())
                .flatMap(entry -> entry.getKeyValuePairs().keySet().stream()))
                .contains("fault[0].pause.injected", "fault[0].pause.healed", "generate[0].counter.written", "time.deploy",
                        "time.timeline", "time.checks", "seed", "namespace");
    }

    /** A connector restarted while its pause was still waiting to be healed once waited two minutes for it to run. */
    @Test
    void aHealDueBeforeTheNextFaultComesFirstThoughItsInjectionWasSlow() {
        EngineExecutionResults results = run("slow-injection");

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(FakeEvents.all()).filteredOn(e -> e.startsWith("inject") || e.startsWith("heal"))
                .containsExactly("inject pause slow-east", "heal pause slow-east", "inject pause west", "heal pause west");
    }

    @Test
    void generatorFailureFailsTheScenarioAndSkipsItsChecks(@TempDir Path logs) throws IOException {
        Path log = Files.writeString(logs.resolve("broker.log"), "line 1\nERROR fenced by epoch 3\n");
        EngineExecutionResults results = HarnessKit.engine(Map.of("pipeline-harness.fake.log", log.toString()))
                .selectors(selectClasspathResource(BEHAVIOUR + "generator-fails.scenario.yaml")).execute();

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(), displayName("Generator fails"),
                finishedWithFailure(message(m -> m.startsWith("generate[0] counter failed (" + BEHAVIOUR
                        + "generator-fails.scenario.yaml:3:5): java.lang.IllegalStateException: producer was fenced")
                        && m.contains("ERROR fenced by epoch 3")))));
        results.testEvents().assertStatistics(stats -> stats.skipped(1).started(0));
        assertThat(FakeEvents.all()).anySatisfy(e -> assertThat(e).startsWith("undeploy"));
    }

    @Test
    void generationPastTheScenarioTimeoutIsInterruptedAndFails() {
        long start = System.nanoTime();
        run("slow-generator").containerEvents().assertThatEvents().haveExactly(1, event(container(), displayName("Slow generator"),
                finishedWithFailure(message("generation did not finish within 200ms: generate[0] counter: 1 was still running"))));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(3));
    }

    @Test
    void deployFailureIsReportedOnTheScenario() {
        run("undeployable").containerEvents().assertThatEvents().haveExactly(1, event(container(), displayName("Undeployable"),
                finishedWithFailure(message("deploying pipeline 'undeployable' failed: java.lang.IllegalStateException: Flink rejected the statement"))));
    }

    @Test
    void aDeploymentThatSaysItCanVerifyNothingEndsTheScenarioSkippedWithItsReasonNotFailed() {
        EngineExecutionResults results = run("plan-only");

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(), displayName("Plan only"),
                abortedWithReason(instanceOf(ScenarioSkipped.class),
                        message("plan mode: 3 calls written to target/plan.txt"))));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertThatEvents().haveExactly(1, event(test(),
                skippedWithReason("not evaluated: plan mode: 3 calls written to target/plan.txt")));
        results.testEvents().assertStatistics(stats -> stats.started(0).failed(0).skipped(1));
    }

    @Test
    void topologyStartFailureFailsEveryScenarioThatNeedsIt() {
        EngineExecutionResults results = HarnessKit.engine(Map.of("pipeline-harness.fake.fail-start", "true"))
                .selectors(selectClasspathResource(HarnessKit.BASE + "scenarios/smoke.scenario.yaml"),
                        selectClasspathResource(HarnessKit.BASE + "scenarios/slow.scenario.yaml"))
                .execute();

        results.containerEvents().assertThatEvents().haveExactly(2, event(container(), finishedWithFailure(
                message("topology 'fake' failed to start: java.lang.IllegalStateException: broker did not come up"))));
        assertThat(FakeEvents.all()).filteredOn("start fake"::equals).hasSize(1);
        assertThat(FakeEvents.all()).contains("close fake");
    }

    @Test
    void scenariosCanRunInParallel() {
        EngineExecutionResults results = HarnessKit.engine(Map.of(Constants.PARALLELISM_PROPERTY_NAME, "2"))
                .selectors(selectClasspathResource(HarnessKit.BASE + "scenarios/smoke.scenario.yaml"),
                        selectClasspathResource(HarnessKit.BASE + "scenarios/slow.scenario.yaml"),
                        selectClasspathResource(HarnessKit.BASE + "scenarios/nested/other.scenario.yaml"))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.succeeded(5).failed(0));
        assertThat(FakeEvents.all()).filteredOn("start fake"::equals).hasSize(1);
    }

    @Test
    void aScenarioFaultingSharedComponentsRunsAloneWhileOthersRunInParallel(@TempDir Path dir) {
        Path hostLock = dir.resolve("host.lock");
        EngineExecutionResults results = HarnessKit.engine(Map.of(Constants.PARALLELISM_PROPERTY_NAME, "3",
                        Constants.HOST_LOCK_PROPERTY_NAME, hostLock.toString(),
                        "pipeline-harness.fake.runs-on-this-machine", "true"))
                .selectors(selectClasspathResource(HarnessKit.BASE + "scenarios/smoke.scenario.yaml"),
                        selectClasspathResource(BEHAVIOUR + "faults.scenario.yaml"),
                        selectClasspathResource(HarnessKit.BASE + "scenarios/slow.scenario.yaml"))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.failed(0));
        List<String> lifecycle = FakeEvents.all().stream()
                .filter(e -> e.startsWith("deploy ") || e.startsWith("undeploy ")).toList();
        int deployed = indexOf(lifecycle, "pause_during_generation", "deploy ");
        int undeployed = indexOf(lifecycle, "pause_during_generation", "undeploy ");
        assertThat(lifecycle.subList(deployed + 1, undeployed)).as("while the faulting scenario ran: %s", lifecycle)
                .isEmpty();
        assertThat(lifecycle.subList(0, deployed)).as("nothing else was still deployed when it started: %s", lifecycle)
                .filteredOn(e -> e.startsWith("deploy ")).hasSameSizeAs(
                        lifecycle.subList(0, deployed).stream().filter(e -> e.startsWith("undeploy ")).toList());
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .flatMap(e -> e.getPayload(ReportEntry.class).stream())
                .flatMap(entry -> entry.getKeyValuePairs().entrySet().stream())
                .filter(entry -> entry.getKey().equals("runs-alone")).map(Map.Entry::getValue))
                .containsExactly("fault[0] pause east disturbs every scenario on topology 'fake'; alone on this machine"
                        + " too, among pipeline-harness runs (" + hostLock.toAbsolutePath() + ")");
    }

    @Test
    void runsOnATopologyThatDoesNotRunOnThisMachineTakeNoTurnThere(@TempDir Path dir) throws Exception {
        Path hostLock = dir.resolve("host.lock");
        // another run holds the machine's exclusive turn for longer than this test waits
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HostLockChild.class.getName(), hostLock.toString(),
                "exclusive", "300000").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var lines = new BufferedReader(new InputStreamReader(other.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).as("the other run's exclusive turn").isEqualTo("granted");

            // the fake topology starts nothing: its scenarios, the one that runs alone too, do not wait
            CompletableFuture<EngineExecutionResults> run = CompletableFuture
                    .supplyAsync(() -> HarnessKit.engine(Map.of(Constants.PARALLELISM_PROPERTY_NAME, "2",
                                    Constants.HOST_LOCK_PROPERTY_NAME, hostLock.toString(),
                                    Constants.HOST_LOCK_TIMEOUT_PROPERTY_NAME, "5m"))
                            .selectors(selectClasspathResource(HarnessKit.BASE + "scenarios/smoke.scenario.yaml"),
                                    selectClasspathResource(BEHAVIOUR + "faults.scenario.yaml"))
                            .execute());
            EngineExecutionResults results = run.get(60, TimeUnit.SECONDS);

            results.testEvents().assertStatistics(stats -> stats.failed(0));
            assertThat(results.allEvents().reportingEntryPublished().stream()
                    .flatMap(e -> e.getPayload(ReportEntry.class).stream())
                    .flatMap(entry -> entry.getKeyValuePairs().entrySet().stream())
                    .filter(entry -> entry.getKey().equals("runs-alone")).map(Map.Entry::getValue))
                    .containsExactly("fault[0] pause east disturbs every scenario on topology 'fake'");
        } finally {
            other.destroy();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int indexOf(List<String> events, String scenario, String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix) && events.get(i).contains(scenario)) {
                return i;
            }
        }
        throw new AssertionError("no '" + prefix + "' event of " + scenario + " in " + events);
    }
}
