package dev.pipelineharness.local.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The properties of one distributed Connect worker, and the log4j2 file it logs with. Kept apart
 * from {@link ConnectWorker} so the settings (and why each is there) can be read in one place.
 */
final class ConnectWorkerConfig {

    private ConnectWorkerConfig() {
    }

    /**
     * @param topicPrefix unique per worker: its group id and the prefix of its three internal topics
     */
    static Map<String, String> properties(String bootstrapServers, String topicPrefix, int restPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", topicPrefix);
        p.put("config.storage.topic", topicPrefix + "-configs");
        p.put("offset.storage.topic", topicPrefix + "-offsets");
        p.put("status.storage.topic", topicPrefix + "-status");
        // One broker per region in the embedded topology.
        p.put("config.storage.replication.factor", "1");
        p.put("offset.storage.replication.factor", "1");
        p.put("status.storage.replication.factor", "1");
        p.put("offset.storage.partitions", "5");
        p.put("status.storage.partitions", "1");
        // Schemas on by default: the Debezium JDBC sink needs them; a connector may override.
        p.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("key.converter.schemas.enable", "true");
        p.put("value.converter.schemas.enable", "true");
        // Source offsets (Debezium's LSN) reach Kafka within a second, so a killed worker replays little.
        p.put("offset.flush.interval.ms", "1000");
        p.put("listeners", "http://127.0.0.1:" + restPort);
        p.put("rest.advertised.host.name", "127.0.0.1");
        p.put("rest.advertised.port", Integer.toString(restPort));
        // Plugins from the classpath through their ServiceLoader manifests: 0.3 s instead of an 8 s scan.
        p.put("plugin.discovery", "service_load");
        // Sources create their topics (topic.creation.default.* in the connector config).
        p.put("topic.creation.enable", "true");
        // A killed worker leaves the group after 6 s (the broker's minimum) instead of 10 s, and a
        // restarted one gets its tasks back at once instead of after the default 5 minutes.
        p.put("session.timeout.ms", "6000");
        p.put("heartbeat.interval.ms", "1000");
        p.put("scheduled.rebalance.max.delay.ms", "0");
        // Scenario connector configs may tune their own producer / consumer (poll sizes, linger, ...).
        p.put("connector.client.config.override.policy", "All");
        p.put("task.shutdown.graceful.timeout.ms", "3000");
        return p;
    }

    static void writeProperties(Map<String, String> properties, Path file) {
        String text = properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
        write(file, text);
    }

    /** Console logging (the process's stdout goes to its log file), quiet clients, Debezium at INFO. */
    static void writeLog4j2(Path file) {
        write(file, String.join(System.lineSeparator(),
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d{ISO8601}] %p %m (%c{1})%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.clients.name = org.apache.kafka.clients",
                "logger.clients.level = WARN",
                "logger.config.name = org.apache.kafka.common.config.AbstractConfig",
                "logger.config.level = WARN",
                "logger.jetty.name = org.eclipse.jetty",
                "logger.jetty.level = WARN",
                "logger.hibernate.name = org.hibernate",
                "logger.hibernate.level = WARN",
                ""));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
