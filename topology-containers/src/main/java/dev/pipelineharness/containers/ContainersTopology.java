package dev.pipelineharness.containers;

import dev.pipelineharness.containers.support.HttpProbe;
import dev.pipelineharness.containers.support.NetworkAliases;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.JdbcEndpoint;
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
import dev.pipelineharness.api.control.TopologyControl;
import dev.pipelineharness.containers.ContainerImages.Component;
import dev.pipelineharness.containers.connect.ConnectContainers;
import dev.pipelineharness.containers.connect.ConnectRestClient;
import dev.pipelineharness.containers.control.ComponentSpec;
import dev.pipelineharness.containers.control.ContainersControl;
import dev.pipelineharness.containers.control.DockerContainerRuntime;
import dev.pipelineharness.containers.flink.FlinkContainers;
import dev.pipelineharness.containers.flink.FlinkRestClient;
import dev.pipelineharness.containers.kafka.KafkaAdmin;
import dev.pipelineharness.containers.kafka.KafkaAdvertisedAddresses;
import dev.pipelineharness.containers.kafka.KafkaContainers;
import dev.pipelineharness.containers.kafka.KafkaLink;
import dev.pipelineharness.containers.proxy.LinkProxy;
import dev.pipelineharness.containers.proxy.ProxyRoute;
import dev.pipelineharness.containers.proxy.ToxiproxyLinkProxy;
import dev.pipelineharness.containers.services.DynamoDbContainers;
import dev.pipelineharness.containers.services.DynamoDbTables;
import dev.pipelineharness.containers.services.MirrorMakerContainers;
import dev.pipelineharness.containers.services.MirrorProbe;
import dev.pipelineharness.containers.services.PostgresContainers;
import dev.pipelineharness.containers.services.SchemaRegistryContainers;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.topology.support.DebeziumSlots;
import dev.pipelineharness.topology.support.LocalEndpoints;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/**
 * The {@code containers} topology: the embedded topology's components as containers on one Docker
 * network. Two Kafka regions ({@code east}, {@code west}) with MirrorMaker 2 between them, a Kafka
 * Connect worker (Debezium's PostgreSQL source and JDBC sink, this project's DynamoDB Streams source),
 * PostgreSQL, DynamoDB Local, a schema registry, a Flink session cluster, and one Toxiproxy container
 * that every link a fault may act on goes through.
 *
 * <p>Start order: Toxiproxy first (the brokers advertise its addresses), then everything that needs
 * nothing else in parallel, then Connect, the registry and MirrorMaker (they need the brokers), all with
 * wait strategies and then the harness's own readiness checks. {@link #close()} removes every container
 * and the network, also after a failed start.
 */
public final class ContainersTopology implements Topology, TopologyControl {

    private final TopologySettings settings;
    private final ContainersSettings options;
    private final ContainersLayout layout = new ContainersLayout();
    private final Path runDirectory;
    private final Path logDirectory;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<FileLogConsumer> logs = new ArrayList<>();

    private Network network;
    private ToxiproxyContainer toxiproxy;
    private final Map<String, GenericContainer<?>> brokers = new LinkedHashMap<>();
    private final Map<String, KafkaAdmin> admins = new LinkedHashMap<>();
    private final Map<String, LinkProxy> proxies = new LinkedHashMap<>();
    private PostgreSQLContainer postgres;
    private GenericContainer<?> dynamoDb;
    private GenericContainer<?> connect;
    private GenericContainer<?> registry;
    private GenericContainer<?> jobManager;
    private GenericContainer<?> taskManager;
    private GenericContainer<?> mirrorMaker;
    private DynamoDbTables tables;
    private LocalEndpoints endpoints;
    private ContainersControl control;
    private volatile boolean closed;

    ContainersTopology(TopologySettings settings, ContainersSettings options) {
        this.settings = settings;
        this.options = options;
        this.runDirectory = settings.workDirectory().resolve("containers");
        this.logDirectory = settings.workDirectory().resolve("logs");
    }

    @Override
    public String name() {
        return ContainersTopologyProvider.NAME;
    }

