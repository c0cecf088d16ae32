package dev.pipelineharness.flinkrunner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pipelineharness.flinkrunner.JobStatusFile.Phase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The main class of the Flink session JVM of a run: one JobManager and one TaskManager (a
 * MiniCluster with its REST API), shared by the scenarios of the run, each of which submits its
 * pipeline's SQL as a job of its own, with its own checkpoint directory.
 *
 * <p>Besides Flink's REST API (job state, checkpoints, cancel, stop-with-savepoint) it answers a few
 * requests of its own on the control port, plain text in and out:
 * <ul>
 *   <li>{@code POST /jobs}: plan and submit a job; the body is a properties file with
 *       {@code jobDir}, {@code checkpointDir}, {@code jobName}, {@code parallelism},
 *       {@code checkpointIntervalMs} and {@code restoreFrom} (a checkpoint or savepoint path, or
 *       {@code latest} for the newest complete checkpoint in {@code checkpointDir}, or empty); the
 *       answer has the keys of the session's status file ({@link JobStatusFile}).
 *       Planning is done here, in a JVM whose planner is already warm, so a scenario's deploy does
 *       not pay for a JVM start and a cold planner.</li>
 *   <li>{@code POST /taskmanager/kill}: closes the TaskManager: every job on it fails over and
 *       waits for slots (the shared-component fault); {@code POST /taskmanager/start} brings a new one,
 *       and the jobs restore from their latest checkpoints; {@code GET /taskmanager} says
 *       {@code running=true|false}.</li>
 * </ul>
 * Arguments: {@code --rest-port N --control-port N --slots N --status-file FILE}. The status file
 * says {@code READY} once a warm-up job ran end to end.
 */
public final class FlinkSessionRunner {

    private final MiniCluster cluster;
    private final int restPort;
    private final Object submissions = new Object();
    private int liveTaskManager = 0;
    private int startedTaskManagers = 1;
    private boolean taskManagerRunning = true;

    private FlinkSessionRunner(MiniCluster cluster, int restPort) {
        this.cluster = cluster;
        this.restPort = restPort;
    }

