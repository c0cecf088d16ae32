package dev.pipelineharness.topology.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DebeziumFirstOffsetTest {

    @Test
    void aDebeziumPostgresSourceWithAHeartbeatCommitsAnOffsetBeforeAnyChange() {
        assertThat(DebeziumFirstOffset.isExpected(connector(Map.of("connector.class", DebeziumSlots.POSTGRES_CONNECTOR,
                "heartbeat.interval.ms", "1000")))).isTrue();
    }

    @Test
    void withoutAHeartbeatOrWithItOffThereIsNothingToWaitFor() {
        assertThat(DebeziumFirstOffset.isExpected(connector(Map.of("connector.class", DebeziumSlots.POSTGRES_CONNECTOR))))
                .isFalse();
        assertThat(DebeziumFirstOffset.isExpected(connector(Map.of("connector.class", DebeziumSlots.POSTGRES_CONNECTOR,
                "heartbeat.interval.ms", "0")))).isFalse();
        // Connect itself refuses a value that is no number, when the connector is created
        assertThat(DebeziumFirstOffset.isExpected(connector(Map.of("connector.class", DebeziumSlots.POSTGRES_CONNECTOR,
                "heartbeat.interval.ms", "often")))).isFalse();
    }

    @Test
    void otherConnectorsAreNotWaitedFor() {
        assertThat(DebeziumFirstOffset.isExpected(connector(Map.of("connector.class",
                "io.debezium.connector.jdbc.JdbcSinkConnector", "heartbeat.interval.ms", "1000")))).isFalse();
    }

    private static ConnectorFile connector(Map<String, String> config) {
        return new ConnectorFile("ns_postgres_cdc", config, "connectors/postgres-cdc.json");
    }
}
