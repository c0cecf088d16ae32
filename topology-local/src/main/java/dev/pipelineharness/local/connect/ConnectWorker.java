package dev.pipelineharness.local.connect;

import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.local.process.FreePorts;
import dev.pipelineharness.local.process.JavaProcessSpec;
import dev.pipelineharness.local.process.ManagedProcess;
import dev.pipelineharness.local.process.RuntimeClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A distributed Kafka Connect worker ({@code ConnectDistributed}) in a child JVM, with Debezium
 * PostgreSQL, the Debezium JDBC sink and our DynamoDB Streams source on its classpath. Connectors
 * are managed through its REST API ({@link #connectors()}), exactly as with a managed Connect.
 * It can be killed (SIGKILL) and restarted with the same group, internal topics and REST port, so
 * connectors and their offsets come back.
 */
public final class ConnectWorker implements AutoCloseable {

    /** The worker is ready once its REST API lists this plugin. */
    public static final String POSTGRES_SOURCE_CLASS = "io.debezium.connector.postgresql.PostgresConnector";
    public static final String JDBC_SINK_CLASS = "io.debezium.connector.jdbc.JdbcSinkConnector";
    private static final String MAIN_CLASS = "org.apache.kafka.connect.cli.ConnectDistributed";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final String name;
    private final Path workDir;
    private final Path logFile;
    private final Path propertiesFile;
    private final Path log4jFile;
    private final int restPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile ManagedProcess process;

    private ConnectWorker(String name, Path workDir, Path logFile, int restPort) {
        this.name = name;
        this.workDir = workDir;
        this.logFile = logFile;
        this.propertiesFile = workDir.resolve(name + ".properties");
        this.log4jFile = workDir.resolve(name + "-log4j2.properties");
        this.restPort = restPort;
    }

    /**
     * Starts a worker and returns once it serves REST and lists the Debezium PostgreSQL connector.
     *
     * @param name             names the process, its log and, with a random suffix, its group and internal topics
     * @param bootstrapServers the Kafka cluster holding its internal topics (and, by default, its connectors' topics)
     */
    public static ConnectWorker start(String name, String bootstrapServers, Path workDir, Path logFile,
                                      Duration timeout) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A Connect worker name is letters, digits, '.', '_' or '-': '" + name + "'");
        }
        ConnectWorker worker = new ConnectWorker(name, workDir.toAbsolutePath(), logFile.toAbsolutePath(),
                FreePorts.pick());
        String topicPrefix = "harness-connect-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        ConnectWorkerConfig.writeProperties(
                ConnectWorkerConfig.properties(bootstrapServers, topicPrefix, worker.restPort), worker.propertiesFile);
        ConnectWorkerConfig.writeLog4j2(worker.log4jFile);
        try {
            worker.launch(timeout);
            return worker;
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
    }

    /** For example {@code http://127.0.0.1:41234}; stable across {@link #restart(Duration)}. */
    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    /** A client for this worker's connectors; its waits end early if the worker dies. */
    public ConnectorClient connectors() {
        return new ConnectorClient(URI.create(restUrl()), http, this::process);
    }

    public ManagedProcess process() {
        return process;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGKILL, as in a crash; connectors and offsets stay in Kafka for {@link #restart(Duration)}. */
    public void kill() {
        process.kill();
    }

    /** Stops the worker if it still runs, then starts it again with the same configuration. */
    public synchronized void restart(Duration timeout) {
        if (process != null) {
            process.close();
        }
        launch(timeout);
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
        }
    }

    @Override
    public String toString() {
        return "connect worker " + name + " at " + restUrl();
    }

    private synchronized void launch(Duration timeout) {
        JavaProcessSpec spec = JavaProcessSpec.of("connect-" + name, MAIN_CLASS)
                .classpath(RuntimeClasspath.of("connect"))
                .workDirectory(workDir)
                .logFile(logFile)
                // Serial GC and C1 only: this worker moves test-sized data, and RAM and cores are shared.
                .jvmArg("-Xms64m")
                .jvmArg("-Xmx512m")
                .jvmArg("-XX:+UseSerialGC")
                .jvmArg("-XX:TieredStopAtLevel=1")
                .jvmArg("-Dlog4j2.configurationFile=" + log4jFile.toUri())
                .args(propertiesFile.toString());
        try {
            process = ManagedProcess.startJava(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + this, e);
        }
        awaitReady(timeout);
    }

    /** Waits until the worker's REST API answers and lists the Debezium PostgreSQL source. */
    public void awaitReady(Duration timeout) {
        BoundedWait.until(this + " to answer GET / and list " + POSTGRES_SOURCE_CLASS, timeout, process,
                () -> get("/").statusCode() == 200
                        && get("/connector-plugins").body().contains(POSTGRES_SOURCE_CLASS));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl() + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
