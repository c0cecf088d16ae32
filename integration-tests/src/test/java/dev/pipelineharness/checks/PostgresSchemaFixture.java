package dev.pipelineharness.checks;

import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.testkit.StubDeployment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL (zonky's embedded one, with durable commits) holding one deployment's schema, for an
 * IT class that judges checks against real tables: started in its {@code @BeforeAll}, closed in its
 * {@code @AfterAll}.
 */
public final class PostgresSchemaFixture implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String schema;

    private PostgresSchemaFixture(EmbeddedPostgres postgres, String schema) {
        this.postgres = postgres;
        this.schema = schema;
    }

    /** Starts PostgreSQL and runs each of {@code ddl} in the new schema {@code schema}. */
    public static PostgresSchemaFixture withSchema(String schema, String... ddl) throws IOException, SQLException {
        PostgresSchemaFixture fixture = new PostgresSchemaFixture(
                EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start(), schema);
        try (Connection connection = fixture.postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            for (String each : ddl) {
                statement.execute(each);
            }
        } catch (SQLException | RuntimeException e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    /** A deployment of the schema, as a topology would hand it to generators and checks. */
    public StubDeployment deployment() {
        return new StubDeployment(schema, new JdbcEndpoint(postgres.getJdbcUrl("postgres", "postgres"), "localhost",
                postgres.getPort(), "postgres", "postgres", Secret.of("postgres")));
    }

    /** A connection to the database; its search path is the schema. */
    public Connection connect() throws SQLException {
        Connection connection = postgres.getPostgresDatabase().getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
