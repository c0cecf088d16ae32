package dev.pipelineharness.local.flink;

import dev.pipelineharness.local.process.BoundedWait;
import dev.pipelineharness.local.process.FreePorts;
import dev.pipelineharness.local.process.JavaProcessSpec;
import dev.pipelineharness.local.process.ManagedProcess;
import dev.pipelineharness.local.process.RuntimeClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single real Kafka broker (KRaft, broker and controller in one child JVM) for the Flink tests
 * only, until these tests move onto the topology's own Kafka region: formatted with StorageTool,
 * then started with {@code kafka.Kafka}, ready once it answers a metadata request.
 */
final class TestKafkaBroker implements AutoCloseable {

    private final ManagedProcess process;
    private final String bootstrapServers;

    private TestKafkaBroker(ManagedProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static TestKafkaBroker start(Path directory, Duration timeout) throws IOException {
        int port = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        Path config = Files.createDirectories(directory).resolve("server.properties");
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", directory.resolve("data").toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "3"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        try (var out = Files.newOutputStream(config)) {
            properties.store(out, "test broker for the Flink integration tests");
        }
        List<Path> classpath = RuntimeClasspath.of("kafka");
        try (ManagedProcess format = ManagedProcess.startJava(JavaProcessSpec.of("kafka-format", "kafka.tools.StorageTool")
                .classpath(classpath).jvmArg("-Xmx128m").workDirectory(directory)
                .args("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()))) {
            if (!format.awaitExit(timeout) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting the test broker's storage failed:\n" + format.logTail(20));
            }
        }
        ManagedProcess broker = ManagedProcess.startJava(JavaProcessSpec.of("kafka-test-broker", "kafka.Kafka")
                .classpath(classpath).jvmArg("-Xmx384m").jvmArg("-XX:+UseSerialGC").workDirectory(directory)
                .args(config.toString()));
        String bootstrap = "127.0.0.1:" + port;
        TestKafkaBroker started = new TestKafkaBroker(broker, bootstrap);
        try {
            BoundedWait.until("the test Kafka broker to answer a metadata request", timeout, broker, () -> {
                try (Admin admin = started.admin()) {
                    return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
                }
            });
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return started;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
    }

    @Override
    public void close() {
        process.close();
    }
}
