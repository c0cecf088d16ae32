package dev.pipelineharness.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresServerSettingsTest {

    @Test
    void overridesZonkysUnsafeDefaultAndEnablesLogicalDecoding() {
        assertThat(PostgresServer.serverSettings())
                .containsEntry("synchronous_commit", "on")
                .containsEntry("wal_level", "logical")
                .containsEntry("listen_addresses", "127.0.0.1")
                .containsEntry("unix_socket_directories", "''");
        assertThat(Integer.parseInt(PostgresServer.serverSettings().get("max_replication_slots"))).isGreaterThanOrEqualTo(20);
        assertThat(Integer.parseInt(PostgresServer.serverSettings().get("max_wal_senders"))).isGreaterThanOrEqualTo(20);
    }
}
