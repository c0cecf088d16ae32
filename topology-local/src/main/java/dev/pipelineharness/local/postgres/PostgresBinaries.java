package dev.pipelineharness.local.postgres;

import dev.pipelineharness.local.process.Directories;
import dev.pipelineharness.topology.support.BoundedWait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * PostgreSQL's binaries, unpacked, and a freshly initialised cluster beside them, prepared once per
 * machine and shared by every server: zonky unpacks its 15 MB archive in Java (3-4 CPU-seconds on a
 * quiet machine, 15 s of a topology's start on a busy one) and initdb fsyncs every file it writes, and
 * a build starts PostgreSQL in five or more JVMs.
 *
 * <p>A prepared folder only ever appears whole: it is prepared under a temporary name and renamed
 * when complete, so a process killed in the middle leaves no folder that a later start would trust
 * (zonky itself would then find half the files and fail to unpack the rest). One process prepares at a
 * time, holding a file lock the system releases when it dies; the others wait for its folder. The
 * folder's name comes from the binaries archive's location (its version), so a new zonky version gets
 * a folder of its own.
 */
final class PostgresBinaries {

    /** Where the binaries are prepared by default: {@code ${java.io.tmpdir}/pipeline-harness-postgres}. */
    static Path machineCache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "pipeline-harness-postgres");
    }

    /** Fills an empty folder with what a server needs (the unpacked binaries, the cluster template). */
    interface Preparation {
        void prepareIn(Path folder) throws IOException;
    }

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String PREPARING = "preparing-";
    /** A JVM's threads take turns here: a file lock is held by a process, not by a thread. */
    private static final ReentrantLock PREPARER_IN_THIS_JVM = new ReentrantLock();

    private PostgresBinaries() {
    }

    /** The prepared folder under {@code root}, after preparing it if no process did before. */
    static Path ready(Path root, Duration timeout, Preparation preparation) {
        return ready(root, folderName(), timeout, preparation);
    }

    static Path ready(Path root, String name, Duration timeout, Preparation preparation) {
        Path ready = root.resolve(name);
        if (Files.isDirectory(ready)) {
            return ready;
        }
        try {
            Files.createDirectories(root);
            if (!PREPARER_IN_THIS_JVM.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds()
                        + " s waiting for another thread to prepare PostgreSQL's binaries in " + root);
            }
            try (FileChannel lockFile = FileChannel.open(root.resolve(".prepare.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                AtomicReference<FileLock> lock = new AtomicReference<>();
                BoundedWait.until("another process to prepare PostgreSQL's binaries in " + root, timeout, null, () -> {
                    if (Files.isDirectory(ready)) {
                        return true;
                    }
                    lock.set(lockFile.tryLock());
                    return lock.get() != null;
                });
                if (lock.get() != null) {
                    try (FileLock held = lock.get()) {
                        prepare(root, ready, preparation);
                    }
                }
                return ready;
            } finally {
                PREPARER_IN_THIS_JVM.unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare PostgreSQL's binaries in " + root, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing PostgreSQL's binaries in " + root, e);
        }
    }

    private static void prepare(Path root, Path ready, Preparation preparation) throws IOException {
        if (Files.isDirectory(ready)) {
            return; // the process before held the lock to prepare it
        }
        // only the lock's holder prepares: any other folder being prepared belongs to a process that died
        try (Stream<Path> folders = Files.list(root)) {
            for (Path abandoned : folders.filter(p -> p.getFileName().toString().startsWith(PREPARING)).toList()) {
                Directories.deleteRecursively(abandoned, "an abandoned preparation of PostgreSQL's binaries");
            }
        }
        Path preparing = root.resolve(PREPARING + java.util.UUID.randomUUID());
        Files.createDirectories(preparing);
        try {
            preparation.prepareIn(preparing);
            Files.move(preparing, ready, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(preparing)) {
                Directories.deleteRecursively(preparing, "a failed preparation of PostgreSQL's binaries");
            }
        }
    }

    /** {@code pg-<hash of the binaries archive's URL>}: the URL names the binaries jar and its version. */
    static String folderName() {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        String location = archive == null ? "no " + ARCHIVE + " on the classpath" : archive.toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return "pg-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