    public static void main(String[] args) throws Exception {
        SecretValues.maskStandardStreams();
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i], args[i + 1]);
        }
        int restPort = Integer.parseInt(values.get("--rest-port"));
        int controlPort = Integer.parseInt(values.get("--control-port"));
        int slots = Integer.parseInt(values.getOrDefault("--slots", "8"));
        JobStatusFile status = new JobStatusFile(Path.of(values.get("--status-file")));
        status.write(Phase.STARTING, Map.of());

        Configuration configuration = MiniClusterSettings.cluster(restPort, slots);
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            cluster.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    // bounded well below the harness's grace, so the JVM still has time to write its CDS archive
                    cluster.closeAsync().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    System.err.println("pipeline-harness flink session: closing the cluster: " + e);
                }
                stopped.countDown();
            }, "flink-session-shutdown"));
            FlinkSessionRunner session = new FlinkSessionRunner(cluster, restPort);
            RunnerLog.progress("session cluster up with " + slots + " slots; REST on port " + restPort);
            session.warmUp(status);
            session.serve(controlPort);
            status.write(Phase.READY, Map.of("restPort", Integer.toString(restPort),
                    "controlPort", Integer.toString(controlPort), "slots", Integer.toString(slots)));
            RunnerLog.progress("ready; control requests on port " + controlPort);
        } catch (Exception e) {
            e.printStackTrace();
            status.write(Phase.STARTUP_ERROR, Map.of("message", SqlErrorLocation.messageOf(e)));
            System.exit(2);
        }
        stopped.await();
    }

    /**
     * Runs a bounded job from generated rows into a blackhole, end to end: loads the planner, the
     * code generator, the submission path and task deployment while the topology starts, so the
     * first scenario's deploy finds them warm.
     */
    private void warmUp(JobStatusFile status) throws Exception {
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"), "warm-up");
        List<SqlStatement> statements = SqlScript.split("warm-up.sql", """
                CREATE TABLE warm_source (id BIGINT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '10');
                CREATE TABLE warm_sink (id BIGINT, name STRING, n BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO warm_sink SELECT id, name, COUNT(*) OVER (PARTITION BY id ORDER BY PROCTIME()
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM warm_source WHERE name <> 'x';
                """);
        SqlJobSubmission.Outcome outcome = submit(statements, "warm-up", 1, 1000, scratch.resolve("checkpoints"), null);
        if (!outcome.submitted()) {
            throw new IllegalStateException("The warm-up job did not start: " + outcome.values().get("message"));
        }
        outcome.job().getJobExecutionResult().get(60, TimeUnit.SECONDS);
        RunnerLog.progress("warm-up job finished");
    }

    private SqlJobSubmission.Outcome submit(List<SqlStatement> statements, String jobName, int parallelism,
                                            long checkpointIntervalMillis, Path checkpointDirectory, Path restoreFrom) {
        Configuration job = new Configuration();
        job.setString("execution.target", "remote");
        job.setString("rest.address", "127.0.0.1");
        job.setString("rest.port", Integer.toString(restPort));
        JobSettings.apply(job, jobName, parallelism, checkpointIntervalMillis, checkpointDirectory, restoreFrom);
        // one planning at a time: the code generator's caches are shared, and two plans would only
        // halve each other's CPU on two cores anyway
        synchronized (submissions) {
            // not getExecutionEnvironment(job): without a context environment that makes a local one,
            // a MiniCluster of its own, whatever execution.target says
            return SqlJobSubmission.submit(statements, new StreamExecutionEnvironment(job), restoreFrom);
        }
    }

    private void serve(int controlPort) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 16);
        server.createContext("/jobs", exchange -> answer(exchange, () -> submitJob(read(exchange))));
        server.createContext("/taskmanager/kill", exchange -> answer(exchange, this::killTaskManager));
        server.createContext("/taskmanager/start", exchange -> answer(exchange, this::startTaskManager));
        server.createContext("/taskmanager", exchange -> answer(exchange, this::taskManagerState));
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "flink-session-control");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    private Properties submitJob(Properties request) throws Exception {
        Path jobDirectory = Path.of(request.getProperty("jobDir"));
        Path checkpoints = Path.of(request.getProperty("checkpointDir"));
        String restore = request.getProperty("restoreFrom", "");
        Path restoreFrom;
        if (restore.equals("latest")) {
            restoreFrom = LatestCheckpoint.in(checkpoints).orElse(null);
            if (restoreFrom == null) {
                RunnerLog.progress("restore latest: no complete checkpoint in " + checkpoints + "; starting afresh");
            }
        } else {
            restoreFrom = restore.isBlank() ? null : Path.of(restore);
        }
        // the files hold ${secret.NAME} references; the values came with this request, in memory
        List<SqlStatement> statements = SecretValues.fromRequest(request).fill(SqlScript.readDirectory(jobDirectory));
        String jobName = request.getProperty("jobName", "pipeline");
        RunnerLog.progress("job " + jobName + ": " + statements.size() + " statement(s) from " + jobDirectory
                + (restoreFrom == null ? "" : "; restoring from " + restoreFrom));
        SqlJobSubmission.Outcome outcome = submit(statements, jobName,
                Integer.parseInt(request.getProperty("parallelism", "1")),
                Long.parseLong(request.getProperty("checkpointIntervalMs", "1000")), checkpoints, restoreFrom);
        Properties answer = new Properties();
        answer.setProperty("phase", outcome.phase().name());
        outcome.values().forEach((key, value) -> {
            if (value != null) {
                answer.setProperty(key, SecretValues.mask(value));
            }
        });
        return answer;
    }

    private synchronized Properties killTaskManager() throws Exception {
        if (taskManagerRunning) {
            cluster.terminateTaskManager(liveTaskManager).get(30, TimeUnit.SECONDS);
            taskManagerRunning = false;
            RunnerLog.progress("TaskManager " + liveTaskManager + " closed (fault)");
        }
        return taskManagerState();
    }

    private synchronized Properties startTaskManager() throws Exception {
        if (!taskManagerRunning) {
            cluster.startTaskManager();
            liveTaskManager = startedTaskManagers++;
            taskManagerRunning = true;
            RunnerLog.progress("TaskManager " + liveTaskManager + " started");
        }
        return taskManagerState();
    }

    private synchronized Properties taskManagerState() {
        Properties state = new Properties();
        state.setProperty("running", Boolean.toString(taskManagerRunning));
        state.setProperty("index", Integer.toString(liveTaskManager));
        return state;
    }

    private static Properties read(HttpExchange exchange) throws IOException {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()));
        return properties;
    }

    @FunctionalInterface
    private interface Handler {
        Properties handle() throws Exception;
    }

    private static void answer(HttpExchange exchange, Handler handler) throws IOException {
        int code = 200;
        Properties body;
        try {
            body = handler.handle();
        } catch (Exception e) {
            e.printStackTrace();
            code = 500;
            body = new Properties();
            body.setProperty("phase", Phase.STARTUP_ERROR.name());
            body.setProperty("message", SecretValues.mask(SqlErrorLocation.messageOf(e)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        body.store(bytes, null);
        byte[] payload = bytes.toByteArray();
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=" + StandardCharsets.ISO_8859_1.name());
        exchange.sendResponseHeaders(code, payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
    }
}
