package dev.pipelineharness.local.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.PipelineFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void writesTheFilesInPipelineOrderAndMapsTheRunnersPositionsBackToTheUsersFiles() throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("99-left-over.sql"), "from an earlier run");
        PipelineFile tables = new PipelineFile(Path.of("pipelines/routing/tables.sql"), "pipelines/routing/tables.sql", "CREATE ...");
        PipelineFile inserts = new PipelineFile(Path.of("pipelines/routing/zz inserts"), "pipelines/routing/zz inserts", "INSERT ...");

        JobDirectory job = JobDirectory.write(directory, List.of(tables, inserts));

        try (var files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly("00-tables.sql", "01-zz_inserts.sql");
        }
        assertThat(Files.readString(directory.resolve("01-zz_inserts.sql"))).isEqualTo("INSERT ...");
        assertThat(job.locate("01-zz_inserts.sql", 12, 3)).isEqualTo(new Location("pipelines/routing/zz inserts", 12, 3));
        assertThat(job.locate(null, 0, 0).file()).isEqualTo("pipelines/routing/tables.sql, pipelines/routing/zz inserts");
    }

    @Test
    void readsTheRunnersStatusFile() throws Exception {
        Path file = directory.resolve("status.properties");
        assertThat(RunnerStatus.read(file)).isEmpty();

        Files.writeString(file, "phase=SQL_ERROR\nfile=00-a.sql\nline=4\nmessage=SQL parse failed\\: x\n");

        RunnerStatus status = RunnerStatus.read(file).orElseThrow();
        assertThat(status.isSettled()).isTrue();
        assertThat(status.isError()).isTrue();
        assertThat(status.getInt("line")).isEqualTo(4);
        assertThat(status.get("message")).isEqualTo("SQL parse failed: x");
    }
}
