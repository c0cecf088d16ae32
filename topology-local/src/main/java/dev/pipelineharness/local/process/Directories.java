package dev.pipelineharness.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** File-tree chores of components that own a work directory, and of the topology that owns them all. */
public final class Directories {

    private Directories() {
    }

    /**
     * Deletes {@code directory} and everything under it, if it exists: a component that starts fresh
     * must not pick up data (a Kafka cluster id, a PostgreSQL cluster) left by an earlier run there.
     *
     * @param what names the directory in the error, such as "the old Kafka data directory"
     */
    public static void deleteRecursively(Path directory, String what) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + what + " " + directory, e);
        }
    }

    /** Deletes the files directly in {@code directory} whose names match. */
    public static void deleteMatching(Path directory, Predicate<String> name) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> name.test(path.getFileName().toString())).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Best-effort removal at the end of a run: a file still held open by a dying process stays. */
    public static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort, see above
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
