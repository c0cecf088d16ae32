package dev.pipelineharness.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.containers.ContainerImages.Component;
import dev.pipelineharness.containers.connect.ConnectContainers;
import dev.pipelineharness.containers.flink.FlinkContainers;
import dev.pipelineharness.containers.kafka.KafkaAdvertisedAddresses;
import dev.pipelineharness.containers.kafka.KafkaContainers;
import dev.pipelineharness.containers.kafka.KafkaLink;
import dev.pipelineharness.containers.services.DynamoDbContainers;
import dev.pipelineharness.containers.services.MirrorMakerContainers;
import dev.pipelineharness.containers.services.PostgresContainers;
import dev.pipelineharness.containers.services.SchemaRegistryContainers;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.HostPortWaitStrategy;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.LogMessageWaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;

/** What each container is made of (image, environment, aliases, ports, wait strategy), checked without Docker. */
class ContainerDefinitionsTest {

    private final ContainerImages images = ContainerImages.pinned();
    private final Network network = Network.newNetwork();
    private final ContainersLayout layout = new ContainersLayout();

    @TempDir
    Path work;

    @AfterEach
    void closeNetwork() {
        network.close();
    }

    @Test
    void aBrokerWaitsForTestcontainersOwnReadyLineAndAdvertisesItsProxies() {
        GenericContainer<?> broker = KafkaContainers.broker(images.image(Component.KAFKA), network, "west",
                KafkaAdvertisedAddresses.of("west", layout.proxies(), "localhost", port -> port + 1000));

        assertThat(broker.getNetworkAliases()).contains("kafka-west");
        assertThat(broker.getEnvMap().get("KAFKA_ADVERTISED_LISTENERS")).contains("FLINK://toxiproxy:");
        assertThat(logPattern(broker)).isEqualTo(".*Transitioning from RECOVERY to RUNNING.*");
    }

    @Test
    void postgresHasLogicalDecodingOnForDebezium() {
        GenericContainer<?> postgres = PostgresContainers.postgres(images.image(Component.POSTGRES), network);

        assertThat(postgres.getNetworkAliases()).contains("postgres");
        assertThat(String.join(" ", postgres.getCommandParts())).contains("wal_level=logical")
                .contains("max_replication_slots=32").contains("synchronous_commit=on");
    }

    @Test
    void dynamoDbLocalSharesOneDatabaseOnDiskForEveryClient() {
        GenericContainer<?> dynamo = DynamoDbContainers.dynamoDb(images.image(Component.DYNAMODB), network);

        assertThat(dynamo.getCommandParts()).containsExactly("-jar", "DynamoDBLocal.jar", "-sharedDb", "-dbPath",
                "/home/dynamodblocal");
        assertThat(dynamo.getExposedPorts()).containsExactly(8000);
        assertThat(waitStrategy(dynamo)).isInstanceOf(HostPortWaitStrategy.class);
    }

