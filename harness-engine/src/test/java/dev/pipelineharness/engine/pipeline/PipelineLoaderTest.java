package dev.pipelineharness.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineLoaderTest {

    private static final Path DEMO = Path.of("src/test/resources/dev/pipelineharness/engine/pipelines/demo");

    @Test
    void readsTopicsTablesAndFiles() {
        PipelineDefinition pipeline = new PipelineLoader().load(DEMO);

        assertThat(pipeline.name()).isEqualTo("demo");
        assertThat(pipeline.folder()).isEqualTo(DEMO);
        assertThat(pipeline.topics()).containsExactly(
                new TopicSpec("raw_business_events", 3, "json", Map.of()),
                new TopicSpec("filtered_loan_events", 1, "json", Map.of("retention.ms", "3600000")));
        assertThat(pipeline.dynamoTables()).containsExactly(
                new DynamoTableSpec("reviews", "review_id", "S", "ts", "N", "NEW_IMAGE"));
        assertThat(pipeline.flinkSql()).extracting(PipelineFile::displayName)
                .containsExactly("src/test/resources/dev/pipelineharness/engine/pipelines/demo/sql/routing.sql");
        assertThat(pipeline.flinkSql().get(0).text()).contains("${topic.filtered_loan_events}");
        assertThat(pipeline.postgresDdl()).isEmpty();
        assertThat(pipeline.connectors()).isEmpty();
    }

    @Test
    void badValuesNameTheirLine(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("pipeline.yaml"), "topics:\n  - {name: a, format: protobuf}\n");
        assertThatThrownBy(() -> new PipelineLoader().load(folder))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageEndingWith("pipeline.yaml:2:15: topics[0].format: 'protobuf' is not one of json, avro, string");
    }

    @Test
    void aFolderWithoutPipelineYamlIsAnError(@TempDir Path folder) {
        assertThatThrownBy(() -> new PipelineLoader().load(folder))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageEndingWith(": no pipeline.yaml in the pipeline folder");
    }
}
