package dev.pipelineharness.local.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectWorkerConfigTest {

    @Test
    void internalTopicsAreUniquePerWorkerWithReplicationFactorOne() {
        Map<String, String> p = ConnectWorkerConfig.properties("127.0.0.1:9092", "harness-connect-east-1a2b", 4321);

        assertThat(p).containsEntry("group.id", "harness-connect-east-1a2b")
                .containsEntry("config.storage.topic", "harness-connect-east-1a2b-configs")
                .containsEntry("offset.storage.topic", "harness-connect-east-1a2b-offsets")
                .containsEntry("status.storage.topic", "harness-connect-east-1a2b-status")
                .containsEntry("config.storage.replication.factor", "1")
                .containsEntry("offset.storage.replication.factor", "1")
                .containsEntry("status.storage.replication.factor", "1")
                .containsEntry("plugin.discovery", "service_load")
                .containsEntry("value.converter", "org.apache.kafka.connect.json.JsonConverter")
                .containsEntry("value.converter.schemas.enable", "true")
                .containsEntry("listeners", "http://127.0.0.1:4321")
                .containsEntry("scheduled.rebalance.max.delay.ms", "0");
    }

    @Test
    void writesAPropertiesFileConnectCanRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("worker.properties");
        ConnectWorkerConfig.writeProperties(Map.of("bootstrap.servers", "127.0.0.1:1", "plugin.path", "C:\\x"), file);

        Properties read = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            read.load(in);
        }
        assertThat(read).containsEntry("bootstrap.servers", "127.0.0.1:1").containsEntry("plugin.path", "C:\\x");
    }
}
