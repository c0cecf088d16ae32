package dev.pipelineharness.local.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
     *
     * <p>A fast shutdown waits for each logical walsender's client to confirm the last WAL it was
     * sent, and a CDC client (Debezium) confirms only what it committed as its offset: it may hold the
     * shutdown for as long as it likes. After {@code fastShutdownGrace} the shutdown turns immediate
     * (SIGQUIT: no checkpoint, crash recovery at the next start; committed transactions are durable,
     * {@code synchronous_commit=on}), so a restart is bounded.
     *
     * @param log hears each step, for the server's log
     * @return how the server stopped, for that log
     */
    static String stopAndAwait(Path dataDir, Duration timeout, Duration fastShutdownGrace, Consumer<String> log) {
        if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
            return "not running";
        }
        long pid = read(dataDir);
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isEmpty()) {
            return "not running (stale postmaster.pid names pid " + pid + ")";
        }
        List<ProcessHandle> backends = postmaster.get().descendants().toList();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        log.accept("fast shutdown of postmaster " + pid + " (SIGINT), " + backends.size() + " backend(s)");
        signal(pid, "INT");
        String how = "fast shutdown";
        long graceEnd = Math.min(deadline, start + fastShutdownGrace.toNanos());
        if (!exitedBy(postmaster.get(), graceEnd)) {
            log.accept("postmaster " + pid + " still shutting down after " + fastShutdownGrace.toSeconds()
                    + " s (a replication client has not confirmed the last WAL); immediate shutdown (SIGQUIT)");
            signal(pid, "QUIT");
            how = "immediate shutdown after " + fastShutdownGrace.toSeconds() + " s of fast shutdown";
        }
        awaitExit(postmaster.get(), deadline, "postmaster " + pid + " after a shutdown request");
        for (ProcessHandle backend : backends) {
            awaitExit(backend, deadline, "backend " + backend.pid() + " of stopped postmaster " + pid);
        }
        return how + ", " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
    }

    private static boolean exitedBy(ProcessHandle process, long deadlineNanos) {
        try {
            process.onExit().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot wait for postmaster " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for postmaster " + process.pid(), e);
        }
    }

    /** {@code kill -SIGNAL pid}: Java sends only SIGTERM and SIGKILL itself, PostgreSQL's shutdowns need others. */
    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + signal + " " + pid + " did not return within 10 s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot send SIG" + signal + " to postmaster " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling postmaster " + pid, e);
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
