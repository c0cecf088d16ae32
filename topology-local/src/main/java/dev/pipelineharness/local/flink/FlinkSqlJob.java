package dev.pipelineharness.local.flink;

import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.local.process.FreePorts;
import dev.pipelineharness.local.process.JavaProcessSpec;
import dev.pipelineharness.local.process.ManagedProcess;
import dev.pipelineharness.local.process.RuntimeClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline's Flink SQL running as one job on a MiniCluster in a child JVM
 * ({@code dev.pipelineharness.flinkrunner.FlinkSqlRunner} from runtime-flink).
 *
 * <p>All non-INSERT statements of the files run one by one, in order; all INSERT statements become one
 * statement set, so the pipeline is one job with one checkpoint. The job checkpoints every second,
 * exactly-once, into {@code <workDir>/checkpoints}, and keeps the checkpoints when it is cancelled or
 * its JVM dies, so {@link #restartFromLatestCheckpoint(Duration)} can bring it back as a restarted
 * deployment would. Readiness is Flink's own word: the job and every one of its tasks RUNNING in the
 * REST API.
 *
 * <p>Layout of {@code workDir}: {@code sql/} (the files as the child reads them), {@code checkpoints/},
 * {@code status.properties} (the child's progress), {@code tmp/} (the child's {@code java.io.tmpdir}).
 */
public final class FlinkSqlJob implements AutoCloseable {

    /**
     * Heap of the child JVM. Measured with the routing job: about 35 MB live in the old generation and
     * 60 MB of young garbage between collections; metaspace (planner, generated code) is another
     * ~105 MB outside the heap. A small initial heap keeps the RSS down, since the JVM would otherwise
     * commit 1/64 of the machine's memory up front.
     */
    static final List<String> MEMORY = List.of("-Xms64m", "-Xmx256m");
    private static final String RUNNER = "dev.pipelineharness.flinkrunner.FlinkSqlRunner";
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(15);

    private final String name;
    private final Path workDir;
    private final Path logFile;
    private final JobDirectory jobDirectory;
    private ManagedProcess process;
    private FlinkRestClient rest;
    private String jobId;
    private Duration lastStartToRunning;
    private Path restoredFrom;

    private FlinkSqlJob(String name, Path workDir, Path logFile, JobDirectory jobDirectory) {
        this.name = name;
        this.workDir = workDir;
        this.logFile = logFile;
        this.jobDirectory = jobDirectory;
    }

    /**
     * Starts a child JVM that runs the given SQL files as one job, and waits until the job is RUNNING.
     *
     * @param name             the component's name, used for the process and the Flink job
     * @param resolvedSqlFiles the pipeline's SQL files, placeholders already filled, in the order to run them
     * @param workDir          this job's own directory (SQL copy, checkpoints, status, temporary files)
     * @param logFile          where the child's output goes ({@code target/harness/logs/flink.log}, say)
     * @param timeout          bound on start-up until RUNNING
     * @throws ScenarioDefinitionException when Flink rejects a statement: names the file, line and Flink's message
     * @throws IllegalStateException       when the job does not reach RUNNING in time or fails; with the log tail
     */
    public static FlinkSqlJob submit(String name, List<PipelineFile> resolvedSqlFiles, Path workDir, Path logFile,
                                     Duration timeout) throws IOException {
        Objects.requireNonNull(name, "name");
        JobDirectory jobDirectory = JobDirectory.write(workDir.resolve("sql"), resolvedSqlFiles);
        Files.createDirectories(workDir.resolve("checkpoints"));
        FlinkSqlJob job = new FlinkSqlJob(name, workDir, logFile, jobDirectory);
        job.start(false, timeout);
        return job;
    }

    /** Flink's id of the job now running (a restart gives a new one). */
    public String jobId() {
        return jobId;
    }

    /**
     * The job's state as Flink's REST API reports it (CREATED, RUNNING, RESTARTING, FAILING, FAILED,
     * CANCELED, FINISHED ...), or {@code UNREACHABLE} when the child JVM does not answer (it was killed,
     * say).
     */
    public String state() {
        try {
            return rest.job(jobId).state();
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }

    /** How many checkpoints the running job completed so far (a restored job starts again from 0). */
    public long completedCheckpoints() {
        try {
            return rest.completedCheckpoints(jobId);
        } catch (IOException e) {
            throw new UncheckedIOException("Flink job " + name + " does not answer at " + rest.base(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for the checkpoints of " + name, e);
        }
    }

    /** Waits until the job, with all its tasks, is RUNNING as Flink's REST API reports it. */
    public void awaitReady(Duration timeout) {
        BoundedWait.until("Flink job " + name + " to be RUNNING", timeout, process,
                () -> rest.job(jobId).isRunning());
    }

    /** Waits until the running job has completed at least {@code count} checkpoints. */
    public void awaitCompletedCheckpoints(long count, Duration timeout) {
        BoundedWait.until("Flink job " + name + " to complete " + count + " checkpoint(s)", timeout, process,
                () -> rest.completedCheckpoints(jobId) >= count);
    }

    /** The REST API of the current child JVM, such as {@code http://127.0.0.1:40123/}; a restart changes the port. */
    public URI restUrl() {
        return rest.base();
    }

    /** The current child JVM, for its pid and RSS; a restart replaces it. */
    public ManagedProcess process() {
        return process;
    }

    /** How long the last start or restart took, from launching the JVM to the job and all its tasks RUNNING. */
    public Duration lastStartToRunning() {
        return lastStartToRunning;
    }

    /** The checkpoint the running job was restored from ({@code <workDir>/checkpoints/<old-job-id>/chk-N}); empty for a fresh start. */
    public Optional<Path> restoredFrom() {
        return Optional.ofNullable(restoredFrom);
    }

    /** SIGKILL of the child JVM, as in a crash: the job's last completed checkpoint stays on disk. */
    public void kill() {
        process.kill();
    }

    /**
     * Brings the job back from its newest complete checkpoint in a new child JVM (same SQL, same
     * directories), as a crashed deployment is restarted, and waits until it is RUNNING. A child JVM
     * still alive is stopped first (its job cancelled; the checkpoints are kept).
     */
    public void restartFromLatestCheckpoint(Duration timeout) throws IOException {
        stopChild();
        start(true, timeout);
    }

    /** Cancels the job (its checkpoints are kept) and stops the child JVM. */
    @Override
    public void close() {
        stopChild();
    }

    private void start(boolean restoreLatest, Duration timeout) throws IOException {
        int restPort = FreePorts.pick();
        Path statusFile = workDir.resolve("status.properties");
        Files.deleteIfExists(statusFile);
        JavaProcessSpec spec = JavaProcessSpec.of(name, RUNNER)
                .classpath(RuntimeClasspath.of("flink"))
                .jvmArg(MEMORY.get(0))
                .jvmArg(MEMORY.get(1))
                .jvmArg("-XX:+UseSerialGC")
                .jvmArg("-XX:TieredStopAtLevel=1")
                .jvmArg("-Dlog4j2.configurationFile=log4j2-flink-runner.xml")
                .workDirectory(workDir)
                .logFile(logFile)
                .args("--job-dir", workDir.resolve("sql").toString(),
                        "--checkpoint-dir", workDir.resolve("checkpoints").toString(),
                        "--rest-port", Integer.toString(restPort),
                        "--status-file", statusFile.toString(),
                        "--job-name", name);
        if (restoreLatest) {
            spec.args("--restore-latest");
        }
        long started = System.nanoTime();
        process = ManagedProcess.startJava(spec);
        rest = new FlinkRestClient(URI.create("http://127.0.0.1:" + restPort + "/"));
        jobId = null;
        try {
            awaitRunning(statusFile, timeout);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        lastStartToRunning = Duration.ofNanos(System.nanoTime() - started);
    }

    private void awaitRunning(Path statusFile, Duration timeout) {
        String what = "Flink job " + name + " to be RUNNING with all its tasks";
        try {
            BoundedWait.until(what, timeout, process, () -> {
                Optional<RunnerStatus> status = RunnerStatus.read(statusFile);
                if (status.isEmpty() || !status.get().isSettled()) {
                    return false;
                }
                if (status.get().isError()) {
                    return true;
                }
                jobId = status.get().get("jobId");
                FlinkRestClient.JobView job = rest.job(jobId);
                if (!job.isRunning() && !job.state().equals("CREATED") && !job.state().equals("RUNNING")) {
                    // RESTARTING, FAILING ...: the reason becomes the wait's "last error" if it never recovers
                    throw new IllegalStateException("job " + jobId + " is " + job.state() + ": " + rest.latestFailure(jobId));
                }
                return job.isRunning();
            });
        } catch (IllegalStateException e) {
            throwIfDefinitionError(statusFile);
            throwIfRunnerGaveUp(statusFile, e);
            throw e;
        }
        throwIfDefinitionError(statusFile);
        throwIfRunnerGaveUp(statusFile, null);
        RunnerStatus status = RunnerStatus.read(statusFile).orElseThrow();
        restoredFrom = status.get("restoredFrom") == null ? null : Path.of(status.get("restoredFrom"));
    }

    private void throwIfRunnerGaveUp(Path statusFile, RuntimeException cause) {
        Optional<RunnerStatus> status = RunnerStatus.read(statusFile);
        if (status.isPresent() && status.get().isError()) {
            throw new IllegalStateException("Flink job " + name + " did not start: " + status.get().phase() + ": "
                    + status.get().get("message") + System.lineSeparator() + "--- last lines of " + logFile
                    + System.lineSeparator() + process.logTail(30), cause);
        }
    }

    private void throwIfDefinitionError(Path statusFile) {
        Optional<RunnerStatus> status = RunnerStatus.read(statusFile);
        if (status.isPresent() && status.get().phase().equals(RunnerStatus.SQL_ERROR)) {
            RunnerStatus error = status.get();
            String problem = error.get("statement") == null
                    ? "Flink SQL: " + error.get("message")
                    : "Flink rejected the statement starting at line " + error.get("statementLine") + " ("
                            + error.get("statement") + "); Flink says (lines counted from the statement's start): "
                            + error.get("message");
            throw new ScenarioDefinitionException(
                    jobDirectory.locate(error.get("file"), error.getInt("line"), error.getInt("column")), null, problem);
        }
    }

    private void stopChild() {
        if (process == null) {
            return;
        }
        if (process.isAlive() && jobId != null) {
            try {
                rest.cancel(jobId);
                // the runner exits by itself once the job is cancelled and its MiniCluster is down
                process.awaitExit(CANCEL_GRACE);
            } catch (IOException e) {
                // not answering: stopping the JVM below is all that is left
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.close();
    }

    @Override
    public String toString() {
        return "Flink SQL job " + name + " (" + jobId + ", " + (process == null ? "not started" : process) + ")";
    }
}
