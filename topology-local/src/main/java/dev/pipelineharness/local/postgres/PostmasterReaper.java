package dev.pipelineharness.local.postgres;

import dev.pipelineharness.local.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A tiny shell loop that SIGKILLs the postmaster of a data directory once the harness process is
 * gone. The Java child processes die with the harness by themselves ({@code ParentWatchingMain}),
 * and zonky stops PostgreSQL from a shutdown hook, but nothing runs when the harness itself gets
 * SIGKILL or crashes: without this, PostgreSQL would outlive the run. It reads
 * {@code postmaster.pid} only when it fires, so it stays right across restarts.
 */
final class PostmasterReaper {

    private static final String SCRIPT = String.join("\n",
            "while kill -0 \"$HARNESS_PID\" 2>/dev/null; do sleep 1; done",
            "pid=$(head -n 1 \"$PGDATA/postmaster.pid\" 2>/dev/null) || exit 0",
            "echo \"pipeline-harness: harness $HARNESS_PID is gone; killing postmaster $pid\"",
            "kill -9 \"$pid\"");

    private PostmasterReaper() {
    }

    /** Watches this JVM. */
    static ManagedProcess start(Path dataDir, Path workDir, Path logFile) {
        return start(ProcessHandle.current().pid(), dataDir, workDir, logFile);
    }

    /** Watches {@code watchedPid} (a test stands in for the harness with a process it can kill). */
    static ManagedProcess start(long watchedPid, Path dataDir, Path workDir, Path logFile) {
        try {
            return ManagedProcess.start("postgres-reaper", List.of("sh", "-c", SCRIPT), workDir, logFile,
                    Map.of("HARNESS_PID", Long.toString(watchedPid), "PGDATA", dataDir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the watchdog that stops PostgreSQL if the harness dies", e);
        }
    }
}
