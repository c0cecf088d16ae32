package dev.pipelineharness.cloud.aws;

import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.cloud.http.CallLog;
import dev.pipelineharness.cloud.http.CloudWait;
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
 * A run's objects in the cloud PostgreSQL (RDS / Aurora) over JDBC: the deployment's schema and DDL,
 * and at the end the replication slots and publications its CDC connector made (a slot left behind
 * pins WAL forever), found by the namespace prefix, then the schema. Plan mode only records.
 */
public final class PostgresNamespace {

    private final JdbcEndpoint jdbc;
    private final boolean planning;
    private final CallLog log;
    private final CloudWait wait;

    public PostgresNamespace(JdbcEndpoint jdbc, boolean planning, CallLog log, CloudWait wait) {
        this.jdbc = jdbc;
        this.planning = planning;
        this.log = log;
        this.wait = wait;
    }

    public void createSchema(String schema, List<PipelineFile> resolvedDdl) throws SQLException {
        if (planning) {
            log.note("JDBC", jdbc.url(), "CREATE SCHEMA " + schema + ", then " + resolvedDdl.size() + " DDL file(s)");
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            for (PipelineFile file : resolvedDdl) {
                try {
                    statement.execute(file.text());
                } catch (SQLException e) {
                    throw new ScenarioDefinitionException(file.location(0, 0), "", "PostgreSQL rejected this DDL: "
                            + e.getMessage());
                }
            }
        }
    }

    /** Waits until the replication slot a CDC connector named is active: PostgreSQL's own signal that changes are captured. */
    public void awaitSlotActive(String slot, String connector, Duration timeout) {
        if (planning) {
            log.note("JDBC", jdbc.url(), "poll pg_replication_slots until " + slot + " is active");
            return;
        }
        wait.until("replication slot '" + slot + "' of connector " + connector + " to be active", timeout, () -> {
            try (Connection connection = connect();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
                query.setString(1, slot);
                try (ResultSet result = query.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        }, active -> active, active -> active ? "active" : "absent or inactive");
    }

    /** Drops the slots and publications named with {@code prefix} (waiting for deleted connectors to let go), then {@code schema}. */
    public void dropAll(String prefix, String schema, Duration timeout) throws SQLException {
        if (planning) {
            log.note("JDBC", jdbc.url(), "drop replication slots and publications " + prefix + "*, DROP SCHEMA " + schema
                    + " CASCADE");
            return;
        }
        String like = prefix.replace("_", "\\_") + "%";
        wait.until("replication slots " + prefix + "* to be released and dropped", timeout, () -> {
            try (Connection connection = connect();
                 PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(slot_name) "
                         + "FROM pg_replication_slots WHERE slot_name LIKE ? AND NOT active")) {
                drop.setString(1, like);
                drop.executeQuery().close();
            }
            return slots(like);
        }, List::isEmpty, remaining -> "still there: " + remaining);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String publication : names("SELECT pubname FROM pg_publication WHERE pubname LIKE ?", like)) {
                statement.execute("DROP PUBLICATION IF EXISTS \"" + publication + "\"");
            }
            if (schema != null) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** The schemas whose name starts with {@code prefix}, for the sweep. */
    public List<String> schemas(String prefix) throws SQLException {
        return names("SELECT nspname FROM pg_namespace WHERE nspname LIKE ?", prefix.replace("_", "\\_") + "%");
    }

    private List<String> slots(String like) throws SQLException {
        return names("SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE ?", like);
    }

    private List<String> names(String query, String like) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, like);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        return names;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password().reveal());
    }
}
