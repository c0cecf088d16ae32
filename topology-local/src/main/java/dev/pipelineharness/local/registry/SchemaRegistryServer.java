package dev.pipelineharness.local.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry for the embedded topology, in this JVM, speaking the part of the Confluent Schema
 * Registry REST API that Kafka serdes, Flink's {@code avro-confluent} format and Confluent's own
 * {@code CachedSchemaRegistryClient} use: register, schema by id, subjects, versions, lookup, compatibility
 * configuration and checks (Avro only, default BACKWARD, checked with Avro's {@code SchemaCompatibility}).
 * Confluent's registry is not on Maven Central; this stands in for it, conformance-tested against Confluent's
 * client. State lives in memory and ends with {@link #close()}.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI url;

    private SchemaRegistryServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts on an ephemeral loopback port; it answers as soon as this returns. */
    public static SchemaRegistryServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "schema-registry-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", new RegistryHttpHandler(new SchemaStore()));
        server.setExecutor(executor);
        server.start();
        return new SchemaRegistryServer(server, executor);
    }

    /** The base URL clients take as {@code schema.registry.url}: {@code http://127.0.0.1:PORT}. */
    public URI url() {
        return url;
    }

    public int port() {
        return url.getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "schema registry at " + url;
    }
}
