package dev.pipelineharness.generators.interaction;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.local.process.FreePorts;
import dev.pipelineharness.local.process.JavaProcessSpec;
import dev.pipelineharness.local.process.ManagedProcess;
import dev.pipelineharness.local.process.RuntimeClasspath;
import dev.pipelineharness.topology.support.BoundedWait;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local as a child JVM (in memory) for the generators' round-trip tests; {@link #close()} stops it. */
public final class DynamoDbLocal implements AutoCloseable {

    private final ManagedProcess server;
    private final DynamoDbEndpoint endpoint;

    private DynamoDbLocal(ManagedProcess server, DynamoDbEndpoint endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Starts a server working in {@code target/<directory>} and waits (bounded) until it lists tables. */
    public static DynamoDbLocal start(String directory) throws Exception {
        Path work = Files.createDirectories(Path.of("target", directory)).toAbsolutePath();
        List<Path> classpath = RuntimeClasspath.of("dynamodb-local");
        // sqlite4java looks for its native library under its plain name in one directory
        Path natives = Files.createDirectories(work.resolve("native"));
        for (Path entry : classpath) {
            String name = entry.getFileName().toString();
            if (name.startsWith("libsqlite4java-linux-amd64")) {
                Files.copy(entry, natives.resolve("libsqlite4java-linux-amd64.so"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        int port = FreePorts.pick();
        ManagedProcess server = ManagedProcess.startJava(JavaProcessSpec.of(directory,
                        "com.amazonaws.services.dynamodbv2.local.main.ServerRunner")
                .classpath(classpath).jvmArg("-Xmx256m").jvmArg("-Dsqlite4java.library.path=" + natives)
                .workDirectory(work).logFile(work.resolve("dynamodb.log"))
                .args("-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)));
        DynamoDbEndpoint endpoint = new DynamoDbEndpoint(Optional.of(URI.create("http://localhost:" + port)), "us-east-1",
                Optional.of("local"), Optional.of(Secret.of("local")));
        DynamoDbLocal local = new DynamoDbLocal(server, endpoint);
        try {
            BoundedWait.until("DynamoDB Local to list tables", Duration.ofSeconds(60), server, () -> {
                try (DynamoDbClient client = DynamoWriter.client(endpoint)) {
                    client.listTables();
                    return true;
                }
            });
        } catch (RuntimeException | Error e) {
            local.close();
            throw e;
        }
        return local;
    }

    public DynamoDbEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(5));
    }
}
