package dev.pipelineharness.faults;

import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.JdbcEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ddl} fault's database side, over JDBC to the topology's PostgreSQL endpoint: the columns
 * come from {@code information_schema}, the statement runs with the schema as its {@code search_path}
 * and a bounded {@code lock_timeout}.
 */
final class JdbcSchemaChanges implements SchemaChangeFaultProvider.SchemaChanges {

    private final Duration lockTimeout;

    JdbcSchemaChanges(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    @Override
    public Map<String, List<String>> columns(FaultContext context, String schema) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection connection = connect(context);
             PreparedStatement query = connection.prepareStatement("SELECT table_name, column_name, data_type"
                     + " FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(rows.getString(1), table -> new ArrayList<>())
                            .add(rows.getString(2) + " " + rows.getString(3));
                }
            }
        }
        return tables;
    }

    @Override
    public void execute(FaultContext context, String schema, String statement) throws SQLException {
        try (Connection connection = connect(context); Statement sql = connection.createStatement()) {
            sql.execute("SET lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            sql.execute("SET search_path TO \"" + schema.replace("\"", "\"\"") + "\"");
            sql.execute(statement);
        }
    }

    private static Connection connect(FaultContext context) throws SQLException {
        JdbcEndpoint endpoint = context.deployment().endpoints().postgres().orElseThrow(() -> new IllegalStateException(
                "topology '" + context.topology().name() + "' has no PostgreSQL for a ddl fault"));
        return DriverManager.getConnection(endpoint.url(), endpoint.user(), endpoint.password().reveal());
    }
}
