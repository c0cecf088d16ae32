package dev.pipelineharness.local.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.local.process.ChildProcesses;
import dev.pipelineharness.topology.support.PlaceholderValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A secret in a pipeline's Flink SQL never reaches a file: the job directory holds the
 * {@code ${secret.NAME}} reference, the value goes to Flink in memory (the session's submission
 * request; a job's own JVM: its environment), and the job runs with it. The value stands in a
 * datagen option that only the real value satisfies, so an unfilled reference would fail the job.
 */
class FlinkSqlSecretsIT {

    /** A valid datagen kind, so the job runs only if Flink got the value; the canary for the files. */
    private static final String VALUE = "random";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path work = SqlFixtures.workDirectory(FlinkSqlSecretsIT.class);

    @AfterEach
    void nothingLeftRunning() {
        assertThat(ChildProcesses.alive()).isEmpty();
    }

    @Test
    void onTheSessionTheValueGoesWithTheSubmissionAndNoFileHoldsIt() throws Exception {
        try (FlinkSessionCluster session = FlinkSessionCluster.start(work.resolve("session"), work.resolve("session.log"),
                2, TIMEOUT)) {
            try (FlinkSqlJob job = FlinkSqlJob.submitTo(session, "flink-secrets", List.of(sql()), secrets(),
                    work.resolve("job"), TIMEOUT)) {
                assertThat(job.state()).isEqualTo("RUNNING");
            }
        }
        assertSqlFilesHoldTheReferenceOnly(work.resolve("job/sql"));
    }

    @Test
    void inAJvmOfItsOwnTheValueGoesInItsEnvironment() throws Exception {
        try (FlinkSqlJob job = FlinkSqlJob.submit("flink-secrets-own", List.of(sql()), secrets(), work.resolve("own"),
                work.resolve("own.log"), TIMEOUT)) {
            assertThat(job.state()).isEqualTo("RUNNING");
        }
        assertSqlFilesHoldTheReferenceOnly(work.resolve("own/sql"));
        assertThat(Files.readString(work.resolve("own/flink-secrets-own.args"))).doesNotContain("'" + VALUE + "'");
    }

    /** The fixture resolved as the embedded deployment resolves Flink SQL for disk. */
    private static PipelineFile sql() {
        return SqlFixtures.resolved("secrets/secret-option.sql",
                PlaceholderValues.referencingSecrets(Map.of("postgres.password", VALUE)));
    }

    private static Map<String, String> secrets() {
        return PlaceholderValues.secretsOf(Map.of("postgres.password", VALUE));
    }

    private static void assertSqlFilesHoldTheReferenceOnly(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> sql = files.toList();
            assertThat(sql).isNotEmpty();
            for (Path file : sql) {
                assertThat(Files.readString(file)).contains("'${secret.postgres.password}'").doesNotContain("'" + VALUE + "'");
            }
        }
    }
}
