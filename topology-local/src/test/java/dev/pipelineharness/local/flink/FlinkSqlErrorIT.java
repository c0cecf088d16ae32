package dev.pipelineharness.local.flink;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.local.process.ChildProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A SQL file Flink rejects becomes an error that names the user's file and line, with Flink's reason. */
class FlinkSqlErrorIT {

    private final Path workDir = SqlFixtures.workDirectory(FlinkSqlErrorIT.class);

    @AfterEach
    void nothingLeftRunning() {
        org.assertj.core.api.Assertions.assertThat(ChildProcesses.alive()).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesTheFileAndTheLineOfTheTypo() {
        assertThatThrownBy(() -> FlinkSqlJob.submit("flink-broken-syntax",
                List.of(SqlFixtures.resolved("broken/tables.sql", Map.of()),
                        SqlFixtures.resolved("broken/syntax.sql", Map.of())),
                workDir.resolve("syntax"), workDir.resolve("syntax.log"), Duration.ofSeconds(60)))
                .isInstanceOf(ScenarioDefinitionException.class)
                // Flink reads "FROMM" as an alias of event_type and stumbles on the next word
                .hasMessageStartingWith("pipelines/broken/syntax.sql:4:7: ")
                .hasMessageContaining("statement starting at line 2 (INSERT INTO sink_events)")
                .hasMessageContaining("Encountered \"events\"")
                .hasMessageNotContaining("Was expecting");
    }

    @Test
    void anUnknownColumnInsideAStatementSetBlockNamesTheLineOfTheColumn() {
        assertThatThrownBy(() -> FlinkSqlJob.submit("flink-broken-column",
                List.of(SqlFixtures.resolved("broken/tables.sql", Map.of()),
                        SqlFixtures.resolved("broken/unknown-column.sql", Map.of())),
                workDir.resolve("column"), workDir.resolve("column.log"), Duration.ofSeconds(60)))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageStartingWith("pipelines/broken/unknown-column.sql:5:20: ")
                .hasMessageContaining("statement starting at line 4 (INSERT INTO sink_events)")
                .hasMessageContaining("Column 'no_such_column' not found");
    }
}
