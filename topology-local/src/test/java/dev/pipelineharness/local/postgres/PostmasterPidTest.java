package dev.pipelineharness.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart's stop is bounded even when the fast shutdown never finishes (a logical replication
 * client that does not confirm the last WAL holds PostgreSQL's walsender, and with it the
 * shutdown): a stand-in postmaster that ignores SIGINT is stopped by the immediate shutdown.
 */
class PostmasterPidTest {

    @TempDir
    Path dataDir;

    private Process standIn;

    @AfterEach
    void removeStandIn() {
        if (standIn != null) {
            standIn.destroyForcibly();
        }
    }

    @Test
    void aFastShutdownThatDoesNotFinishTurnsImmediate() throws IOException {
        // ignores SIGINT as a postmaster held by its walsenders appears to; SIGQUIT ends it. The JVM's
        // children inherit SIGQUIT blocked (a postmaster unblocks it itself); a shell cannot, Python can.
        Assumptions.assumeTrue(onPath("python3"), "needs python3 for a stand-in postmaster that unblocks SIGQUIT");
        standIn = new ProcessBuilder("python3", "-c", "import signal, time\n"
                + "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                + "signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGQUIT])\n"
                + "print('ready', flush=True)\n"
                + "time.sleep(60)\n").start();
        // its SIGINT handler must be in place before the stop sends SIGINT
        assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(standIn.getInputStream())).readLine())
                .isEqualTo("ready");
        Files.writeString(dataDir.resolve("postmaster.pid"), standIn.pid() + "\n" + dataDir + "\n");
        List<String> steps = new ArrayList<>();

        long start = System.nanoTime();
        String how = PostmasterPid.stopAndAwait(dataDir, Duration.ofSeconds(20), Duration.ofMillis(500), steps::add);

        assertThat(standIn.isAlive()).isFalse();
        assertThat(how).startsWith("immediate shutdown after");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0)).startsWith("fast shutdown of postmaster " + standIn.pid());
        assertThat(steps.get(1)).contains("immediate shutdown (SIGQUIT)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    @Test
    void nothingToStopWithoutAPidFile() {
        List<String> steps = new ArrayList<>();
        assertThat(PostmasterPid.stopAndAwait(dataDir, Duration.ofSeconds(1), Duration.ofMillis(100), steps::add))
                .isEqualTo("not running");
        assertThat(steps).isEmpty();
    }
}
