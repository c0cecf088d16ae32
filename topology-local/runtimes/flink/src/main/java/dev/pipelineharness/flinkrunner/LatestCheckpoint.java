package dev.pipelineharness.flinkrunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest complete checkpoint under a checkpoint directory. Flink writes
 * {@code <dir>/<job-id>/chk-<n>/_metadata}, and the metadata file is written last, so a
 * {@code chk-<n>} folder without it is a checkpoint that was cut short (by a kill, say) and is skipped.
 * Every run gets a new job id, so the newest is chosen across all job folders by the time the
 * metadata was written, then by checkpoint number.
 */
public final class LatestCheckpoint {

    private LatestCheckpoint() {
    }

    public static Optional<Path> in(Path checkpointDirectory) throws IOException {
        if (!Files.isDirectory(checkpointDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.find(checkpointDirectory, 3,
                (path, attributes) -> attributes.isRegularFile()
                        && path.getFileName().toString().equals("_metadata")
                        && path.getParent().getFileName().toString().startsWith("chk-"))) {
            return files.max(Comparator.comparing(LatestCheckpoint::modified).thenComparing(LatestCheckpoint::number))
                    .map(Path::getParent);
        }
    }

    private static long modified(Path metadata) {
        try {
            return Files.getLastModifiedTime(metadata).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    private static long number(Path metadata) {
        String folder = metadata.getParent().getFileName().toString();
        try {
            return Long.parseLong(folder.substring("chk-".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
