package dev.pipelineharness.containers.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {

    private static PipelineFile file(String text) {
        return new PipelineFile(Path.of("routing.sql"), "pipelines/x/flink/routing.sql", text);
    }

    @Test
    void splitsAtSemicolonsThatEndStatements() {
        String text = """
                -- the source; with a comment
                CREATE TABLE raw (id STRING) WITH ('connector' = 'kafka', 'topic' = 'a;b');

                /* a block comment; over
                   two lines */
                INSERT INTO out SELECT 'it''s; fine', `odd;name` FROM raw;
                """;
        List<SqlStatements.Statement> statements = SqlStatements.of(file(text), text);

        assertThat(statements).extracting(SqlStatements.Statement::text).containsExactly(
                "CREATE TABLE raw (id STRING) WITH ('connector' = 'kafka', 'topic' = 'a;b')",
                "INSERT INTO out SELECT 'it''s; fine', `odd;name` FROM raw");
        assertThat(statements).extracting(SqlStatements.Statement::line).containsExactly(2, 6);
        assertThat(statements).extracting(SqlStatements.Statement::isInsert).containsExactly(false, true);
    }

    @Test
    void aLastStatementWithoutSemicolonCounts() {
        assertThat(SqlStatements.of(file("SET 'a' = 'b'"), "SET 'a' = 'b'")).hasSize(1);
    }

    @Test
    void insertsRunTogetherAsOneStatementSet() {
        String text = "SET 'table.exec.source.idle-timeout' = '1 s'; CREATE TABLE a (x INT);"
                + " INSERT INTO b SELECT x FROM a; INSERT INTO c SELECT x FROM a;";
        String script = FlinkSqlScript.of("r1_s1_flink", SqlStatements.of(file(text), text));

        assertThat(script).isEqualTo("""
                SET 'pipeline.name' = 'r1_s1_flink';
                SET 'table.exec.source.idle-timeout' = '1 s';
                CREATE TABLE a (x INT);
                EXECUTE STATEMENT SET
                BEGIN
                INSERT INTO b SELECT x FROM a;
                INSERT INTO c SELECT x FROM a;
                END;
                """);
    }

    @Test
    void theJobIdIsReadFromTheSqlClientsAnswer() {
        String output = "[INFO] Submitting SQL update statement to the cluster...\n"
                + "[INFO] SQL update statement has been successfully submitted to the cluster:\n"
                + "Job ID: 5d7a6c1b2e3f40718293a4b5c6d7e8f9\n";

        assertThat(FlinkSqlSubmission.jobId(0, output, List.of(file("")))).isEqualTo("5d7a6c1b2e3f40718293a4b5c6d7e8f9");
    }

    @Test
    void anErrorOfTheSqlClientNamesThePipelinesFilesAndFlinksReason() {
        String output = "[ERROR] Could not execute SQL statement. Reason:\n"
                + "org.apache.flink.table.api.ValidationException: Object 'raw' not found\n";

        assertThatThrownBy(() -> FlinkSqlSubmission.jobId(1, output, List.of(file(""))))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("pipelines/x/flink/routing.sql")
                .hasMessageContaining("Object 'raw' not found");
    }
}
