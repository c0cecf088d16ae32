package dev.pipelineharness.generators.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.generators.Pacer;
import dev.pipelineharness.generators.Pacing;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.local.postgres.PostgresServer;
import dev.pipelineharness.testkit.SharesTheMachine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A surviving writer keeps every commit exactly once across a real PostgreSQL restart in its middle. */
@ExtendWith(SharesTheMachine.class)
class JdbcBatchWriterRestartIT {

    @Test
    void everyGroupIsCommittedOnceAcrossARestart(@TempDir Path work) throws Exception {
        try (PostgresServer postgres = PostgresServer.start(work.resolve("pg"), work.resolve("pg.log"), Duration.ofSeconds(60))) {
            JdbcEndpoint jdbc = postgres.jdbcEndpoint();
            try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password().reveal());
                 Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE SCHEMA s");
                ddl.execute("CREATE TABLE s.counters(id TEXT PRIMARY KEY, n INT)");
            }
            List<RowChange> changes = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                changes.add(new RowChange("counters", RowChange.Op.INSERT, List.of("id"), Map.of("id", "k" + i, "n", i)));
            }
            AtomicInteger committed = new AtomicInteger();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try (JdbcBatchWriter writer = new JdbcBatchWriter(jdbc, "s", 10).surviving(Duration.ofSeconds(60))) {
                    writer.apply(changes, group -> committed.addAndGet(group.size()),
                            new Pacer(new Pacing(changes.size(), Optional.empty(), 100, Optional.empty())));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            org.awaitility.Awaitility.await("the writer to commit its first groups").atMost(Duration.ofSeconds(20))
                    .until(() -> committed.get() >= 50);
            postgres.restart(Duration.ofSeconds(60));
            int atRestart = committed.get();
            writing.get(60, TimeUnit.SECONDS);

            assertThat(atRestart).as("the restart came in the middle of the writes").isLessThan(300);
            assertThat(committed).hasValue(300);
            try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password().reveal());
                 Statement query = connection.createStatement();
                 ResultSet rows = query.executeQuery("SELECT count(*), count(DISTINCT id) FROM s.counters")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(300);
                assertThat(rows.getInt(2)).isEqualTo(300);
            }
        }
    }
}
