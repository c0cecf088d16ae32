package dev.pipelineharness.local.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DynamoDB Local stores its tables in SQLite through sqlite4java, whose native libraries Maven resolves
 * as separate {@code .so}/{@code .dylib}/{@code .dll} artifacts named with a version suffix
 * ({@code libsqlite4java-linux-amd64-1.0.392.so}). sqlite4java looks for them in one folder under their
 * plain names, so they are copied from the runtime classpath into a folder of the work directory.
 * Doing it at start (rather than at build time into some {@code target/} folder) keeps the installed
 * runtime artifact independent of the worktree that built it.
 */
final class SqliteNativeLibraries {

    private static final Pattern NATIVE = Pattern.compile("(.*sqlite4java-[^/\\\\]+?)-\\d+(?:\\.\\d+)*\\.(so|dylib|dll)$");

    private SqliteNativeLibraries() {
    }

    static boolean isNative(Path entry) {
        return NATIVE.matcher(entry.getFileName().toString()).matches();
    }

    /** Copies every sqlite4java native library of {@code classpath} into {@code folder}, version suffix dropped. */
    static Path copy(List<Path> classpath, Path folder) {
        try {
            Files.createDirectories(folder);
            int copied = 0;
            for (Path entry : classpath) {
                Matcher matcher = NATIVE.matcher(entry.getFileName().toString());
                if (matcher.matches()) {
                    Files.copy(entry, folder.resolve(matcher.group(1) + "." + matcher.group(2)),
                            StandardCopyOption.REPLACE_EXISTING);
                    copied++;
                }
            }
            if (copied == 0) {
                throw new IllegalStateException("The dynamodb-local runtime classpath holds no sqlite4java native"
                        + " library (libsqlite4java-*.so); DynamoDB Local cannot store tables without it");
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the sqlite4java native libraries to " + folder, e);
        }
    }
}
