package dev.pipelineharness.local.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The running postmaster of a data directory, as PostgreSQL records it in {@code postmaster.pid}
 * (first line: the pid). zonky only knows the pg_ctl process, which exits once the server is up.
 */
final class PostmasterPid {

    private PostmasterPid() {
    }

    static long read(Path dataDir) {
        Path file = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                throw new IllegalStateException(file + " is empty: is PostgreSQL starting or stopping?");
            }
            return Long.parseLong(lines.get(0).trim());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("PostgreSQL is not running: no " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * SIGKILL to the postmaster only (its backends notice its death and exit by themselves, as after
     * a real crash), then waits until the postmaster and every backend it had are gone: a new
     * postmaster refuses to start while an old backend still holds the shared memory.
     */
    static void killAndAwait(Path dataDir, Duration timeout) {
        long pid = read(dataDir);
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() ->
                new IllegalStateException("postmaster.pid in " + dataDir + " names pid " + pid + ", which is not running"));
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitExit(postmaster, deadline, "postmaster " + pid);
        for (ProcessHandle backend : backends) {
            awaitExit(backend, deadline, "backend " + backend.pid() + " of killed postmaster " + pid);
        }
    }

    private static void awaitExit(ProcessHandle process, long deadlineNanos, String what) {
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            process.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(what + " still alive after SIGKILL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot wait for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }
}
