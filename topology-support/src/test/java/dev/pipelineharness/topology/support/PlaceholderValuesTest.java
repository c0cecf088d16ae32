package dev.pipelineharness.topology.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.PipelineFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the harness writes to disk holds references to secrets, not their values. */
class PlaceholderValuesTest {

    private static final String PASSWORD = "pg-canary-77e1";
    private static final Map<String, String> VALUES = Map.of("postgres.password", PASSWORD, "postgres.user", "harness",
            "dynamodb.secret-access-key", "aws-canary-31", "namespace", "r1_smoke_");

    @Test
    void aFileResolvedForDiskHoldsEachSecretAsAReferenceAndEverythingElseFilled() {
        PipelineFile sql = new PipelineFile(Path.of("sink.sql"), "pipelines/p/flink/sink.sql",
                "CREATE TABLE ${namespace}t WITH ('username' = '${postgres.user}', 'password' = '${postgres.password}');");

        String onDisk = Placeholders.resolve(sql, PlaceholderValues.referencingSecrets(VALUES));

        assertThat(onDisk).isEqualTo("CREATE TABLE r1_smoke_t WITH ('username' = 'harness', "
                + "'password' = '${secret.postgres.password}');").doesNotContain(PASSWORD);
    }

    @Test
    void theSecretsGoSeparatelyByName() {
        assertThat(PlaceholderValues.secretsOf(VALUES)).containsOnly(Map.entry("postgres.password", PASSWORD),
                Map.entry("dynamodb.secret-access-key", "aws-canary-31"));
        assertThat(PlaceholderValues.referencingSecrets(VALUES)).doesNotContainValue(PASSWORD)
                .containsEntry("dynamodb.secret-access-key", "${secret.dynamodb.secret-access-key}");
    }
}
