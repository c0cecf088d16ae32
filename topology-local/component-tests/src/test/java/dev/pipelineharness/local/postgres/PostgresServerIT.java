package dev.pipelineharness.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.testkit.SharesTheMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real PostgreSQL 17: logical WAL, durable commits across SIGKILL, schema helpers. */
@ExtendWith(SharesTheMachine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresServerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final Path workDir = Path.of("target", "it-work", "postgres-server-it").toAbsolutePath();
    private PostgresServer server;

    @BeforeAll
    void startServer() {
        long started = System.nanoTime();
        server = PostgresServer.start(workDir, workDir.resolve("postgres.log"), TIMEOUT);
        System.out.printf("BENCH postgres.start.seconds %.2f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void runsWithTheSettingsDebeziumAndDurabilityNeed() throws Exception {
        assertThat(setting("wal_level")).isEqualTo("logical");
        assertThat(Integer.parseInt(setting("max_replication_slots"))).isGreaterThanOrEqualTo(20);
        assertThat(Integer.parseInt(setting("max_wal_senders"))).isGreaterThanOrEqualTo(20);
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(setting("data_directory")).isEqualTo(server.dataDirectory().toString());

        JdbcEndpoint endpoint = server.jdbcEndpoint();
        assertThat(endpoint.port()).isEqualTo(server.port());
        assertThat(endpoint.url()).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres");
        assertThat(endpoint.toString()).doesNotContain(endpoint.password().reveal());
        assertThat(ProcessHandle.of(server.pid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(Files.list(workDir).map(p -> p.getFileName().toString()).toList())
                .contains("data", "postgres.log");
        // the binaries and the cluster the data directory was copied from: prepared once per machine
        assertThat(PostgresBinaries.machineCache().resolve(PostgresBinaries.folderName()).resolve("cluster-template-pg17"))
                .isDirectoryContaining(path -> path.getFileName().toString().equals("PG_VERSION"));
    }

    @Test
    void committedRowsSurviveSigkillAndRestart() throws SQLException {
        server.createSchema("durability");
        execute("CREATE TABLE durability.t (id int PRIMARY KEY, v text)");
        try (Connection connection = server.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO durability.t VALUES (?, ?)")) {
            for (int i = 0; i < 500; i++) {
                insert.setInt(1, i);
                insert.setString(2, "v" + i);
                insert.executeUpdate(); // autocommit: each row is one acknowledged commit
            }
        }
        long oldPid = server.pid();

        server.kill();
        assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThatThrownBy(() -> server.connect().close()).isInstanceOf(SQLException.class);

        long restarted = System.nanoTime();
        server.restart(TIMEOUT);
        System.out.printf("BENCH postgres.crash-restart.seconds %.2f s%n", (System.nanoTime() - restarted) / 1e9);

        assertThat(server.pid()).isNotEqualTo(oldPid);
        assertThat(query("SELECT count(*), min(id), max(id) FROM durability.t")).containsExactly("500|0|499");
        server.dropSchema("durability");
        assertThat(query("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'durability'"))
                .containsExactly("0");
    }

    @Test
    void postgresDoesNotOutliveAHarnessKilledWithSigkill() throws Exception {
        Path otherDir = workDir.resolveSibling("postgres-server-it-reaper");
        try (PostgresServer other = PostgresServer.start(otherDir, otherDir.resolve("postgres.log"), TIMEOUT)) {
            Process standInHarness = new ProcessBuilder("sleep", "120").start();
            try (var reaper = PostmasterReaper.start(standInHarness.pid(), other.dataDirectory(), otherDir,
                    otherDir.resolve("reaper.log"))) {
                ProcessHandle postmaster = ProcessHandle.of(other.pid()).orElseThrow();

                standInHarness.destroyForcibly();

                postmaster.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(postmaster.isAlive()).isFalse();
                assertThat(reaper.awaitExit(Duration.ofSeconds(5))).isTrue();
                assertThat(Files.readString(otherDir.resolve("reaper.log"))).contains("killing postmaster");
            } finally {
                standInHarness.destroyForcibly();
            }
        }
    }

    @Test
    void aRunningServerRestartsCleanlyOnTheSamePortAndData() throws SQLException {
        server.createSchema("clean_restart");
        execute("CREATE TABLE IF NOT EXISTS clean_restart.t (id int PRIMARY KEY)");
        execute("INSERT INTO clean_restart.t VALUES (1) ON CONFLICT DO NOTHING");
        int port = server.port();

        server.restart(TIMEOUT);

        assertThat(server.port()).isEqualTo(port);
        assertThat(query("SELECT count(*) FROM clean_restart.t")).containsExactly("1");
        server.dropSchema("clean_restart");
    }

    @Test
    void rejectsSchemaNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> server.createSchema("x\"; DROP TABLE y; --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a plain PostgreSQL identifier");
    }

    private String setting(String name) throws SQLException {
        return query("SHOW " + name).get(0);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
