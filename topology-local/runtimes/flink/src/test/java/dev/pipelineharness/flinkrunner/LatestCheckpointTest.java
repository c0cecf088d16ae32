package dev.pipelineharness.flinkrunner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestCheckpointTest {

    @TempDir
    Path checkpoints;

    @Test
    void choosesTheNewestCompleteCheckpointAcrossJobsAndSkipsUnfinishedOnes() throws Exception {
        metadata("aaaa/chk-7", 1_000);
        metadata("bbbb/chk-2", 5_000);
        Files.createDirectories(checkpoints.resolve("bbbb/chk-3")); // cut short by a kill: no _metadata
        Files.createDirectories(checkpoints.resolve("bbbb/shared"));

        assertThat(LatestCheckpoint.in(checkpoints)).contains(checkpoints.resolve("bbbb/chk-2"));
    }

    @Test
    void findsNothingInAnEmptyOrMissingDirectory() throws Exception {
        assertThat(LatestCheckpoint.in(checkpoints)).isEmpty();
        assertThat(LatestCheckpoint.in(checkpoints.resolve("missing"))).isEmpty();
    }

    private void metadata(String folder, long modifiedMillis) throws Exception {
        Path file = Files.createDirectories(checkpoints.resolve(folder)).resolve("_metadata");
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
    }
}
