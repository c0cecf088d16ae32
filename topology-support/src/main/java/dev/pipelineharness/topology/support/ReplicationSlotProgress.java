package dev.pipelineharness.topology.support;

import dev.pipelineharness.api.JdbcEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether Debezium's PostgreSQL sources have read the WAL up to what was committed when first asked:
 * PostgreSQL's walsender decodes the whole WAL for a logical slot (changes of other tables are
 * skipped, not waited for), so its {@code sent_lsn} passing the WAL position taken at the first
 * question means every change committed before it has gone to the connector. One instance per
 * deployment: the first question, asked once its generators have finished, fixes the target.
 */
public final class ReplicationSlotProgress {

    private static final String QUERY = """
            SELECT s.sent_lsn >= CAST(? AS pg_lsn), s.sent_lsn::text
            FROM pg_replication_slots r JOIN pg_stat_replication s ON s.pid = r.active_pid
            WHERE r.slot_name = ?""";

    private final JdbcEndpoint jdbc;
    private final Map<String, String> targets = new HashMap<>();

    public ReplicationSlotProgress(JdbcEndpoint jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when every slot's connector has been sent the WAL up to its target, else what is behind. */
    public synchronized Optional<String> behind(List<String> slots) throws SQLException {
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        List<String> behind = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password().reveal())) {
            for (String slot : slots) {
                String target = targets.computeIfAbsent(slot, key -> currentWalLsn(connection));
                try (PreparedStatement query = connection.prepareStatement(QUERY)) {
                    query.setString(1, target);
                    query.setString(2, slot);
                    try (ResultSet result = query.executeQuery()) {
                        if (!result.next()) {
                            behind.add("replication slot " + slot + " has no active connector");
                        } else if (!result.getBoolean(1)) {
                            behind.add("replication slot " + slot + " sent up to " + result.getString(2) + " of " + target);
                        }
                    }
                }
            }
        }
        return behind.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", behind));
    }

    /** The slots and the WAL position each was measured against, for the evidence. */
    public synchronized String describe(List<String> slots) {
        List<String> parts = new ArrayList<>();
        slots.forEach(slot -> parts.add("slot " + slot + " sent past " + targets.getOrDefault(slot, "?")));
        return String.join(", ", parts);
    }

    private static String currentWalLsn(Connection connection) {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_current_wal_lsn()::text");
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL did not say its WAL position: " + e.getMessage(), e);
        }
    }
}
