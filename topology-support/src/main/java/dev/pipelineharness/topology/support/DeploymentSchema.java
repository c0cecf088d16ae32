package dev.pipelineharness.topology.support;

import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * One deployment's PostgreSQL schema: created, filled by the pipeline's DDL (placeholders resolved,
 * a rejected statement an error naming its file), and dropped with everything in it at undeploy.
 * The same on every topology that reaches PostgreSQL over JDBC.
 */
public final class DeploymentSchema {

    private final JdbcEndpoint jdbc;
    private final String schema;
    private volatile boolean created;

    public DeploymentSchema(JdbcEndpoint jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** Creates the schema and runs {@code ddl} in it, in order. */
    public void createAndRun(List<PipelineFile> ddl, Map<String, String> placeholderValues) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            created = true;
            statement.execute("SET search_path TO " + schema);
            for (PipelineFile file : ddl) {
                String resolved = Placeholders.resolve(file, placeholderValues);
                try {
                    statement.execute(resolved);
                } catch (SQLException e) {
                    throw new ScenarioDefinitionException(file.location(0, 0), "",
                            "PostgreSQL rejected this DDL: " + e.getMessage());
                }
            }
        }
    }

    public boolean isCreated() {
        return created;
    }

    /** Drops the schema and everything in it, if this deployment created it. */
    public void dropIfCreated() throws SQLException {
        if (!created) {
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password().reveal());
    }
}
