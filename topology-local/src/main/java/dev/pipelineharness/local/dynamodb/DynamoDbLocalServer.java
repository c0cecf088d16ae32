package dev.pipelineharness.local.dynamodb;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.local.process.FreePorts;
import dev.pipelineharness.local.process.JavaProcessSpec;
import dev.pipelineharness.local.process.ManagedProcess;
import dev.pipelineharness.local.process.RuntimeClasspath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * DynamoDB Local 2.6.1 (with Streams) in server mode, in a child JVM on an ephemeral loopback port.
 *
 * <p>Its jars (AWS SDK v1, Jetty 12, Guava, mockito, log4j ...) stay on the child's classpath
 * ({@code RuntimeClasspath.of("dynamodb-local")}), never on the harness's. {@code -sharedDb} makes every
 * credential and region see the same tables: the generator, the connector and the checks need not agree on
 * dummy credentials.
 *
 * <p>Storage: {@link Storage#IN_MEMORY} by default (single-client puts measured 3-4 times faster than with
 * SQLite files: about 5-7 ms against 22-30 ms on a loaded 2-core machine); {@link Storage#ON_DISK} keeps tables and streams in {@code <workDir>/data} so a
 * {@link #restart} after a {@link #kill} finds them again, for scenarios that crash DynamoDB itself.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    /** The credentials every local client uses; DynamoDB Local checks only that some are present. */
    public static final String ACCESS_KEY_ID = "local";
    private static final String SECRET_ACCESS_KEY = "local";
    public static final String REGION = "us-east-1";

    private static final String MAIN_CLASS = "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";

    /** Where DynamoDB Local keeps its tables. */
    public enum Storage {
        /** In the child's memory ({@code -inMemory}): fastest; a kill loses every table. */
        IN_MEMORY,
        /** SQLite files in {@code <workDir>/data} ({@code -dbPath}): tables and streams survive kill and restart. */
        ON_DISK
    }

    private final Path workDir;
    private final Path logFile;
    private final int port;
    private final Storage storage;
    private final DynamoDbEndpoint endpoint;
    private ManagedProcess process;

    private DynamoDbLocalServer(Path workDir, Path logFile, int port, Storage storage) {
        this.workDir = workDir;
        this.logFile = logFile;
        this.port = port;
        this.storage = storage;
        this.endpoint = new DynamoDbEndpoint(Optional.of(URI.create("http://127.0.0.1:" + port)), REGION,
                Optional.of(ACCESS_KEY_ID), Optional.of(Secret.of(SECRET_ACCESS_KEY)));
    }

    /** Starts DynamoDB Local {@link Storage#IN_MEMORY}; see {@link #start(Path, Path, Duration, Storage)}. */
    public static DynamoDbLocalServer start(Path workDir, Path logFile, Duration timeout) throws IOException {
        return start(workDir, logFile, timeout, Storage.IN_MEMORY);
    }

    /**
     * Starts DynamoDB Local and returns once it answers ListTables.
     *
     * @param workDir  its working directory (native libraries, temp files, and the tables when ON_DISK)
     * @param logFile  where its stdout and stderr go ({@code target/harness/logs/dynamodb.log} in a run)
     * @param timeout  how long to wait for it to answer
     * @param storage  in memory, or SQLite files that survive a kill
     */
    public static DynamoDbLocalServer start(Path workDir, Path logFile, Duration timeout, Storage storage) throws IOException {
        DynamoDbLocalServer server = new DynamoDbLocalServer(workDir.toAbsolutePath(), logFile.toAbsolutePath(),
                FreePorts.pick(), storage);
        try {
            server.launch(timeout);
        } catch (RuntimeException | IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void launch(Duration timeout) throws IOException {
        List<Path> runtime = RuntimeClasspath.of("dynamodb-local");
        Path natives = SqliteNativeLibraries.copy(runtime, workDir.resolve("native"));
        JavaProcessSpec spec = JavaProcessSpec.of("dynamodb-local", MAIN_CLASS)
                .classpath(runtime.stream().filter(entry -> !SqliteNativeLibraries.isNative(entry)).toList())
                .jvmArg("-Xmx256m")
                .jvmArg("-XX:+UseSerialGC")
                // C1 only, as the brokers: a serial ./harness run of the 18 shipped scenarios measured 8.2
                // CPU-seconds in this JVM with it, 14.2 with C2 compiling requests tests send a few of
                .jvmArg("-XX:TieredStopAtLevel=1")
                .jvmArg("-Dsqlite4java.library.path=" + natives)
                .args("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry")
                .workDirectory(workDir)
                .logFile(logFile);
        if (storage == Storage.ON_DISK) {
            spec.args("-dbPath", Files.createDirectories(workDir.resolve("data")).toString());
        } else {
            spec.args("-inMemory");
        }
        process = ManagedProcess.startJava(spec);
        awaitReady(timeout);
    }

    /** Waits until the server answers a ListTables request. */
    public void awaitReady(Duration timeout) {
        DynamoDbLocalReadiness.await(endpoint, process, timeout);
    }

    /** Where clients reach it: {@code http://127.0.0.1:PORT}, region {@value #REGION}, static dummy credentials. */
    public DynamoDbEndpoint endpoint() {
        return endpoint;
    }

    public int port() {
        return port;
    }

    /** The child process, for faults (kill, pause, resume) and log tails. */
    public ManagedProcess process() {
        return Objects.requireNonNull(process, "DynamoDB Local is not started");
    }

    /** Creates a table for {@code spec} under {@code physicalName}, with its stream when the spec names a view type, and waits until it is ACTIVE. */
    public CreatedTable createTable(DynamoTableSpec spec, String physicalName) {
        try (DynamoDbClient client = DynamoDbClients.client(endpoint)) {
            CreateTableResponse created;
            try {
                created = client.createTable(TableRequests.create(spec, physicalName));
            } catch (ResourceInUseException e) {
                throw new IllegalStateException("DynamoDB table " + physicalName + " (logical '" + spec.name()
                        + "') exists already in " + this + ": delete it first or use another run prefix", e);
            }
            BoundedWait.until("DynamoDB table " + physicalName + " to become ACTIVE", Duration.ofSeconds(30), process,
                    () -> client.describeTable(b -> b.tableName(physicalName)).table().tableStatus() == TableStatus.ACTIVE);
            return new CreatedTable(physicalName, Optional.ofNullable(created.tableDescription().latestStreamArn()));
        }
    }

    /** Deletes a table (and its stream); a table that does not exist is not an error. */
    public void deleteTable(String physicalName) {
        try (DynamoDbClient client = DynamoDbClients.client(endpoint)) {
            client.deleteTable(b -> b.tableName(physicalName));
        } catch (ResourceNotFoundException alreadyGone) {
            // nothing to delete
        }
    }

    public Storage storage() {
        return storage;
    }

    /** SIGKILL, as in a crash; {@link #restart} brings it back on the same port (with its tables when ON_DISK). */
    public void kill() {
        process().kill();
    }

    /**
     * Starts it again on the same port after a {@link #kill} or {@link #close} (or stops and starts it if it
     * runs). ON_DISK: tables and streams are back; IN_MEMORY: it starts empty.
     */
    public void restart(Duration timeout) throws IOException {
        if (process != null) {
            process.close();
        }
        launch(timeout);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    @Override
    public String toString() {
        return "DynamoDB Local on port " + port;
    }
}
