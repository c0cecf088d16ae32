package dev.pipelineharness.local.connect;

import dev.pipelineharness.local.process.BoundedWait;
import dev.pipelineharness.local.process.FreePorts;
import dev.pipelineharness.local.process.JavaProcessSpec;
import dev.pipelineharness.local.process.ManagedProcess;
import dev.pipelineharness.local.process.RuntimeClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A one-node KRaft Kafka (broker + controller) in a child JVM, for these tests only, until the
 * topology's own Kafka region replaces it.
 */
final class TestKafkaBroker implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private TestKafkaBroker(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static TestKafkaBroker start(Path workDir, Duration timeout) throws IOException {
        if (Files.exists(workDir)) {
            // A fresh cluster each run: StorageTool refuses to format a used log directory.
            try (var paths = Files.walk(workDir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(workDir);
        int port = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        Path properties = workDir.resolve("server.properties");
        Path log4j = workDir.resolve("log4j2.properties");
        Files.writeString(log4j, String.join("\n",
                "appender.console.type = Console", "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout", "appender.console.layout.pattern = [%d] %p %m (%c{1})%n",
                "rootLogger.level = WARN", "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.server.name = kafka.server.KafkaRaftServer", "logger.server.level = INFO", ""));
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + workDir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        Path log = workDir.resolve("kafka.log");
        ManagedProcess format = ManagedProcess.startJava(JavaProcessSpec.of("kafka-format", "kafka.tools.StorageTool")
                .classpath(RuntimeClasspath.of("kafka")).workDirectory(workDir).logFile(log)
                .jvmArg("-Dlog4j2.configurationFile=" + log4j.toUri())
                .args("format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()));
        if (!format.awaitExit(timeout) || format.exitValue() != 0) {
            format.close();
            throw new IllegalStateException("kafka storage format failed:\n" + format.logTail(20));
        }
        format.close();
        ManagedProcess broker = ManagedProcess.startJava(JavaProcessSpec.of("kafka", "kafka.Kafka")
                .classpath(RuntimeClasspath.of("kafka")).workDirectory(workDir).logFile(log)
                .jvmArg("-Xmx384m").jvmArg("-XX:+UseSerialGC").jvmArg("-XX:TieredStopAtLevel=1")
                .jvmArg("-Dlog4j2.configurationFile=" + log4j.toUri())
                .args(properties.toString()));
        TestKafkaBroker kafka = new TestKafkaBroker(broker, port);
        try {
            BoundedWait.until("test kafka on port " + port + " to answer describeCluster", timeout, broker, () -> {
                // A closed port first: an admin client against it only logs timeouts.
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                    socket.setSoTimeout(500);
                }
                try (Admin admin = kafka.admin()) {
                    return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
                }
            });
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
