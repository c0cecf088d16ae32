package dev.pipelineharness.local.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Class-data sharing for the child JVMs: the first JVM of a kind (main class and classpath) writes
 * a dynamic CDS archive of the classes it loaded when it exits ({@code -XX:ArchiveClassesAtExit}),
 * and every later one maps it ({@code -XX:SharedArchiveFile}) instead of loading and verifying
 * those classes again: a broker, a Connect worker or the Flink session starts faster and uses the
 * cores less while the others start too.
 *
 * <p>CDS refuses a classpath with a non-empty directory, and our own code is a {@code target/classes}
 * folder in a build: such folders are packed into jars first, named by their content.
 * The archive's name is a hash of the JVM, the main class and every classpath entry's path, size and
 * modification time, so a rebuilt jar means a new archive rather than one the JVM would reject.
 * Only one JVM writes an archive (it claims it with a marker file), into a file of its own that
 * becomes the archive only when the JVM exited other than by SIGKILL (a JVM killed mid-dump leaves
 * half an archive); the claim is released when the writer exits, and one whose harness died too is
 * taken over after {@link #STALE_CLAIM}. Files live in
 * {@code ${java.io.tmpdir}/pipeline-harness-cds}, which keeps the few most recently used archives of
 * each kind ({@link ArchiveCachePruning}); {@code -Dpipeline-harness.cds=false} turns it off.
 */
final class ChildJvmArchive {

    static final String ENABLED_PROPERTY = "pipeline-harness.cds";
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    /** The cache is pruned once per harness JVM, when its first child starts ({@link ArchiveCachePruning}). */
    private static final java.util.concurrent.atomic.AtomicBoolean PRUNED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The classpath to start the child with and the JVM options that go with it; {@code writing} is
     * the archive this child writes at exit ({@code <archive>.<uuid>.part}), with its claim marker.
     */
    record Prepared(List<Path> classpath, List<String> jvmOptions, Path writing, Path archive, Path claim) {

        Prepared(List<Path> classpath, List<String> jvmOptions) {
            this(classpath, jvmOptions, null, null, null);
        }

        /**
         * Once the child exited: an archive it wrote in full (any exit but SIGKILL, which stops the
         * JVM mid-dump) becomes the archive of its kind; otherwise it is removed. Either way the
         * claim is released, so a killed writer does not keep later JVMs from writing one.
         */
        void settle(int exitValue) {
            if (writing == null) {
                return;
            }
            try {
                if (exitValue != SIGKILLED && Files.isRegularFile(writing) && Files.size(writing) > 0
                        && !Files.exists(archive)) {
                    Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.deleteIfExists(writing);
                Files.deleteIfExists(claim);
            } catch (IOException e) {
                // an optimisation only: the next child of this kind tries again
            }
        }
    }

    /** The exit value of a JVM stopped by SIGKILL (128 + 9). */
    static final int SIGKILLED = 137;

    private ChildJvmArchive() {
    }

    static Prepared prepare(List<Path> classpath, String mainClass) {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            return new Prepared(classpath, List.of());
        }
        try {
            Path cache = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "pipeline-harness-cds"));
            if (PRUNED.compareAndSet(false, true)) {
                ArchiveCachePruning.prune(cache);
            }
            List<Path> jarsOnly = new ArrayList<>();
            for (Path entry : classpath) {
                jarsOnly.add(Files.isDirectory(entry) ? packed(entry, cache) : entry);
            }
            Path archive = cache.resolve(mainClass + "-" + key(jarsOnly, mainClass) + ".jsa");
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                ArchiveCachePruning.touch(archive);
                return new Prepared(jarsOnly, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                        "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
            Path claim = cache.resolve(archive.getFileName() + ".claim");
            if (claim(claim)) {
                Path writing = cache.resolve(archive.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
                return new Prepared(jarsOnly, List.of("-XX:ArchiveClassesAtExit=" + writing,
                        "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), writing, archive, claim);
            }
            return new Prepared(jarsOnly, List.of());
        } catch (IOException | RuntimeException e) {
            // an optimisation only: without it the child starts as it always did
            return new Prepared(classpath, List.of());
        }
    }

    private static boolean claim(Path marker) throws IOException {
        try {
            Files.createFile(marker);
            return true;
        } catch (FileAlreadyExistsException e) {
            Instant claimed = Files.getLastModifiedTime(marker).toInstant();
            if (claimed.isBefore(Instant.now().minus(STALE_CLAIM))) {
                Files.setLastModifiedTime(marker, FileTime.from(Instant.now()));
                return true;
            }
            return false;
        }
    }

    /**
     * A jar of the directory's files, named by their content: a build recompiles classes to the same
     * bytes with new modification times, and that must not make a new jar (and so a new archive).
     */
    private static Path packed(Path directory, Path cache) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        MessageDigest content = sha256();
        for (Path file : files) {
            content.update(directory.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            content.update(Files.readAllBytes(file));
        }
        Path jar = cache.resolve("dir-" + hash(directory.toAbsolutePath().toString()) + "-"
                + HexFormat.of().formatHex(content.digest(), 0, 8) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path temporary = Files.createTempFile(cache, "dir-", ".jar.tmp");
        try (OutputStream out = Files.newOutputStream(temporary); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (Path file : files) {
                jarOut.putNextEntry(new JarEntry(directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return jar;
    }

    private static String key(List<Path> classpath, String mainClass) throws IOException {
        StringBuilder text = new StringBuilder(System.getProperty("java.vm.version")).append('\n').append(mainClass);
        for (Path entry : classpath) {
            text.append('\n').append(entry.toAbsolutePath()).append(' ').append(Files.size(entry)).append(' ')
                    .append(Files.getLastModifiedTime(entry).toMillis());
        }
        return hash(text.toString());
    }

    private static String hash(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
