package dev.pipelineharness.local.flink;

import dev.pipelineharness.local.process.FreePorts;
import dev.pipelineharness.local.process.JavaProcessSpec;
import dev.pipelineharness.local.process.ManagedProcess;
import dev.pipelineharness.local.process.RuntimeClasspath;
import dev.pipelineharness.topology.support.BoundedWait;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The Flink session cluster of a run: one child JVM ({@code dev.pipelineharness.flinkrunner.FlinkSessionRunner}
 * from runtime-flink) with a JobManager, a TaskManager of {@code slots} slots and Flink's REST API,
 * started with the topology and shared by its scenarios. Each deployment submits its SQL as a job
 * of its own ({@link FlinkSqlJob#submitTo}); the session plans it with a planner that is already
 * warm, so a deploy costs about a second of Flink instead of a JVM, a MiniCluster and a cold planner.
 *
 * <p>Readiness is the session's own word: its status file says READY once a warm-up job ran end to
 * end. The TaskManager is a shared component: {@link #killTaskManager()} fails every job over, and
 * {@link #startTaskManager(Duration)} brings a new one on which they restore from their latest checkpoints.
 */
public final class FlinkSessionCluster implements AutoCloseable {

    private static final String RUNNER = "dev.pipelineharness.flinkrunner.FlinkSessionRunner";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final ManagedProcess process;
    private final FlinkRestClient rest;
    private final URI control;
    private final int slots;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private FlinkSessionCluster(ManagedProcess process, FlinkRestClient rest, URI control, int slots) {
        this.process = process;
        this.rest = rest;
        this.control = control;
        this.slots = slots;
    }

    /**
     * Starts the session JVM and waits until it ran its warm-up job.
     *
     * @param slots   task slots of the one TaskManager: one per job of parallelism 1 running at the same time
     * @param workDir the session's directory (its {@code tmp/}, status file and the argument file)
     */
    public static FlinkSessionCluster start(Path workDir, Path logFile, int slots, Duration timeout) throws IOException {
        Files.createDirectories(workDir);
        int restPort = FreePorts.pick();
        int controlPort = FreePorts.pick();
        Path statusFile = workDir.resolve("status.properties");
        Files.deleteIfExists(statusFile);
        JavaProcessSpec spec = JavaProcessSpec.of("flink-session", RUNNER)
                .classpath(RuntimeClasspath.of("flink"))
                .workDirectory(workDir)
                .logFile(logFile)
                .args("--rest-port", Integer.toString(restPort), "--control-port", Integer.toString(controlPort),
                        "--slots", Integer.toString(slots), "--status-file", statusFile.toString());
        FlinkJvmOptions.SESSION.forEach(spec::jvmArg);
        ManagedProcess process = ManagedProcess.startJava(spec);
        try {
            BoundedWait.until("the Flink session cluster to run its warm-up job", timeout, process, () -> {
                Optional<RunnerStatus> status = RunnerStatus.read(statusFile);
                if (status.isPresent() && status.get().isError()) {
                    throw new BoundedWait.NeverReadyException("the Flink session did not start: " + status.get().get("message"));
                }
                return status.isPresent() && status.get().phase().equals("READY");
            });
        } catch (RuntimeException e) {
            process.close();
            throw new IllegalStateException(e.getMessage() + System.lineSeparator() + "--- last lines of " + logFile
                    + System.lineSeparator() + process.logTail(30), e);
        }
        return new FlinkSessionCluster(process, new FlinkRestClient(URI.create("http://127.0.0.1:" + restPort + "/")),
                URI.create("http://127.0.0.1:" + controlPort + "/"), slots);
    }

    /** Flink's REST API of the session, for job state, checkpoints, cancel and stop-with-savepoint. */
    FlinkRestClient rest() {
        return rest;
    }

    public URI restUrl() {
        return rest.base();
    }

    /** The session's JVM, shared by every job of the run. */
    public ManagedProcess process() {
        return process;
    }

    public int slots() {
        return slots;
    }

    /** Plans and submits a job (see FlinkSessionRunner for the request's keys); the answer has the status file's keys. */
    Properties submit(Properties request, Duration timeout) throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        request.store(body, null);
        return call("jobs", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()), timeout);
    }

    /** Closes the TaskManager: every job running on it fails and waits for slots. Returns once it is closed. */
    public void killTaskManager() throws IOException, InterruptedException {
        call("taskmanager/kill", HttpRequest.BodyPublishers.noBody(), REQUEST_TIMEOUT.multipliedBy(3));
    }

    /** Starts a new TaskManager and waits until the JobManager counts its slots. */
    public void startTaskManager(Duration timeout) throws IOException, InterruptedException {
        call("taskmanager/start", HttpRequest.BodyPublishers.noBody(), REQUEST_TIMEOUT.multipliedBy(3));
        awaitTaskManager(timeout);
    }

    /** Waits until a TaskManager is registered with the JobManager, with all its slots. */
    public void awaitTaskManager(Duration timeout) {
        BoundedWait.until("a Flink TaskManager with " + slots + " slots registered in the session", timeout, process,
                () -> isTaskManagerRunning() && rest.totalSlots() >= slots);
    }

    /** Whether the session's TaskManager runs, as the session itself says (the evidence of a kill). */
    public boolean isTaskManagerRunning() {
        try {
            return Boolean.parseBoolean(call("taskmanager", HttpRequest.BodyPublishers.noBody(), REQUEST_TIMEOUT)
                    .getProperty("running"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Properties call(String path, HttpRequest.BodyPublisher body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(control.resolve(path)).timeout(timeout)
                .POST(body).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Properties answer = new Properties();
        answer.load(new ByteArrayInputStream(response.body()));
        if (response.statusCode() != 200) {
            throw new IOException("Flink session " + control.resolve(path) + ": HTTP " + response.statusCode() + " "
                    + answer.getProperty("message"));
        }
        return answer;
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "Flink session cluster (" + slots + " slots, " + rest.base() + ", " + process + ")";
    }
}
