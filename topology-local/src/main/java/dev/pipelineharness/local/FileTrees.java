package dev.pipelineharness.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the data directories and old logs of a run. */
final class FileTrees {

    private FileTrees() {
    }

    /** Deletes the files directly in {@code directory} whose names match. */
    static void deleteMatching(Path directory, java.util.function.Predicate<String> name) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> name.test(path.getFileName().toString())).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a file still held open by a dying process
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
