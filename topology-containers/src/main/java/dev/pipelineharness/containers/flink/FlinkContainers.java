package dev.pipelineharness.containers.flink;

import dev.pipelineharness.containers.support.NetworkAliases;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A Flink session cluster as the official image runs one: a {@code jobmanager} and a {@code taskmanager}
 * container, configured through {@code FLINK_PROPERTIES} (appended to the image's configuration),
 * sharing every deployment's jobs. The Kafka connector and the {@code avro-confluent} format are copied
 * into {@code /opt/flink/lib} of both. Checkpoints go to a directory both containers mount, so a killed
 * TaskManager's job restarts from its latest checkpoint, as the embedded Flink job does.
 */
public final class FlinkContainers {

    public static final int REST_PORT = 8081;
    public static final String LIB = "/opt/flink/lib";
    public static final String CHECKPOINTS = "/flink-checkpoints";
    /**
     * The TaskExecutor's log line once it registered at the ResourceManager: from then on it offers its
     * slots.
     */
    public static final String TASKMANAGER_READY_LOG = ".*Successful registration at resource manager.*";

    private FlinkContainers() {
    }

    /** The cluster's settings, the same for both containers. */
    public static Map<String, String> properties(int taskSlots) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("jobmanager.rpc.address", NetworkAliases.FLINK_JOBMANAGER);
        properties.put("rest.address", NetworkAliases.FLINK_JOBMANAGER);
        properties.put("rest.bind-address", "0.0.0.0");
        properties.put("taskmanager.numberOfTaskSlots", Integer.toString(taskSlots));
        properties.put("parallelism.default", "1");
        // the REST API caches a job's state for this long (3 s by default): the harness polls it after
        // each submission and cancellation, so every deploy and undeploy would wait out the cache
        properties.put("web.refresh-interval", "100 ms");
        // exactly-once sinks publish on checkpoints: every second, kept after cancellation, on the shared mount
        properties.put("execution.checkpointing.interval", "1s");
        properties.put("execution.checkpointing.mode", "EXACTLY_ONCE");
        properties.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        properties.put("execution.checkpointing.storage", "filesystem");
        properties.put("execution.checkpointing.dir", "file://" + CHECKPOINTS);
        properties.put("state.backend.type", "hashmap");
        // a broker outage must never exhaust the restarts
        properties.put("restart-strategy.type", "exponential-delay");
        properties.put("restart-strategy.exponential-delay.initial-backoff", "1s");
        properties.put("restart-strategy.exponential-delay.max-backoff", "10s");
        properties.put("jobmanager.memory.process.size", "1024m");
        properties.put("taskmanager.memory.process.size", "1728m");
        return properties;
    }

    /** {@code FLINK_PROPERTIES} as the image reads it: one {@code key: value} per line. */
    public static String flinkProperties(Map<String, String> properties) {
        return properties.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("\n"));
    }

    public static GenericContainer<?> jobManager(DockerImageName image, Network network, int taskSlots,
                                                 List<Path> libJars, Path checkpoints) {
        GenericContainer<?> jobManager = common(image, network, taskSlots, libJars, checkpoints);
        jobManager.withNetworkAliases(NetworkAliases.FLINK_JOBMANAGER)
                .withCommand("jobmanager")
                .withExposedPorts(REST_PORT)
                .waitingFor(Wait.forHttp("/overview").forPort(REST_PORT).forStatusCode(200));
        return jobManager;
    }

    public static GenericContainer<?> taskManager(DockerImageName image, Network network, int taskSlots,
                                                  List<Path> libJars, Path checkpoints) {
        GenericContainer<?> taskManager = common(image, network, taskSlots, libJars, checkpoints);
        taskManager.withNetworkAliases(NetworkAliases.FLINK_TASKMANAGER)
                .withCommand("taskmanager")
                .waitingFor(Wait.forLogMessage(TASKMANAGER_READY_LOG, 1));
        return taskManager;
    }

    private static GenericContainer<?> common(DockerImageName image, Network network, int taskSlots,
                                              List<Path> libJars, Path checkpoints) {
        GenericContainer<?> container = new GenericContainer<>(image);
        container.withNetwork(network)
                .withEnv("FLINK_PROPERTIES", flinkProperties(properties(taskSlots)))
                .withFileSystemBind(checkpoints.toAbsolutePath().toString(), CHECKPOINTS, BindMode.READ_WRITE);
        for (Path jar : libJars) {
            container.withCopyFileToContainer(MountableFile.forHostPath(jar), LIB + "/" + jar.getFileName());
        }
        return container;
    }
}
