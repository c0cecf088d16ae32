package dev.pipelineharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelineharness.engine.fakes.FakeEvents;
import dev.pipelineharness.reports.ReportFiles;
import dev.pipelineharness.reports.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line from the outside, on the engine's fake topology: exit codes, output, reports, interrupts. */
class HarnessCliTest {

    private static final String FIXTURES = "src/test/resources/cli/";

    @TempDir
    Path reportDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HarnessCli.Context context;

    @BeforeEach
    void plainConsole() {
        FakeEvents.reset();
        context = new HarnessCli.Context(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new RunExecution.Console(false, 120),
                new Interrupts(new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private int harness(String command, String... arguments) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(arguments));
        if (!command.equals("list") && !command.equals("validate")) {
            args.addAll(List.of("--report-dir", reportDir.toString()));
        }
        // the machine's default host lock: the fake topology does not run on this machine, so these runs
        // take no turn there, and a fake fault scenario never waits for the real ones of the same build
        args.addAll(List.of("-D", "pipeline-harness.topology=fake",
                "-D", "pipeline-harness.check.poll-interval=20ms",
                "-D", "pipeline-harness.check.confirm=100ms", "-D", "pipeline-harness.reports.dir=target/harness-test"));
        return HarnessCli.execute(args.toArray(String[]::new), context);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void greenRunExitsZeroWithTimestampedProgressAndWritesTheReports() {
        assertThat(harness("run", FIXTURES + "green")).isZero();

        assertThat(output()).containsPattern("\\d\\d:\\d\\d:\\d\\d \\[1/1] Smoke \\(.*smoke.scenario.yaml, seed 7\\)")
                .containsPattern("\\d\\d:\\d\\d:\\d\\d \\[1/1] Smoke: generating")
                .contains("PASSED", "exit 0: all green");
        assertThat(reportDir.resolve(ReportFiles.HTML)).exists();
        assertThat(reportDir.resolve(ReportFiles.JUNIT)).exists();
    }

    @Test
    void failedCheckExitsOneAndNamesTheCheckAndTheFault() {
        assertThat(harness("run", FIXTURES + "red")).isEqualTo(ExitCodes.RED);

        assertThat(output()).contains("fault injected at", "pause east", "FAILED fake-check: min 100",
                "exit 1: a check failed");
    }

    @Test
    void badFileExitsTwoBeforeAnythingStarts() {
        assertThat(harness("run", FIXTURES + "bad")).isEqualTo(ExitCodes.BAD_INPUT);

        assertThat(errors()).contains("do not validate; nothing was started", "unknown-key.scenario.yaml:2",
                "unknown key 'expct'");
        assertThat(FakeEvents.all()).noneMatch(event -> event.startsWith("create"));
    }

    @Test
    void validateRejectsABadFileAndAcceptsGoodOnesWithoutStartingATopology() {
        assertThat(harness("validate", FIXTURES + "bad")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(harness("validate", FIXTURES + "green", FIXTURES + "red")).isZero();

        assertThat(output()).contains("2 scenario file(s) valid");
        assertThat(FakeEvents.all()).isEmpty();
    }

    @Test
    void listShowsScenariosTagsAndChecksWithoutStartingATopology() {
        assertThat(harness("list", FIXTURES + "green", FIXTURES + "red", "--tags", "routing")).isZero();

        assertThat(output()).contains("Failing check", "tags routing", "check     fake-check: min 100",
                "fault     pause east at 0ms for 50ms", "1 scenario(s), 2 check(s)").doesNotContain("Smoke");
        assertThat(FakeEvents.all()).isEmpty();
    }

    @Test
    void theShippedScenariosValidateOnEveryTopologyTheDocsName() {
        // docs/topologies.md: ./harness run -D pipeline-harness.topology=containers (or cloud); the command
        // line's own classpath must know each of them, or a user gets "unknown topology" instead of a run
        for (String topology : List.of("embedded", "containers", "cloud")) {
            out.reset();
            int exit = HarnessCli.execute(new String[] {"validate", "../scenarios/suite/routing-smoke.scenario.yaml",
                    "-D", "pipeline-harness.topology=" + topology}, context);
            assertThat(exit).as("validate on topology %s: %s%s", topology, output(), errors()).isZero();
        }
    }

    @Test
    void aRunWhoseTopologyCannotRunHereExitsThreeWithTheReason() {
        assertThat(harness("run", FIXTURES + "unavailable")).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(output()).contains("no Docker engine found").contains("exit 3: the topology could not start or cannot run here");
    }

    @Test
    void topologyThatCannotStartExitsThree() {
        assertThat(harness("run", FIXTURES + "green", "-D", "pipeline-harness.fake.fail-start=true"))
                .isEqualTo(ExitCodes.TOPOLOGY);
    }

    @Test
    void seedOverridesTheFilesSeedAndReplayUsesItAgain() {
        assertThat(harness("run", FIXTURES + "green", "--seed", "99")).isZero();
        RunRecord first = ReportFiles.lastRun(reportDir).orElseThrow();
        assertThat(first.scenarios()).extracting(RunRecord.ScenarioRecord::seed).containsExactly(99L);

        assertThat(harness("replay", first.runId())).isZero();
        RunRecord replayed = ReportFiles.lastRun(reportDir).orElseThrow();
        assertThat(replayed.runId()).isNotEqualTo(first.runId());
        assertThat(replayed.scenarios()).extracting(RunRecord.ScenarioRecord::seed).containsExactly(99L);
        assertThat(FakeEvents.all()).filteredOn(event -> event.startsWith("generate 10 seed ")).hasSize(2)
                .containsOnly(FakeEvents.all().stream().filter(event -> event.startsWith("generate 10 seed ")).findFirst().orElseThrow());
    }

    @Test
    void rerunFailedRunsOnlyTheScenariosThatWereRed() {
        assertThat(harness("run", FIXTURES + "green", FIXTURES + "red")).isEqualTo(ExitCodes.RED);

        assertThat(harness("rerun-failed")).isEqualTo(ExitCodes.RED);
        assertThat(ReportFiles.lastRun(reportDir).orElseThrow().scenarios())
                .extracting(RunRecord.ScenarioRecord::name).containsExactly("Failing check");
    }

    @Test
    void interruptHealsStopsEverythingAndStillWritesTheReport() throws Exception {
        AtomicInteger code = new AtomicInteger(-1);
        Thread cli = new Thread(() -> code.set(harness("run", FIXTURES + "slow")));
        cli.start();
        await("the slow generator to start").atMost(Duration.ofSeconds(30))
                .until(() -> FakeEvents.all().stream().anyMatch(event -> event.startsWith("inject pause east")));

        context.interrupts().trigger("SIGINT");
        cli.join(Duration.ofSeconds(30).toMillis());

        assertThat(cli.isAlive()).isFalse();
        assertThat(code.get()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(FakeEvents.all()).contains("heal pause east", "close fake");
        RunRecord run = ReportFiles.lastRun(reportDir).orElseThrow();
        assertThat(run.interrupted()).isTrue();
        assertThat(run.scenarios()).extracting(RunRecord.ScenarioRecord::status).containsExactly("INTERRUPTED");
        assertThat(Files.readString(reportDir.resolve(ReportFiles.HTML))).contains("INTERRUPTED");
        assertThat(errors()).contains("SIGINT: stopping cleanly");
    }

    @Test
    void interruptDuringTheChecksStopsAtOnceInsteadOfPollingToTheDeadline() throws Exception {
        AtomicInteger code = new AtomicInteger(-1);
        Thread cli = new Thread(() -> code.set(harness("run", FIXTURES + "checking")));
        cli.start();
        await("the checks to be polled").atMost(Duration.ofSeconds(30))
                .until(() -> output().contains("Output never complete: checking"));
        long interruptedAt = System.nanoTime();

        context.interrupts().trigger("SIGTERM");
        cli.join(Duration.ofSeconds(30).toMillis());

        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofSeconds(10));
        assertThat(code.get()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(ReportFiles.lastRun(reportDir).orElseThrow().scenarios())
                .extracting(RunRecord.ScenarioRecord::status).containsExactly("INTERRUPTED");
    }
}
