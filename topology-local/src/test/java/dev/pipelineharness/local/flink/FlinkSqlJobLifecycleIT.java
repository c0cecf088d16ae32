package dev.pipelineharness.local.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.local.process.ChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start, checkpoint, crash, restore, crash before any checkpoint, fresh start, close: on a pipeline without Kafka. */
class FlinkSqlJobLifecycleIT {

    private final Path work = SqlFixtures.workDirectory(FlinkSqlJobLifecycleIT.class);

    @AfterEach
    void nothingLeftRunning() {
        assertThat(ChildProcesses.alive()).isEmpty();
    }

    @Test
    void restoresFromTheLatestCheckpointOrStartsAfreshWhenThereIsNone() throws Exception {
        Path checkpoints = work.resolve("flink/checkpoints");
        FlinkSqlJob job = FlinkSqlJob.submit("flink-generated", List.of(SqlFixtures.resolved("generated/generated.sql", Map.of())),
                work.resolve("flink"), work.resolve("flink.log"), Duration.ofSeconds(60));
        try {
            System.out.printf("MEASURE flink.start-to-running %d ms, rss %d MB (datagen -> blackhole)%n",
                    job.lastStartToRunning().toMillis(), ProcessMemory.rssMegabytes(job.process().pid()));
            assertThat(job.state()).isEqualTo("RUNNING");
            assertThat(job.restoredFrom()).isEmpty();
            assertThat(job.restUrl().toString()).startsWith("http://127.0.0.1:");

            job.awaitCompletedCheckpoints(2, Duration.ofSeconds(20));
            String firstJob = job.jobId();
            job.kill();
            job.restartFromLatestCheckpoint(Duration.ofSeconds(60));
            System.out.printf("MEASURE flink.restart-from-checkpoint-to-running %d ms (datagen -> blackhole)%n",
                    job.lastStartToRunning().toMillis());
            assertThat(job.jobId()).isNotEqualTo(firstJob);
            assertThat(job.restoredFrom()).hasValueSatisfying(path ->
                    assertThat(path).startsWith(checkpoints.resolve(firstJob)));

            // a crash before the first checkpoint: nothing to restore, so the job starts afresh
            job.kill();
            deleteContents(checkpoints);
            job.restartFromLatestCheckpoint(Duration.ofSeconds(60));
            assertThat(job.restoredFrom()).isEmpty();
            assertThat(job.state()).isEqualTo("RUNNING");
            job.awaitCompletedCheckpoints(1, Duration.ofSeconds(20));
        } finally {
            job.close();
        }
        assertThat(job.process().isAlive()).isFalse();
        assertThat(job.state()).isEqualTo("UNREACHABLE");
        // cancelled, yet its checkpoints are kept for a later restore
        try (Stream<Path> kept = Files.walk(checkpoints)) {
            assertThat(kept.filter(path -> path.getFileName().toString().equals("_metadata"))).isNotEmpty();
        }
    }

    private static void deleteContents(Path directory) throws Exception {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(directory)).toList()) {
                Files.delete(path);
            }
        }
    }
}
