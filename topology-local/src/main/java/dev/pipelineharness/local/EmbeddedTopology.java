package dev.pipelineharness.local;

import dev.pipelineharness.local.control.EmbeddedComponents;
import dev.pipelineharness.topology.support.CauseChain;
import dev.pipelineharness.topology.support.LocalEndpoints;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologySettings;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.api.control.TopologyControl;
import dev.pipelineharness.local.connect.ConnectWorker;
import dev.pipelineharness.local.control.EmbeddedControl;
import dev.pipelineharness.local.failover.EmbeddedRegionFailover;
import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.api.control.FailoverReport;
import dev.pipelineharness.api.control.Outage;
import dev.pipelineharness.api.control.RegionFailover;
import dev.pipelineharness.local.dynamodb.DynamoDbLocalServer;
import dev.pipelineharness.local.flink.FlinkSessionCluster;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.kafka.KafkaRegion;
import dev.pipelineharness.local.mirror.MirrorMaker;
import dev.pipelineharness.local.postgres.PostgresServer;
import dev.pipelineharness.local.process.ChildProcesses;
import dev.pipelineharness.local.process.Directories;
import dev.pipelineharness.local.proxy.LinkProxies;
import dev.pipelineharness.local.proxy.LinkProxy;
import dev.pipelineharness.local.registry.SchemaRegistryServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@code embedded} topology: the real pipeline components as processes the harness owns, no
 * Docker. Two Kafka regions ({@code east}, {@code west}) with MirrorMaker 2 between them, a Kafka
 * Connect worker (Debezium, JDBC sink, DynamoDB Streams source), PostgreSQL, DynamoDB Local, a
 * schema registry, a TCP proxy on every link a fault may cut, and a Flink session cluster shared by
 * the deployments (each submits its SQL as a job of its own, with its own checkpoints, so a job can
 * be killed and restored on its own; the TaskManager is a shared component).
 *
 * <p>Independent components start in parallel, the slowest first, so both cores stay busy; {@link #close()} stops everything in reverse order
 * and is safe from a shutdown hook.
 */
public final class EmbeddedTopology implements Topology, TopologyControl, RegionFailover {

    static final List<String> REGIONS = List.of("east", "west");

    /**
     * Task slots of the Flink session: {@value #SLOTS_PROPERTY}, by default two per scenario that
     * runs at the same time ({@code pipeline-harness.parallelism}), at least four, since a scenario's
     * job may still be cancelling while the next one's starts.
     */
    public static final String SLOTS_PROPERTY = "pipeline-harness.embedded.flink.slots";

    private final TopologySettings settings;
    private final Path runDirectory;
    private final Path logDirectory;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();

    private LinkProxies proxies;
    private KafkaRegion east;
    private KafkaRegion west;
    private PostgresServer postgres;
    private DynamoDbLocalServer dynamoDb;
    private SchemaRegistryServer registry;
    private ConnectWorker connect;
    private MirrorMaker mirror;
    private FlinkSessionCluster flink;
    private LinkProxy connectToPostgres;
    private LinkProxy connectToDynamoDb;
    private LocalEndpoints endpoints;
    private EmbeddedControl control;
    private EmbeddedRegionFailover failover;
    private volatile boolean closed;

    EmbeddedTopology(TopologySettings settings) {
        this.settings = settings;
        this.runDirectory = settings.workDirectory().resolve("embedded");
        this.logDirectory = settings.workDirectory().resolve("logs");
    }

    @Override
    public String name() {
        return EmbeddedTopologyProvider.NAME;
    }

    @Override
    public void start() throws Exception {
        Files.createDirectories(runDirectory);
        Files.createDirectories(logDirectory);
        // Processes append to their logs (a restarted broker keeps one story); a new run starts afresh,
        // so the log tails attached to a failure are this run's.
        Directories.deleteMatching(logDirectory, name -> name.endsWith(".log"));
        Duration timeout = settings.startTimeout();
        ExecutorService pool = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "embedded-topology-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            proxies = own(LinkProxies.open());
            // Wave 1: nothing here depends on anything else. The Flink session goes first: its warm-up
            // job (planner, code generation, task deployment) is the longest CPU-bound start.
            CompletableFuture<FlinkSessionCluster> flinkStart = timed(pool, "flink-session",
                    () -> FlinkSessionCluster.start(dir("flink-session"), log("flink-session"), slots(), timeout));
            CompletableFuture<KafkaRegion> eastStart = timed(pool, "kafka-east",
                    () -> KafkaRegion.start("east", dir("kafka-east"), log("kafka-east"), proxies, timeout));
            CompletableFuture<KafkaRegion> westStart = timed(pool, "kafka-west",
                    () -> KafkaRegion.start("west", dir("kafka-west"), log("kafka-west"), proxies, timeout));
            CompletableFuture<PostgresServer> postgresStart = timed(pool, "postgres",
                    () -> PostgresServer.start(dir("postgres"), log("postgres"), timeout));
            CompletableFuture<DynamoDbLocalServer> dynamoStart = timed(pool, "dynamodb-local",
                    () -> DynamoDbLocalServer.start(dir("dynamodb-local"), log("dynamodb-local"), timeout));
            CompletableFuture<SchemaRegistryServer> registryStart = timed(pool, "schema-registry",
                    SchemaRegistryServer::start);
            // Wave 2 starts as soon as what it needs is up, not when all of wave 1 is: Connect needs
            // east, MirrorMaker both regions; the Flink session's warm-up overlaps with both.
            CompletableFuture<ConnectWorker> connectStart = eastStart.thenCompose(ready -> timed(pool, "connect",
                    () -> ConnectWorker.start("connect", ready.bootstrapServers(KafkaLink.CONNECT),
                            dir("connect"), log("connect"), timeout)));
            CompletableFuture<MirrorMaker> mirrorStart = eastStart.thenCombine(westStart, List::of)
                    .thenCompose(regions -> timed(pool, "mirror-maker", () -> MirrorMaker.start(regions.get(0),
                            regions.get(1), ".*", dir("mirror-maker"), log("mirror-maker"), timeout)));
            awaitAll(flinkStart, eastStart, westStart, postgresStart, dynamoStart, registryStart, connectStart,
                    mirrorStart);
            flink = flinkStart.join();
            east = eastStart.join();
            west = westStart.join();
            postgres = postgresStart.join();
            dynamoDb = dynamoStart.join();
            registry = registryStart.join();
            connect = connectStart.join();
            mirror = mirrorStart.join();
            connectToPostgres = proxies.create("connect->postgres",
                    new InetSocketAddress("127.0.0.1", postgres.port()));
            connectToDynamoDb = proxies.create("connect->dynamodb",
                    new InetSocketAddress("127.0.0.1", dynamoDb.port()));

            endpoints = new LocalEndpoints(EmbeddedTopologyProvider.NAME, REGIONS, Map.of("east", KafkaEndpoint.plaintext("east", east.bootstrapServers(KafkaLink.HARNESS)),
                            "west", KafkaEndpoint.plaintext("west", west.bootstrapServers(KafkaLink.HARNESS))),
                    postgres.jdbcEndpoint(),
                    dynamoDb.endpoint(),
                    registry.url());
        } catch (Exception | Error e) {
            close();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How long each component took from launch to ready, in start order, for the topology benchmark. */
    public Map<String, Duration> startTimes() {
        return Map.copyOf(startTimes);
    }

    @Override
    public Endpoints endpoints() {
        requireStarted();
        return endpoints;
    }

    /**
     * Every component and link offers its faults through {@link TopologyControl}; this is what they
     * add up to, {@value #SCHEMA_CHANGE_FAULT} (a statement run in a deployment's own PostgreSQL schema
     * through the endpoint every scenario has), {@value #SCHEMA_REGISTRATION_FAULT} (through the registry),
     * and the region outage with its failover runbook
     * ({@link RegionFailover}).
     */
    @Override
    public Set<String> supportedFaults() {
        Set<String> kinds = new java.util.HashSet<>(faultKinds());
        kinds.add(SCHEMA_CHANGE_FAULT);
        kinds.add(SCHEMA_REGISTRATION_FAULT);
        kinds.add(RegionFailover.FAULT_KIND);
        return Set.copyOf(kinds);
    }

    @Override
    public Map<String, Set<String>> failoverTargets() {
        return EmbeddedRegionFailover.TARGETS;
    }

    @Override
    public String prepare(Deployment deployment, String from, String to, List<String> downstreamTopics,
                          Duration timeout) throws Exception {
        return failover().prepare(deployment, from, to, downstreamTopics, timeout);
    }

    @Override
    public Outage takeDown(String region) throws Exception {
        return failover().takeDown(region);
    }

    @Override
    public FailoverReport failover(Deployment deployment, Outage outage, String to, RegionSwitch producers,
                                   java.util.function.Consumer<String> steps, Duration timeout) throws Exception {
        return failover().failover(deployment, outage, to, producers, steps, timeout);
    }

    @Override
    public String bringBack(String region, Duration timeout) throws Exception {
        return failover().bringBack(region, timeout);
    }

    private synchronized EmbeddedRegionFailover failover() {
        requireStarted();
        if (failover == null) {
            failover = new EmbeddedRegionFailover(this::components);
        }
        return failover;
    }

    /** The fault kind of a schema change (DDL) of a CDC table ({@code dev.pipelineharness.faults}). */
    static final String SCHEMA_CHANGE_FAULT = "ddl";
    /** A schema registered for a deployment's topic through the registry every scenario has. */
    static final String SCHEMA_REGISTRATION_FAULT = "register-schema";

    @Override
    public List<ComponentControl> components(Deployment deployment) {
        return control().components(deployment);
    }

    @Override
    public List<ComponentControl> sharedComponents() {
        return control().sharedComponents();
    }

    @Override
    public List<LinkControl> links(Deployment deployment) {
        return control().links(deployment);
    }

    @Override
    public Set<String> componentNames() {
        return EmbeddedControl.COMPONENT_NAMES;
    }

    @Override
    public Set<String> linkNames() {
        return EmbeddedControl.LINK_NAMES;
    }

    /** The fixed names, and {@code connect.<name>} for each connector a deployment will create. */
    @Override
    public boolean hasComponent(String name) {
        return EmbeddedControl.has(name);
    }

    @Override
    public Scope scopeOf(String name) {
        return EmbeddedControl.scope(name);
    }

    /** Known before start: every process can be killed and restarted, most paused (see {@link EmbeddedControl}). */
    @Override
    public Set<ComponentOperation> componentOperations() {
        return Set.copyOf(EnumSet.allOf(ComponentOperation.class));
    }

    @Override
    public Set<LinkOperation> linkOperations() {
        return Set.copyOf(EnumSet.allOf(LinkOperation.class));
    }

    private synchronized EmbeddedControl control() {
        requireStarted();
        if (control == null) {
            control = new EmbeddedControl(components(), deployment -> deployment instanceof EmbeddedDeployment embedded
                    ? embedded.flinkJob() : Optional.empty(), deployment -> deployment instanceof EmbeddedDeployment embedded
                    ? embedded.connectors() : Map.of());
        }
        return control;
    }

    @Override
    public EmbeddedDeployment deploy(PipelineDefinition pipeline, Namespace namespace) throws Exception {
        requireStarted();
        return EmbeddedDeployment.deploy(this, pipeline, namespace);
    }

    /** The processes and links of this topology, for faults and benchmarks. */
    public EmbeddedComponents components() {
        requireStarted();
        return new EmbeddedComponents(proxies, east, west, postgres, dynamoDb, registry, connect, mirror, flink,
                connectToPostgres, connectToDynamoDb, logDirectory, runDirectory);
    }

    private int slots() {
        Optional<String> configured = settings.get(SLOTS_PROPERTY);
        if (configured.isPresent()) {
            return Integer.parseInt(configured.get().trim());
        }
        int parallelism = settings.get("pipeline-harness.parallelism").map(String::trim).map(Integer::parseInt).orElse(1);
        return Math.max(4, 2 * parallelism);
    }

    TopologySettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("pipeline-harness: failed to stop " + component + ": " + e);
            }
        }
        ChildProcesses.stopAll();
        if (!settings.keepFiles()) {
            Directories.deleteQuietly(runDirectory);
        }
    }

    private void requireStarted() {
        if (endpoints == null) {
            throw new IllegalStateException("The embedded topology is not started");
        }
    }

    private synchronized <T extends AutoCloseable> T own(T component) {
        started.push(component);
        return component;
    }

    private Path dir(String component) throws IOException {
        return Files.createDirectories(runDirectory.resolve(component));
    }

    private Path log(String component) {
        return logDirectory.resolve(component + ".log");
    }

    private <T> CompletableFuture<T> timed(ExecutorService pool, String component, ThrowingSupplier<T> start) {
        return CompletableFuture.supplyAsync(() -> {
            long begin = System.nanoTime();
            try {
                T result = start.get();
                synchronized (startTimes) {
                    startTimes.put(component, Duration.ofNanos(System.nanoTime() - begin));
                }
                return result;
            } catch (Exception e) {
                throw new CompletionException(new IllegalStateException("Could not start " + component + ": "
                        + CauseChain.describe(e), e));
            }
        }, pool);
    }

    /**
     * Waits for every start, owns each component that did start (so close() stops it even when a
     * sibling failed), then throws the first failure.
     */
    @SafeVarargs
    private void awaitAll(CompletableFuture<? extends AutoCloseable>... starts) throws Exception {
        Exception failure = null;
        for (CompletableFuture<? extends AutoCloseable> start : starts) {
            try {
                own(start.join());
            } catch (CompletionException e) {
                Exception cause = e.getCause() instanceof Exception c ? c : e;
                if (failure == null) {
                    failure = cause;
                } else if (cause != failure && !java.util.Arrays.asList(failure.getSuppressed()).contains(cause)) {
                    // a start that waited for a failed one fails with that one's cause: say it once
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    /** The DynamoDB endpoint as Connect reaches it (through its proxy), for connector placeholders. */
    DynamoDbEndpoint dynamoDbForConnect() {
        DynamoDbEndpoint direct = dynamoDb.endpoint();
        return new DynamoDbEndpoint(Optional.of(URI.create("http://127.0.0.1:" + connectToDynamoDb.port())),
                direct.region(), direct.accessKeyId(), direct.secretAccessKey());
    }

    int postgresPortForConnect() {
        return connectToPostgres.port();
    }

    static Secret secret(String value) {
        return Secret.of(value);
    }
}
