package dev.pipelineharness.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.cloud.http.CallLog;
import dev.pipelineharness.cloud.http.CloudWait;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cloud's JDBC part on a real PostgreSQL (as RDS runs it, with logical replication): the schema
 * and DDL of a deployment, a CDC connector's slot awaited active, and at the end the slots and
 * publications with the run's prefix dropped with the schema, while another run's are left alone.
 */
class PostgresNamespaceIT {

    private static final String PREFIX = "ph202612010815_r1_smoke_";
    private static final String SCHEMA = "ph202612010815_r1_smoke";
    private static EmbeddedPostgres postgres;
    private static PostgresNamespace namespace;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "8").setServerConfig("max_wal_senders", "8").start();
        JdbcEndpoint jdbc = new JdbcEndpoint(postgres.getJdbcUrl("postgres", "postgres"), "localhost", postgres.getPort(),
                "postgres", "postgres", Secret.of("postgres"));
        namespace = new PostgresNamespace(jdbc, false, new CallLog(), new CloudWait(Duration.ofMillis(50)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void createsTheSchemaAndDdlThenDropsItsSlotsPublicationsAndSchemaOnly() throws Exception {
        namespace.createSchema(SCHEMA, List.of(new PipelineFile(Path.of("entities.sql"), "p/postgres/entities.sql",
                "CREATE TABLE loan_entities (loan_id TEXT PRIMARY KEY, amount NUMERIC(12, 2));")));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + SCHEMA + ".loan_entities VALUES ('l1', 10.50)");
            statement.execute("CREATE PUBLICATION " + PREFIX + "pub FOR TABLE " + SCHEMA + ".loan_entities");
            statement.execute("SELECT pg_create_logical_replication_slot('" + PREFIX + "slot', 'pgoutput')");
            statement.execute("SELECT pg_create_logical_replication_slot('ph202612010815_r9_other_slot', 'pgoutput')");
            // a name that LIKE would match if '_' were not escaped: ph202612010815Xr1...
            statement.execute("SELECT pg_create_logical_replication_slot('ph202612010815xr1_smoke_slot', 'pgoutput')");
        }
        assertThat(namespace.schemas("ph202612010815_r1_")).containsExactly(SCHEMA);

        namespace.dropAll(PREFIX, SCHEMA, Duration.ofSeconds(10));

        assertThat(query("SELECT slot_name FROM pg_replication_slots ORDER BY 1"))
                .containsExactly("ph202612010815_r9_other_slot", "ph202612010815xr1_smoke_slot");
        assertThat(query("SELECT pubname FROM pg_publication")).isEmpty();
        assertThat(namespace.schemas("ph202612010815_r1_")).isEmpty();
    }

    @Test
    void ddlThatPostgresRejectsNamesTheFile() {
        assertThatThrownBy(() -> namespace.createSchema("ph202612010815_r2_bad", List.of(new PipelineFile(
                Path.of("bad.sql"), "p/postgres/bad.sql", "CREATE TABLE t (id NOT_A_TYPE);"))))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("p/postgres/bad.sql").hasMessageContaining("PostgreSQL rejected this DDL");
    }

    @Test
    void anActiveSlotIsAwaitedAndAnAbsentOneTimesOutSayingWhich() {
        assertThatThrownBy(() -> namespace.awaitSlotActive("ph202612010815_r3_none_slot", "ph..._cdc",
                Duration.ofMillis(300)))
                .hasMessageContaining("replication slot 'ph202612010815_r3_none_slot' of connector ph..._cdc to be active")
                .hasMessageContaining("last seen: absent or inactive");
    }

    private static List<String> query(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