    @Test
    void connectReachesEastThroughItsProxyAndGetsTheDynamoDbConnector() throws Exception {
        Path jar = Files.createFile(work.resolve("connect-dynamodb-streams.jar"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        GenericContainer<?> connect = ConnectContainers.worker(images.image(Component.CONNECT), network,
                layout.inNetwork(KafkaLink.CONNECT.proxyName("east")), List.of(jar, classes));

        assertThat(connect.getEnvMap()).containsEntry("BOOTSTRAP_SERVERS",
                "toxiproxy:" + layout.kafka("east", KafkaLink.CONNECT).listenPort())
                .containsEntry("CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR", "1");
        assertThat(connect.getCopyToFileContainerPathMap().values()).containsExactlyInAnyOrder(
                "/kafka/connect/pipeline-harness-dynamodb-streams/connect-dynamodb-streams.jar",
                "/kafka/connect/pipeline-harness-dynamodb-streams");
        assertThat(waitStrategy(connect)).isInstanceOf(HttpWaitStrategy.class);
        assertThat(httpPath(connect)).isEqualTo("/connectors");
    }

    @Test
    void theRegistryStoresItsSchemasInEastOnTheUncutInternalListener() {
        GenericContainer<?> registry = SchemaRegistryContainers.registry(images.image(Component.SCHEMA_REGISTRY),
                network, "east");

        assertThat(registry.getEnvMap()).containsEntry("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS",
                "PLAINTEXT://kafka-east:9094");
        assertThat(httpPath(registry)).isEqualTo("/subjects");
    }

    @Test
    void flinkIsAJobManagerAndATaskManagerSharingCheckpointsAndLibJars() throws Exception {
        Path jar = Files.createFile(work.resolve("flink-connector-kafka.jar"));
        GenericContainer<?> jobManager = FlinkContainers.jobManager(images.image(Component.FLINK), network, 4,
                List.of(jar), work);
        GenericContainer<?> taskManager = FlinkContainers.taskManager(images.image(Component.FLINK), network, 4,
                List.of(jar), work);

        assertThat(jobManager.getCommandParts()).containsExactly("jobmanager");
        assertThat(taskManager.getCommandParts()).containsExactly("taskmanager");
        assertThat(jobManager.getNetworkAliases()).contains("flink-jobmanager");
        assertThat(taskManager.getEnvMap().get("FLINK_PROPERTIES")).contains("jobmanager.rpc.address: flink-jobmanager")
                .contains("taskmanager.numberOfTaskSlots: 4").contains("execution.checkpointing.interval: 1s");
        assertThat(taskManager.getCopyToFileContainerPathMap().values()).containsExactly("/opt/flink/lib/flink-connector-kafka.jar");
        assertThat(taskManager.getBinds()).singleElement().satisfies(bind ->
                assertThat(bind.getVolume().getPath()).isEqualTo("/flink-checkpoints"));
        assertThat(httpPath(jobManager)).isEqualTo("/overview");
        assertThat(logPattern(taskManager)).isEqualTo(FlinkContainers.TASKMANAGER_READY_LOG);
    }

    @Test
    void mirrorMakerReplicatesEastToWestThroughTheMirrorProxies() {
        Map<String, String> properties = MirrorMakerContainers.properties(
                layout.inNetwork(KafkaLink.MIRROR.proxyName("east")), layout.inNetwork(KafkaLink.MIRROR.proxyName("west")), ".*");
        GenericContainer<?> mirror = MirrorMakerContainers.mirrorMaker(images.image(Component.KAFKA), network, properties);

        assertThat(properties).containsEntry("east.bootstrap.servers",
                        "toxiproxy:" + layout.kafka("east", KafkaLink.MIRROR).listenPort())
                .containsEntry("west.bootstrap.servers", "toxiproxy:" + layout.kafka("west", KafkaLink.MIRROR).listenPort())
                .containsEntry("east->west.enabled", "true").containsEntry("west->east.enabled", "false")
                .containsEntry("east->west.topics", ".*|harness-mm2-probe")
                .containsEntry("replication.policy.class", "org.apache.kafka.connect.mirror.IdentityReplicationPolicy");
        assertThat(mirror.getCommandParts()).containsExactly(MirrorMakerContainers.PROPERTIES_PATH);
        assertThat(MirrorMakerContainers.render(properties)).contains("clusters=east, west\n");
    }

    private static WaitStrategy waitStrategy(GenericContainer<?> container) {
        return (WaitStrategy) field(container, GenericContainer.class, "waitStrategy");
    }

    private static String logPattern(GenericContainer<?> container) {
        return (String) field(waitStrategy(container), LogMessageWaitStrategy.class, "regEx");
    }

    private static String httpPath(GenericContainer<?> container) {
        return (String) field(waitStrategy(container), HttpWaitStrategy.class, "path");
    }

    /** Testcontainers keeps a container's wait strategy to itself; these tests read it to check it. */
    private static Object field(Object owner, Class<?> declaring, String name) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Testcontainers' " + declaring.getSimpleName() + " has no field " + name, e);
        }
    }
}
