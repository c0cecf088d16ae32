package dev.pipelineharness.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps the class-data archive cache ({@link ChildJvmArchive}) from growing without end: every
 * rebuilt jar, every checkout in another folder means a new archive of 100 MB or more. An archive's
 * modification time is when it was last mapped (the key of an archive does not depend on it, unlike
 * the jars'), so per kind of JVM only the {@value #KEEP_PER_KIND} most recently used archives stay,
 * and half-written ones older than a day go.
 */
final class ArchiveCachePruning {

    static final int KEEP_PER_KIND = 3;
    private static final Duration ABANDONED_PART = Duration.ofDays(1);

    private ArchiveCachePruning() {
    }

    /** Marks an archive as just used, so pruning keeps it. */
    static void touch(Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // an optimisation only: at worst the archive is pruned and written again
        }
    }

    /** Deletes what the cache no longer needs; returns what it deleted. */
    static List<Path> prune(Path cache) {
        List<Path> deleted = new ArrayList<>();
        Map<String, List<Path>> archivesByKind = new LinkedHashMap<>();
        Instant abandonedBefore = Instant.now().minus(ABANDONED_PART);
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".jsa")) {
                    // <main class>-<16 hex digits>.jsa
                    String kind = name.length() > 21 ? name.substring(0, name.length() - 21) : name;
                    archivesByKind.computeIfAbsent(kind, key -> new ArrayList<>()).add(file);
                } else if (name.endsWith(".part") && modified(file).isBefore(abandonedBefore)) {
                    delete(file, deleted);
                }
            }
        } catch (IOException e) {
            return deleted;
        }
        for (List<Path> archives : archivesByKind.values()) {
            archives.sort(Comparator.comparing(ArchiveCachePruning::modified).reversed());
            archives.stream().skip(KEEP_PER_KIND).forEach(old -> delete(old, deleted));
        }
        return deleted;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void delete(Path file, List<Path> deleted) {
        try {
            if (Files.deleteIfExists(file)) {
                deleted.add(file);
            }
        } catch (IOException e) {
            // in use or gone: the next prune tries again
        }
    }
}
