package dev.pipelineharness.topology.support;

import dev.pipelineharness.api.JdbcEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The replication slots and publications one deployment's Debezium PostgreSQL connectors use: a slot
 * left behind pins WAL forever, so each is recorded when its connector is created and dropped when
 * the deployment goes, once the deleted connector let go of it. Works on any PostgreSQL the harness
 * reaches over JDBC (embedded, a container, RDS).
 */
public final class DebeziumSlots {

    /** The connector class whose slots are tracked. */
    public static final String POSTGRES_CONNECTOR = "io.debezium.connector.postgresql.PostgresConnector";

    private final JdbcEndpoint jdbc;
    private final List<String> slots = new ArrayList<>();
    private final List<String> publications = new ArrayList<>();

    public DebeziumSlots(JdbcEndpoint jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the slot and publication of {@code connector}, if it is a Debezium PostgreSQL source; returns its slot. */
    public synchronized java.util.Optional<String> track(ConnectorFile connector) {
        if (!POSTGRES_CONNECTOR.equals(connector.connectorClass())) {
            return java.util.Optional.empty();
        }
        String slot = connector.config().getOrDefault("slot.name", "debezium");
        slots.add(slot);
        publications.add(connector.config().getOrDefault("publication.name", "dbz_publication"));
        return java.util.Optional.of(slot);
    }

    public synchronized boolean isEmpty() {
        return slots.isEmpty() && publications.isEmpty();
    }

    /**
     * A Debezium task reports RUNNING before it streams; changes committed before its replication
     * slot exists would be missed. The slot being active is PostgreSQL's own signal that it streams.
     */
    public void awaitStreaming(String slot, String connector, Duration timeout) {
        BoundedWait.until("replication slot '" + slot + "' of connector " + connector + " to be active in PostgreSQL",
                timeout, null, () -> {
                    try (Connection connection = connect();
                         PreparedStatement query = connection.prepareStatement(
                                 "SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
                        query.setString(1, slot);
                        try (ResultSet result = query.executeQuery()) {
                            return result.next() && result.getBoolean(1);
                        }
                    }
                });
    }

    /** Drops every tracked slot (waiting, bounded, for its connector to release it), then the publications. */
    public synchronized void dropAll(Duration timeout) throws SQLException {
        for (String slot : slots) {
            BoundedWait.until("replication slot '" + slot + "' to be released by its deleted connector", timeout, null,
                    () -> {
                        try (Connection connection = connect();
                             PreparedStatement drop = connection.prepareStatement(
                                     "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                                             + "WHERE slot_name = ? AND NOT active")) {
                            drop.setString(1, slot);
                            drop.executeQuery().close();
                        }
                        try (Connection connection = connect();
                             PreparedStatement exists = connection.prepareStatement(
                                     "SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
                            exists.setString(1, slot);
                            try (ResultSet result = exists.executeQuery()) {
                                return !result.next();
                            }
                        }
                    });
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String publication : publications) {
                statement.execute("DROP PUBLICATION IF EXISTS " + publication);
            }
        }
        slots.clear();
        publications.clear();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password().reveal());
    }
}
