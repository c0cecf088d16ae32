package dev.pipelineharness.local.flink;

import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.local.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline's Flink SQL running as one job on the run's {@link FlinkSessionCluster} ({@link #submitTo}),
 * planned in the session's JVM.
 *
 * <p>All non-INSERT statements of the files run one by one, in order; all INSERT statements become one
 * statement set, so the pipeline is one job with one checkpoint. The job checkpoints every second,
 * exactly-once, into {@code <workDir>/checkpoints}, and keeps the checkpoints when it is cancelled
 * or fails, so {@link #restartFromLatestCheckpoint(Duration)} can bring it back as a restarted
 * deployment would. Readiness is Flink's own word: the job and every one of its tasks RUNNING in the
 * REST API.
 *
 * <p>The session's JVM is shared, so the faults are the job's, not a process's: a job is killed by
 * cancelling it abruptly (no savepoint, its open Kafka transactions left to be aborted, its
 * checkpoints kept) and paused by stopping it with a savepoint, which {@link #resume(Duration)}
 * restores. {@link #restartFromLatestCheckpoint(Duration)} brings it back from its newest complete
 * checkpoint.
 *
 * <p>Layout of {@code workDir}: {@code sql/} (the files as the session reads them), {@code checkpoints/},
 * {@code status.properties} (the session's answer to the submission), {@code savepoints/} (a paused job's).
 */
public final class FlinkSqlJob implements AutoCloseable {

    private static final Duration CANCEL_GRACE = Duration.ofSeconds(15);

    private final String name;
    private final Path workDir;
    private final Path logFile;
    private final JobDirectory jobDirectory;
    private final FlinkSessionCluster session;
    /** {@code ${secret.NAME}} values for the SQL on disk, handed to Flink in memory only; never in a message. */
    private final Map<String, String> secrets;
    private final ManagedProcess process;
    private final FlinkRestClient rest;
    private String jobId;
    private Duration lastStartToRunning;
    private Path restoredFrom;
    private Path pausedAt;

    private FlinkSqlJob(String name, Path workDir, Path logFile, JobDirectory jobDirectory, FlinkSessionCluster session,
                        Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
        this.name = name;
        this.workDir = workDir;
        this.logFile = logFile;
        this.jobDirectory = jobDirectory;
        this.session = session;
        this.process = session.process();
        this.rest = session.rest();
    }

    /**
     * Submits the given SQL files as one job of its own to the run's session cluster, with its own
     * checkpoint directory under {@code workDir}, and waits until the job and all its tasks are RUNNING.
     *
     * @param name             the component's name, used for the Flink job
     * @param resolvedSqlFiles the pipeline's SQL files, placeholders already filled, in the order to run them
     * @param workDir          this job's own directory (SQL copy, checkpoints, status, savepoints)
     * @param timeout          bound on planning and start-up until RUNNING
     * @throws ScenarioDefinitionException when Flink rejects a statement: names the file, line and Flink's message
     * @throws IllegalStateException       when the job does not reach RUNNING in time or fails
     */
    public static FlinkSqlJob submitTo(FlinkSessionCluster session, String name, List<PipelineFile> resolvedSqlFiles,
                                       Path workDir, Duration timeout) throws IOException {
        return submitTo(session, name, resolvedSqlFiles, Map.of(), workDir, timeout);
    }

    /**
     * As {@link #submitTo(FlinkSessionCluster, String, List, Path, Duration)}, for SQL whose secrets
     * are written as {@code ${secret.NAME}} references: their values go with the submission request
     * (in memory, over the loopback control port), never into a file.
     */
    public static FlinkSqlJob submitTo(FlinkSessionCluster session, String name, List<PipelineFile> resolvedSqlFiles,
                                       Map<String, String> secrets, Path workDir, Duration timeout) throws IOException {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(name, "name");
        JobDirectory jobDirectory = JobDirectory.write(workDir.resolve("sql"), resolvedSqlFiles);
        Files.createDirectories(workDir.resolve("checkpoints"));
        FlinkSqlJob job = new FlinkSqlJob(name, workDir, session.process().logFile(), jobDirectory, session, secrets);
        job.submitToSession("", timeout);
        return job;
    }

    /** The savepoint a paused session job was stopped with; empty while it is not paused. */
    public Optional<Path> pausedAt() {
        return Optional.ofNullable(pausedAt);
    }

    /** Flink's id of the job now running (a restart gives a new one). */
    public String jobId() {
        return jobId;
    }

    /**
     * The job's state as Flink's REST API reports it (CREATED, RUNNING, RESTARTING, FAILING, FAILED,
     * CANCELED, FINISHED ...), or {@code UNREACHABLE} when the session does not answer (its JVM is gone,
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

    /** The REST API of the session the job runs on, such as {@code http://127.0.0.1:40123/}. */
    public URI restUrl() {
        return rest.base();
    }

    /** The session's JVM the job runs in (shared with every other job of the run). */
    public ManagedProcess process() {
        return process;
    }

    /** How long the last submission or restart took, from the request to the job and all its tasks RUNNING. */
    public Duration lastStartToRunning() {
        return lastStartToRunning;
    }

    /** The checkpoint the running job was restored from ({@code <workDir>/checkpoints/<old-job-id>/chk-N}); empty for a fresh start. */
    public Optional<Path> restoredFrom() {
        return Optional.ofNullable(restoredFrom);
    }

    /**
     * As in a crash: the job cancelled abruptly (no savepoint), and this returns once Flink reports it
     * CANCELED. The job's last completed checkpoint stays on disk, for
     * {@link #restartFromLatestCheckpoint(Duration)}.
     */
    public void kill() throws IOException, InterruptedException {
        cancelAndAwaitEnd();
    }

    /**
     * Asks for the job to end and returns at once: a job whose Kafka region is gone takes up to a minute
     * to finish cancelling (its producers time out closing their transactions), which a failover must
     * not wait for. {@link #close()} later waits, bounded, for the end.
     */
    public void requestCancel() throws IOException, InterruptedException {
        if (jobId != null && !isTerminal(state())) {
            rest.cancel(jobId);
        }
    }

    /**
     * Stops the job processing with stop-with-savepoint: its sinks commit what they have; the job
     * ends FINISHED and {@link #pausedAt()} names the savepoint.
     */
    public void pause(Duration timeout) throws IOException, InterruptedException {
        Path savepoints = Files.createDirectories(workDir.resolve("savepoints"));
        Path savepoint = rest.stopWithSavepoint(jobId, savepoints, timeout);
        // the savepoint completes a moment before the job turns FINISHED: that is the evidence of the pause
        BoundedWait.until("Flink job " + name + " (" + jobId + ") to end after its savepoint", CANCEL_GRACE, process,
                () -> isTerminal(rest.job(jobId).state()));
        pausedAt = savepoint;
    }

    /** Undoes {@link #pause}: a new job restored from the pause's savepoint, RUNNING again. */
    public void resume(Duration timeout) throws IOException {
        if (pausedAt == null) {
            return;
        }
        Path savepoint = pausedAt;
        submitToSession(savepoint.toString(), timeout);
        pausedAt = null;
    }

    /**
     * Brings the job back from its newest complete checkpoint as a new job (same SQL, same
     * directories), as a crashed deployment is restarted, and waits until it is RUNNING; with no
     * complete checkpoint it starts afresh. A job still running is cancelled first (its checkpoints
     * are kept).
     */
    public void restartFromLatestCheckpoint(Duration timeout) throws IOException {
        try {
            cancelAndAwaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while cancelling " + name + " for its restart", e);
        }
        pausedAt = null;
        submitToSession("latest", timeout);
    }

    /**
     * Cancels the job (its checkpoints are kept) and returns once Flink reports it ended, so its slot
     * is free again.
     */
    @Override
    public void close() {
        try {
            cancelAndAwaitEnd();
        } catch (IOException e) {
            // the session does not answer: the topology's close stops it with every job on it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cancelAndAwaitEnd() throws IOException, InterruptedException {
        if (jobId == null || isTerminal(state())) {
            return;
        }
        rest.cancel(jobId);
        BoundedWait.until("Flink job " + name + " (" + jobId + ") to be cancelled", CANCEL_GRACE, process,
                () -> isTerminal(rest.job(jobId).state()));
    }

    private static boolean isTerminal(String state) {
        return switch (state) {
            case "CANCELED", "FAILED", "FINISHED", "UNREACHABLE" -> true;
            default -> false;
        };
    }

    /** On the session: plans and submits the job (restoring from {@code restore}: a path, "latest" or ""). */
    private void submitToSession(String restore, Duration timeout) throws IOException {
        Path statusFile = workDir.resolve("status.properties");
        Files.deleteIfExists(statusFile);
        java.util.Properties request = new java.util.Properties();
        request.setProperty("jobDir", workDir.resolve("sql").toString());
        request.setProperty("checkpointDir", workDir.resolve("checkpoints").toString());
        request.setProperty("jobName", name);
        request.setProperty("restoreFrom", restore);
        secrets.forEach((secret, value) -> request.setProperty("secret." + secret, value));
        long started = System.nanoTime();
        jobId = null;
        java.util.Properties answer;
        try {
            answer = session.submit(request, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while submitting " + name + " to " + session, e);
        }
        try (var out = Files.newOutputStream(statusFile)) {
            answer.store(out, "the Flink session's answer to the submission of " + name);
        }
        awaitRunning(statusFile, timeout);
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

    @Override
    public String toString() {
        return "Flink SQL job " + name + " (" + jobId + ", on " + session + ")";
    }
}
