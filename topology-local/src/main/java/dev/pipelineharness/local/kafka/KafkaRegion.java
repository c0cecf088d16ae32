package dev.pipelineharness.local.kafka;

import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.topology.support.NamespaceTopics;
import dev.pipelineharness.local.process.Directories;
import dev.pipelineharness.local.process.JavaProcessSpec;
import dev.pipelineharness.local.process.ManagedProcess;
import dev.pipelineharness.local.process.RuntimeClasspath;
import dev.pipelineharness.local.proxy.LinkProxies;
import dev.pipelineharness.local.proxy.LinkProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * One region's Kafka: a single-node KRaft cluster (broker and controller in one process) in a child
 * JVM from the {@code kafka} runtime, so that it can be killed, paused and restarted on its data
 * directory like a real one. Every client link ({@link KafkaLink}) goes through its own proxy, whose
 * port the broker advertises; readiness is a real metadata answer through the harness link.
 *
 * <p>Files in {@code workDir}: {@code server.properties}, {@code log4j2.properties}, {@code data/}.
 */
public final class KafkaRegion implements AutoCloseable {

    private static final java.util.regex.Pattern REGION_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9-]*");
    private static final String FORMAT_MAIN = "kafka.tools.StorageTool";
    private static final String BROKER_MAIN = "kafka.Kafka";
    /**
     * Measured on 2 shared cores: about 170 to 200 MB RSS. C1 only (TieredStopAtLevel=1) started the broker
     * in 3 to 9 s where full tiered compilation took 4.5 to 18 s under the same load, and saved ~25 MB;
     * the lower peak throughput does not matter at the rates tests produce.
     */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
    private static final Map<String, String> QUIET_LOGGERS = Map.of(
            // the full KafkaConfig dump, 330 lines at each start: server.properties is in the work dir
            "org.apache.kafka.common.config.AbstractConfig", "WARN",
            "state.change.logger", "WARN",
            "kafka.log", "WARN",
            "org.apache.kafka.storage.internals.log", "WARN",
            "kafka.coordinator", "WARN",
            "org.apache.kafka.coordinator", "WARN",
            "org.apache.kafka.clients", "WARN",
            "kafka.server.metadata", "WARN",
            "org.apache.kafka.image", "WARN");

    private final String region;
    private final Path workDir;
    private final Path logFile;
    private final LinkProxies proxies;
    private final Map<KafkaLink, LinkProxy> links;
    private final Path serverProperties;
    private final String log4jOption;
    private final Admin admin;
    private volatile ManagedProcess process;
    private volatile boolean closed;

    private KafkaRegion(String region, Path workDir, Path logFile, LinkProxies proxies,
                        Map<KafkaLink, LinkProxy> links, Path serverProperties, String log4jOption) {
        this.region = region;
        this.workDir = workDir;
        this.logFile = logFile;
        this.proxies = proxies;
        this.links = links;
        this.serverProperties = serverProperties;
        this.log4jOption = log4jOption;
        this.admin = Admin.create(adminProperties(links.get(KafkaLink.HARNESS).hostAndPort(), region));
    }

    /**
     * Formats a fresh data directory, starts the broker and returns once it is ready.
     *
     * @param region  {@code east}, {@code west}: names the proxies ({@code kafka-east-harness}) and the process
     * @param workDir a directory this region owns; data left there by an earlier run is deleted
     * @param logFile where the broker's output goes (appended across restarts)
     * @param timeout for format, start and readiness together
     */
    public static KafkaRegion start(String region, Path workDir, Path logFile, LinkProxies proxies, Duration timeout)
            throws IOException {
        Objects.requireNonNull(region, "region");
        if (!REGION_NAME.matcher(region).matches()) {
            throw new IllegalArgumentException("A region name must match " + REGION_NAME
                    + " (it names proxies, processes and files): '" + region + "'");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Files.createDirectories(workDir);
        Path dataDirectory = workDir.resolve("data");
        // a new cluster id each start: an old data directory would make the format step refuse
        Directories.deleteRecursively(dataDirectory, "the old Kafka data directory");
        KafkaPorts ports = KafkaPorts.pickFree();
        Map<KafkaLink, LinkProxy> links = new EnumMap<>(KafkaLink.class);
        Map<KafkaLink, Integer> advertised = new EnumMap<>(KafkaLink.class);
        KafkaRegion started = null;
        try {
            for (KafkaLink link : KafkaLink.values()) {
                LinkProxy proxy = proxies.create(link.proxyName(region),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.link(link)));
                links.put(link, proxy);
                advertised.put(link, proxy.port());
            }
            Path serverProperties = workDir.resolve("server.properties");
            Files.writeString(serverProperties,
                    KafkaServerProperties.render(KafkaServerProperties.of(ports, advertised, dataDirectory)),
                    StandardCharsets.UTF_8);
            String log4j = ChildLog4j2.write(workDir, QUIET_LOGGERS);
            started = new KafkaRegion(region, workDir, logFile, proxies, links, serverProperties, log4j);
            started.format(remaining(deadline));
            started.launch();
            started.awaitReady(remaining(deadline));
            return started;
        } catch (IOException | RuntimeException e) {
            if (started != null) {
                started.close();
            } else {
                links.keySet().forEach(link -> proxies.remove(link.proxyName(region)));
            }
            throw e;
        }
    }

    private void format(Duration timeout) throws IOException {
        JavaProcessSpec spec = JavaProcessSpec.of("kafka-" + region + "-format", FORMAT_MAIN)
                .classpath(RuntimeClasspath.of("kafka"))
                .jvmArg("-Xmx128m").jvmArg("-XX:+UseSerialGC").jvmArg("-XX:TieredStopAtLevel=1").jvmArg(log4jOption)
                .args("format", "--config", serverProperties.toString(),
                        "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted")
                .workDirectory(workDir)
                .logFile(logFile);
        try (ManagedProcess format = ManagedProcess.startJava(spec)) {
            if (!format.awaitExit(timeout)) {
                throw new IllegalStateException("Formatting the storage of kafka " + region + " did not finish within "
                        + timeout.toSeconds() + " s; log " + logFile + ":\n" + format.logTail(30));
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("Formatting the storage of kafka " + region + " failed with exit code "
                        + format.exitValue() + "; log " + logFile + ":\n" + format.logTail(30));
            }
        }
    }

    private void launch() throws IOException {
        JavaProcessSpec spec = JavaProcessSpec.of("kafka-" + region, BROKER_MAIN)
                .classpath(RuntimeClasspath.of("kafka"))
                .args(serverProperties.toString())
                .workDirectory(workDir)
                .logFile(logFile);
        JVM_OPTIONS.forEach(spec::jvmArg);
        spec.jvmArg(log4jOption);
        process = ManagedProcess.startJava(spec);
    }

    /**
     * Waits until the broker answers a metadata request through the {@link KafkaLink#HARNESS} link,
     * registered and unfenced, with a leader for every partition.
     */
    public void awaitReady(Duration timeout) {
        KafkaReadiness readiness = new KafkaReadiness(admin);
        BoundedWait.until("kafka " + region + " to answer a metadata request through "
                + links.get(KafkaLink.HARNESS) + " with every partition led", timeout, process, readiness::isReady);
    }

    /** The {@code bootstrap.servers} for a client on {@code link}: the proxy's address. */
    public String bootstrapServers(KafkaLink link) {
        return proxy(link).hostAndPort();
    }

    /** The endpoint of this region for a client on {@code link}, as the engine's SPI hands it out. */
    public KafkaEndpoint endpoint(KafkaLink link) {
        return KafkaEndpoint.plaintext(region, bootstrapServers(link));
    }

    public LinkProxy proxy(KafkaLink link) {
        return links.get(Objects.requireNonNull(link, "link"));
    }

    public String region() {
        return region;
    }

    public Path logFile() {
        return logFile;
    }

    public Path workDir() {
        return workDir;
    }

    /** The current broker process (a new one after {@link #restart}). */
    public ManagedProcess process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        ManagedProcess current = process;
        return current != null && current.isAlive();
    }

    /** SIGKILL, as in a crash; {@link #restart} brings the broker back on the same data. */
    public void kill() {
        process.kill();
    }

    /** SIGSTOP: the broker keeps its sockets but answers nothing until {@link #resume()}. */
    public void pause() {
        process.pause();
    }

    public void resume() {
        process.resume();
    }

    /**
     * Starts the broker again on the same data directory and ports, stopping it first if it still runs,
     * and returns once it is ready.
     */
    public void restart(Duration timeout) throws IOException {
        ManagedProcess previous = process;
        if (previous != null) {
            previous.close();
        }
        launch();
        awaitReady(timeout);
    }

    /**
     * Creates the topics (one replica each) under their physical names and waits until every partition
     * has a leader. A topic that exists already is left as it is, so a retried deploy does not fail.
     *
     * @return the physical names, in the order of {@code specs}
     */
    public List<String> createTopics(List<TopicSpec> specs, Function<String, String> physicalName) {
        List<NewTopic> topics = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (TopicSpec spec : specs) {
            String name = physicalName.apply(spec.name());
            Map<String, String> configs = new HashMap<>(spec.configs());
            topics.add(new NewTopic(name, spec.partitions(), (short) 1).configs(configs));
            names.add(name);
        }
        if (topics.isEmpty()) {
            return names;
        }
        admin.createTopics(topics).values().forEach((name, future) -> {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Kafka " + region + " refused to create topic " + name + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (Exception e) {
                throw new IllegalStateException("Creating topic " + name + " on kafka " + region + " failed", e);
            }
        });
        KafkaReadiness readiness = new KafkaReadiness(admin);
        BoundedWait.until("every partition of " + names + " on kafka " + region + " to have a leader",
                Duration.ofSeconds(30), process, () -> readiness.allPartitionsLed(names));
        return names;
    }

    /** Deletes topics by their physical names; missing ones are ignored. */
    public void deleteTopics(Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        admin.deleteTopics(names).topicNameValues().forEach((name, future) -> {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Kafka " + region + " refused to delete topic " + name + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (Exception e) {
                throw new IllegalStateException("Deleting topic " + name + " on kafka " + region + " failed", e);
            }
        });
    }

    /** Deletes every topic whose name starts with {@code prefix} (a scenario's namespace). */
    public void deleteTopicsStartingWith(String prefix) {
        deleteTopics(NamespaceTopics.startingWith(admin, prefix, "kafka " + region));
    }

    /** An admin client of the harness on the {@link KafkaLink#HARNESS} link; closed with the region. */
    public Admin admin() {
        return admin;
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 5 s) and removes this region's proxies. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        run(failures, () -> admin.close(Duration.ofSeconds(2)));
        ManagedProcess current = process;
        if (current != null) {
            run(failures, () -> current.stop(Duration.ofSeconds(5)));
            run(failures, current::close);
        }
        for (KafkaLink link : links.keySet()) {
            run(failures, () -> proxies.remove(link.proxyName(region)));
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("Closing kafka " + region + " failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "kafka " + region + " (" + (process == null ? "not started" : process) + ")";
    }

    private static void run(List<RuntimeException> failures, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static Duration remaining(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new IllegalStateException("The start timeout of a kafka region ran out");
        }
        return Duration.ofNanos(left);
    }

    private static Map<String, Object> adminProperties(String bootstrapServers, String region) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "pipeline-harness-admin-" + region);
        // short timeouts: readiness polls often, and a cut link should fail an operation quickly
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        properties.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 2000);
        return properties;
    }

}
