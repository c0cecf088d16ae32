package dev.pipelineharness.cloud.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudPipelineTest {

    @TempDir
    Path folder;

    @Test
    void flinkSqlWithConnectorOptionsAndNoOverrideNamesTheFileLineAndTheOverrideItLacks() throws IOException {
        PipelineFile sql = write("flink/routing.sql", "-- routing\nCREATE TABLE t (a STRING) WITH (\n  'connector' = 'kafka'\n);\n");

        assertThatThrownBy(() -> CloudPipeline.of(pipeline(List.of(sql), List.of())))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("p/flink/routing.sql:3:3")
                .hasMessageContaining("lacks its cloud override cloud/flink/routing.sql")
                .hasMessageContaining("no 'connector' options");
    }

    @Test
    void aSelfManagedConnectorWithoutOverrideIsRefusedNamingItsClass() throws IOException {
        PipelineFile connector = write("connectors/cdc.json",
                "{\"name\": \"c\", \"config\": {\n  \"connector.class\": \"io.debezium.connector.postgresql.PostgresConnector\"}}");

        assertThatThrownBy(() -> CloudPipeline.of(pipeline(List.of(), List.of(connector))))
                .hasMessageContaining("p/connectors/cdc.json:2:3")
                .hasMessageContaining("'io.debezium.connector.postgresql.PostgresConnector' is a self-managed connector class")
                .hasMessageContaining("cloud/connectors/cdc.json");
    }

    @Test
    void theOverrideIsReadInsteadAndSplitIntoStatementsWithTheirLines() throws IOException {
        PipelineFile sql = write("flink/routing.sql", "CREATE TABLE t WITH ('connector' = 'kafka');");
        write("cloud/flink/routing.sql", """
                -- one; two
                SET 'a' = 'b;c';
                /* a block; comment */
                INSERT INTO `x` SELECT 'it''s; fine' FROM y;

                INSERT INTO z
                SELECT * FROM y
                """);

        CloudPipeline cloud = CloudPipeline.of(pipeline(List.of(sql), List.of()));

        assertThat(cloud.flinkStatements()).extracting(CloudPipeline.FlinkStatement::where)
                .containsExactly("p/cloud/flink/routing.sql:2", "p/cloud/flink/routing.sql:4", "p/cloud/flink/routing.sql:6");
        assertThat(cloud.flinkStatements()).extracting(CloudPipeline.FlinkStatement::sql).containsExactly(
                "SET 'a' = 'b;c'", "INSERT INTO `x` SELECT 'it''s; fine' FROM y", "INSERT INTO z\nSELECT * FROM y");
        assertThat(cloud.flinkStatements()).extracting(CloudPipeline.FlinkStatement::runsContinuously)
                .containsExactly(false, true, true);
    }

    @Test
    void aStatementSetIsOneStatementWhateverItHoldsInside() throws IOException {
        PipelineFile sql = write("flink/sets.sql", "-- no connector options here\nEXECUTE STATEMENT SET\nBEGIN\n"
                + "  INSERT INTO a SELECT * FROM s;\n  INSERT INTO b SELECT * FROM s;\nEND;\nINSERT INTO c SELECT 1;\n");

        CloudPipeline cloud = CloudPipeline.of(pipeline(List.of(sql), List.of()));

        assertThat(cloud.flinkStatements()).extracting(CloudPipeline.FlinkStatement::sql).containsExactly(
                "EXECUTE STATEMENT SET\nBEGIN\n  INSERT INTO a SELECT * FROM s;\n  INSERT INTO b SELECT * FROM s;\nEND",
                "INSERT INTO c SELECT 1");
        assertThat(cloud.flinkStatements()).extracting(CloudPipeline.FlinkStatement::where)
                .containsExactly("p/flink/sets.sql:2", "p/flink/sets.sql:7");
    }

    private PipelineDefinition pipeline(List<PipelineFile> sql, List<PipelineFile> connectors) {
        return new PipelineDefinition("p", folder, List.of(), List.of(), List.of(), sql, connectors);
    }

    private PipelineFile write(String relative, String text) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return new PipelineFile(file, "p/" + relative, text);
    }
}