    @Override
    public void start() throws Exception {
        Duration timeout = settings.startTimeout();
        ContainerImages images = options.images();
        List<Path> flinkLib = ContainerLibraries.flinkLib();
        List<Path> dynamoDbConnector = ContainerLibraries.dynamoDbConnector();
        Files.createDirectories(runDirectory);
        Path checkpoints = Files.createDirectories(runDirectory.resolve("flink-checkpoints"));
        // the Flink image runs as its own user: the shared checkpoint mount must be writable for it
        Files.setPosixFilePermissions(checkpoints, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            network = own(Network.newNetwork());
            toxiproxy = own(configure(new ToxiproxyContainer(images.image(Component.TOXIPROXY)), "toxiproxy")
                    .withNetwork(network).withNetworkAliases(NetworkAliases.TOXIPROXY));
            toxiproxy.start();
            createProxies();

            // Wave 1: nothing here needs anything else.
            for (String region : ContainersLayout.REGIONS) {
                Map<KafkaLink, String> advertised = KafkaAdvertisedAddresses.of(region, layout.proxies(),
                        toxiproxy.getHost(), toxiproxy::getMappedPort);
                brokers.put(region, own(configure(KafkaContainers.broker(images.image(Component.KAFKA), network,
                        region, advertised), "kafka-" + region)));
            }
            postgres = own(configure(PostgresContainers.postgres(images.image(Component.POSTGRES), network), "postgres"));
            dynamoDb = own(configure(DynamoDbContainers.dynamoDb(images.image(Component.DYNAMODB), network),
                    "dynamodb-local"));
            jobManager = own(configure(FlinkContainers.jobManager(images.image(Component.FLINK), network,
                    options.taskSlots(), flinkLib, checkpoints), "flink-jobmanager"));
            taskManager = own(configure(FlinkContainers.taskManager(images.image(Component.FLINK), network,
                    options.taskSlots(), flinkLib, checkpoints), "flink-taskmanager"));
            startAll(timeout, brokers.get("east"), brokers.get("west"), postgres, dynamoDb, jobManager, taskManager);
            for (String region : ContainersLayout.REGIONS) {
                KafkaAdmin admin = own(new KafkaAdmin(region, harnessBootstrap(region)));
                admins.put(region, admin);
                admin.awaitReady(timeout);
            }
            admins.get("east").ensureTopic(MirrorMakerContainers.PROBE_TOPIC);
            BoundedWait.until("the Flink TaskManager to be registered at the JobManager (its REST API through Toxiproxy)",
                    timeout, null, () -> flinkClient().hasTaskManager());

            // Wave 2: Connect and the registry need east, MirrorMaker both regions.
            connect = own(configure(ConnectContainers.worker(images.image(Component.CONNECT), network,
                    layout.inNetwork(KafkaLink.CONNECT.proxyName("east")), dynamoDbConnector), "connect"));
            registry = own(configure(SchemaRegistryContainers.registry(images.image(Component.SCHEMA_REGISTRY),
                    network, "east"), "schema-registry"));
            mirrorMaker = own(configure(MirrorMakerContainers.mirrorMaker(images.image(Component.KAFKA), network,
                    MirrorMakerContainers.properties(layout.inNetwork(KafkaLink.MIRROR.proxyName("east")),
                            layout.inNetwork(KafkaLink.MIRROR.proxyName("west")), ".*")), "mirror-maker"));
            startAll(timeout, connect, registry, mirrorMaker);

            endpoints = new LocalEndpoints(ContainersTopologyProvider.NAME, ContainersLayout.REGIONS, Map.of("east", KafkaEndpoint.plaintext("east", harnessBootstrap("east")),
                            "west", KafkaEndpoint.plaintext("west", harnessBootstrap("west"))),
                    jdbcFromHost(), dynamoDbFromHost(), hostUri(ContainersLayout.HARNESS_TO_REGISTRY));
            tables = own(new DynamoDbTables(endpoints.dynamo()));
            tables.awaitReady(timeout);
            awaitConnectPlugins(timeout);
            MirrorProbe.awaitReplication(harnessBootstrap("east"), harnessBootstrap("west"), timeout);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void createProxies() throws IOException {
        ToxiproxyClient client = new ToxiproxyClient(toxiproxy.getHost(), toxiproxy.getControlPort());
        for (ProxyRoute route : layout.proxies().routes()) {
            proxies.put(route.name(), new ToxiproxyLinkProxy(client.createProxy(route.name(), route.listen(),
                    route.upstream())));
        }
    }

    /** Testcontainers starts them in parallel; each one's wait strategy bounds its own start. */
    private void startAll(Duration timeout, GenericContainer<?>... containers) {
        for (GenericContainer<?> container : containers) {
            container.withStartupTimeout(timeout);
        }
        Startables.deepStart(containers).join();
    }

    private <C extends GenericContainer<?>> C configure(C container, String component) {
        FileLogConsumer log = new FileLogConsumer(logDirectory.resolve(component + ".log"));
        logs.add(log);
        container.withLogConsumer(log);
        container.withReuse(options.reuse());
        return container;
    }

    private void awaitConnectPlugins(Duration timeout) {
        ConnectRestClient client = connectClient();
        BoundedWait.until("Kafka Connect's REST API to list the Debezium PostgreSQL source", timeout, null,
                () -> client.hasPlugin(DebeziumSlots.POSTGRES_CONNECTOR));
    }

    String harnessBootstrap(String region) {
        return hostAddress(layout.kafka(region, KafkaLink.HARNESS).name());
    }

    private String hostAddress(String proxy) {
        return toxiproxy.getHost() + ":" + toxiproxy.getMappedPort(layout.proxies().route(proxy).listenPort());
    }

    private URI hostUri(String proxy) {
        return URI.create("http://" + hostAddress(proxy));
    }

    private JdbcEndpoint jdbcFromHost() {
        int port = toxiproxy.getMappedPort(layout.proxies().route(ContainersLayout.HARNESS_TO_POSTGRES).listenPort());
        String host = toxiproxy.getHost();
        return new JdbcEndpoint("jdbc:postgresql://" + host + ":" + port + "/" + PostgresContainers.DATABASE, host, port,
                PostgresContainers.DATABASE, PostgresContainers.USER, Secret.of(PostgresContainers.PASSWORD));
    }

    private DynamoDbEndpoint dynamoDbFromHost() {
        return new DynamoDbEndpoint(Optional.of(hostUri(ContainersLayout.HARNESS_TO_DYNAMODB)), DynamoDbContainers.REGION,
                Optional.of(DynamoDbContainers.ACCESS_KEY_ID), Optional.of(Secret.of(DynamoDbContainers.SECRET_ACCESS_KEY)));
    }

    @Override
    public Endpoints endpoints() {
        requireStarted();
        return endpoints;
    }

    @Override
    public Set<String> supportedFaults() {
        return faultKinds();
    }

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
        return ContainersLayout.COMPONENTS;
    }

    @Override
    public Set<String> linkNames() {
        return ContainersLayout.links().keySet();
    }

    @Override
    public dev.pipelineharness.api.control.Scope scopeOf(String name) {
        return dev.pipelineharness.api.control.Scope.SHARED;
    }

    /** Known before start: every container can be killed, paused and restarted. */
    @Override
    public Set<ComponentOperation> componentOperations() {
        return dev.pipelineharness.containers.control.ContainerComponentControl.OPERATIONS;
    }

    @Override
    public Set<LinkOperation> linkOperations() {
        return dev.pipelineharness.containers.control.ToxiproxyLinkControl.OPERATIONS;
    }

    private synchronized ContainersControl control() {
        requireStarted();
        if (control == null) {
            control = new ContainersControl(new DockerContainerRuntime(DockerClientFactory.instance().client()),
                    sharedComponentSpecs(), ContainersLayout.links(), proxies, this::flinkOf);
        }
        return control;
    }

    private List<ComponentSpec> sharedComponentSpecs() {
        List<ComponentSpec> components = new ArrayList<>();
        for (String region : ContainersLayout.REGIONS) {
            components.add(new ComponentSpec("kafka." + region, "answers a metadata request with every partition led",
                    brokers.get(region)::getContainerId, admins.get(region)::awaitReady));
        }
        components.add(new ComponentSpec("connect", "its REST API answers and lists the Debezium PostgreSQL source",
                connect::getContainerId, this::awaitConnectPlugins));
        components.add(new ComponentSpec("postgres", "accepts a JDBC connection", postgres::getContainerId,
                timeout -> BoundedWait.until("PostgreSQL to accept a JDBC connection", timeout, null, () -> {
                    JdbcEndpoint jdbc = endpoints.jdbc();
                    DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password().reveal()).close();
                    return true;
                })));
        components.add(new ComponentSpec("dynamodb", "answers ListTables", dynamoDb::getContainerId, tables::awaitReady));
        components.add(new ComponentSpec("mirror-maker", "replicates a probe record from east to west",
                mirrorMaker::getContainerId,
                timeout -> MirrorProbe.awaitReplication(harnessBootstrap("east"), harnessBootstrap("west"), timeout)));
        components.add(new ComponentSpec("schema-registry", "answers GET /subjects", registry::getContainerId,
                timeout -> BoundedWait.until("the schema registry to answer GET /subjects", timeout, null,
                        () -> HttpProbe.get(endpoints.registry().resolve("/subjects")).statusCode() == 200)));
        // Not the Flink JobManager: a session cluster without high availability forgets every job when its
        // JobManager restarts, so a fault on it could never heal; the embedded topology has none either.
        return components;
    }

