package dev.pipelineharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelineharness.engine.Constants;
import dev.pipelineharness.testkit.SharesTheMachine;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a fault, for real: {@code pipeline-harness run} of the broker-kill scenario on
 * the embedded topology in a JVM of its own, SIGINT once the broker is down. The run must heal the
 * fault, stop every process it started (brokers, PostgreSQL, Connect, Flink, MirrorMaker, DynamoDB
 * Local) and exit with 130, the interrupted scenario in its report. The class holds a shared turn at
 * the host lock, as the component ITs do: its topology never starts beside a build's scenario that runs
 * alone, while its own run takes no turn (see {@link #command()}).
 */
@ExtendWith(SharesTheMachine.class)
class InterruptedFaultRunIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String SCENARIO = "scenarios/faults/broker-kill-routing.scenario.yaml";

    @TempDir
    Path reports;
    private Process run;
    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        if (run != null && run.isAlive()) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    @Test
    void sigintDuringABrokerKillHealsStopsEveryProcessAndWritesTheReport() throws Exception {
        run = new ProcessBuilder(command()).directory(REPOSITORY.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> read(run), "harness-output");
        reader.setDaemon(true);
        reader.start();

        // the run starts its topology, then the broker kill (on a loaded machine this may take minutes)
        await("the broker-kill fault to be injected (output so far: " + tail() + ")")
                .atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(200))
                .until(() -> output.stream().anyMatch(line -> line.contains("fault injected")) || !run.isAlive());
        assertThat(run.isAlive()).as("the run is still going when the fault is in: %s", tail()).isTrue();
        List<ProcessHandle> started = run.descendants().toList();
        assertThat(started).as("processes the topology started").hasSizeGreaterThanOrEqualTo(5);

        String signal = interruptSignal();
        new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).inheritIO().start().waitFor();

        await("the interrupted run to exit (output: " + tail() + ")").atMost(Duration.ofMinutes(2))
                .until(() -> !run.isAlive());
        assertThat(run.exitValue()).as("exit code, output: %s", tail()).isEqualTo(ExitCodes.INTERRUPTED);
        await("every process the run started to be gone").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(started.stream().filter(ProcessHandle::isAlive)
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList()).isEmpty());
        assertThat(String.join("\n", output)).contains("SIG" + signal + ": stopping cleanly");
        assertThat(String.join("\n", output)).containsPattern("heal|healed");
        assertThat(Files.readString(reports.resolve("junit.xml"))).contains("Broker kill during routing");
        System.out.println("the interrupted run printed:\n" + String.join("\n", output));
    }

    /**
     * Ctrl-C's SIGINT, unless this build runs in the background of a non-interactive shell: such a
     * process and every child it starts ignore SIGINT from birth (and the JVM then cannot handle it),
     * so the run is stopped with SIGTERM, which the harness handles the same way.
     */
    private static String interruptSignal() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:") && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0) {
                System.out.println("SIGINT is ignored in this process tree (a background job): stopping the run with SIGTERM");
                return "TERM";
            }
        }
        return "INT";
    }

    private List<String> command() {
        // the child runs what ./harness runs: the command line and the runtime providers, without this
        // module's test fakes (whose 'pause' fault would clash with the real one)
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes") && !entry.endsWith("-tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.org.netcrusher=off",
                "-cp", classpath, HarnessCli.class.getName(), "run", SCENARIO, "--report-dir", reports.toString(),
                // No exclusive turn at the machine's host lock (this class holds a shared one): this run is
                // interrupted mid-fault, so no timing of it is judged, and its broker kill is on a topology of
                // its own. Its exclusive turn made the mutants, which start in the same minute, wait for it
                // (33 s in a fresh-clone verify).
                "-D", Constants.HOST_LOCK_PROPERTY_NAME + "=none"));
        return command;
    }

    private void read(Process process) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(output stopped: " + e.getMessage() + ")");
        }
    }

    private String tail() {
        List<String> lines = new ArrayList<>(output);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
