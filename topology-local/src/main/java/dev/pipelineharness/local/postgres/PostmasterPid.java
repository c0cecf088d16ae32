package dev.pipelineharness.local.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
        awaitExit(postmaster, deadline, "postmaster " + pid + " after SIGKILL");
        for (ProcessHandle backend : backends) {
            awaitExit(backend, deadline, "backend " + backend.pid() + " of killed postmaster " + pid);
        }
    }

    /**
     * A fast shutdown (SIGINT: sessions are ended, walsenders send what is left, a checkpoint is
     * written), then waits until the postmaster and every backend it had are gone. zonky's own stop
     * can return before that while a replication client is connected, and a start beside a stopping
     * server fails. Does nothing when no postmaster runs.
     */
    static void stopAndAwait(Path dataDir, Duration timeout) {
        if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
            return;
        }
        long pid = read(dataDir);
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isEmpty()) {
            return;
        }
        List<ProcessHandle> backends = postmaster.get().descendants().toList();
        try {
            Process signal = new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true).start();
            signal.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot send SIGINT to postmaster " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping postmaster " + pid, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitExit(postmaster.get(), deadline, "postmaster " + pid + " after a fast shutdown request");
        for (ProcessHandle backend : backends) {
            awaitExit(backend, deadline, "backend " + backend.pid() + " of stopped postmaster " + pid);
        }
    }

    private static void awaitExit(ProcessHandle process, long deadlineNanos, String what) {
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            process.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(what + " still alive", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot wait for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }
}
