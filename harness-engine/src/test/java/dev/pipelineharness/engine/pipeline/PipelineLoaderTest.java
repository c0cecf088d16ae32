package dev.pipelineharness.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.engine.yaml.DisplayPaths;
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

    @Test
    void aMutantIsItsBasePipelineWithOneTextChange(@TempDir Path folder) throws Exception {
        Path base = Files.createDirectories(folder.resolve("base"));
        Files.createDirectories(base.resolve("sql"));
        Files.writeString(base.resolve("pipeline.yaml"),
                "name: base\ntopics:\n  - {name: a}\nflink: {sql: [sql/job.sql]}\n");
        Files.writeString(base.resolve("sql/job.sql"), "INSERT INTO a SELECT * FROM b WHERE x = 1;\n");
        Path mutant = Files.createDirectories(folder.resolve("mutant"));
        Files.writeString(mutant.resolve("pipeline.yaml"), "name: mutant\nextends: ../base\nmutations:\n"
                + "  - {file: sql/job.sql, replace: 'x = 1', with: 'x = 2'}\n");

        PipelineDefinition pipeline = new PipelineLoader().load(mutant);

        assertThat(pipeline.name()).isEqualTo("mutant");
        assertThat(pipeline.folder()).isEqualTo(mutant);
        assertThat(pipeline.topics()).extracting(TopicSpec::name).containsExactly("a");
        assertThat(pipeline.flinkSql().get(0).text()).isEqualTo("INSERT INTO a SELECT * FROM b WHERE x = 2;\n");
        assertThat(pipeline.flinkSql().get(0).displayName()).endsWith("job.sql (mutated by "
                + DisplayPaths.of(mutant.resolve("pipeline.yaml")) + ")");
    }

    @Test
    void aMutationMustNameExactlyOnePlace(@TempDir Path folder) throws Exception {
        Path base = Files.createDirectories(folder.resolve("base"));
        Files.writeString(base.resolve("pipeline.yaml"), "name: base\nflink: {sql: [job.sql]}\n");
        Files.writeString(base.resolve("job.sql"), "SELECT 1; SELECT 1;\n");
        Path mutant = Files.createDirectories(folder.resolve("mutant"));
        Files.writeString(mutant.resolve("pipeline.yaml"), "extends: ../base\nmutations:\n"
                + "  - {file: job.sql, replace: 'SELECT 1', with: 'SELECT 2'}\n"
                + "  - {file: other.sql, replace: 'a', with: 'b'}\n");

        assertThatThrownBy(() -> new PipelineLoader().load(mutant))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("pipeline.yaml:3:")
                .hasMessageContaining("mutations[0].replace: must occur exactly once in ")
                .hasMessageEndingWith("but occurs more than once");
    }

    @Test
    void aMutationOfAFileTheBaseDoesNotHaveIsAnError(@TempDir Path folder) throws Exception {
        Path base = Files.createDirectories(folder.resolve("base"));
        Files.writeString(base.resolve("pipeline.yaml"), "name: base\nflink: {sql: [job.sql]}\n");
        Files.writeString(base.resolve("job.sql"), "SELECT 1;\n");
        Path mutant = Files.createDirectories(folder.resolve("mutant"));
        Files.writeString(mutant.resolve("pipeline.yaml"), "extends: ../base\nmutations:\n"
                + "  - {file: other.sql, replace: 'a', with: 'b'}\n");

        assertThatThrownBy(() -> new PipelineLoader().load(mutant))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("mutations[0].file: 'other.sql' is not a file of the base pipeline")
                .hasMessageEndingWith("; its files: job.sql");
    }

    @Test
    void mutationsWithoutABaseAreAnError(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("pipeline.yaml"), "name: x\nmutations: []\n");
        assertThatThrownBy(() -> new PipelineLoader().load(folder))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageEndingWith("mutations: needs 'extends': the base pipeline the mutations change");
    }
}