    /** The TaskManager, as the {@code flink} of a deployment with a job: ready when that job runs again. */
    private Optional<ComponentSpec> flinkOf(Deployment deployment) {
        if (!(deployment instanceof ContainersDeployment ours) || ours.flinkJobId().isEmpty()) {
            return Optional.empty();
        }
        String jobId = ours.flinkJobId().get();
        return Optional.of(new ComponentSpec("flink", "its job and all its tasks are RUNNING",
                taskManager::getContainerId, timeout -> flinkClient().awaitRunning(jobId, timeout)));
    }

    @Override
    public ContainersDeployment deploy(PipelineDefinition pipeline, Namespace namespace) throws Exception {
        requireStarted();
        return ContainersDeployment.deploy(this, pipeline, namespace);
    }

    // what a deployment needs of the topology

    TopologySettings settings() {
        return settings;
    }

    ContainersLayout layout() {
        return layout;
    }

    KafkaAdmin admin(String region) {
        return admins.get(region);
    }

    DynamoDbTables tables() {
        return tables;
    }

    GenericContainer<?> jobManager() {
        return jobManager;
    }

    ConnectRestClient connectClient() {
        return new ConnectRestClient(hostUri(ContainersLayout.HARNESS_TO_CONNECT));
    }

    FlinkRestClient flinkClient() {
        return new FlinkRestClient(hostUri(ContainersLayout.HARNESS_TO_FLINK));
    }

    List<Path> logFiles() {
        return logs.stream().map(FileLogConsumer::file).sorted().toList();
    }

    /** Stops and removes every container and the network, in reverse order; safe twice and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            if (options.reuse() && part instanceof GenericContainer<?>) {
                continue; // kept for the next run, as the user asked
            }
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("pipeline-harness: failed to stop " + part + ": " + e);
            }
        }
        for (FileLogConsumer log : logs) {
            try {
                log.close();
            } catch (IOException ignored) {
                // nothing more to write
            }
        }
        if (!settings.keepFiles() && !options.reuse()) {
            deleteQuietly(runDirectory);
        }
    }

    /** The run directory holds the Flink checkpoints the containers wrote; a leftover is no reason to fail. */
    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // left behind; the next run's directory is the same and gets cleaned then
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

    private void requireStarted() {
        if (endpoints == null) {
            throw new IllegalStateException("The containers topology is not started");
        }
    }

    private synchronized <T extends AutoCloseable> T own(T part) {
        started.push(part);
        return part;
    }
}
