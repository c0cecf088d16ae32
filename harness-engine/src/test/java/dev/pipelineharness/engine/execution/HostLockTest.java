package dev.pipelineharness.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Turns between runs: each other run is a JVM of its own ({@link HostLockChild}), as file locks are per process. */
class HostLockTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** {@link SharedHostTurn} reads its lock file from the system property once a JVM: one file for its cases. */
    @TempDir
    static Path machineDir;

    private final List<OtherRun> others = new ArrayList<>();

    @AfterEach
    void endOthers() {
        others.forEach(OtherRun::end);
        // the engine's tests that follow in this JVM read it too (as a JUnit configuration parameter)
        System.clearProperty("pipeline-harness.host-lock");
    }

    @Test
    void aScenarioThatRunsAloneWaitsForTheOtherRunsScenarioThenRuns() throws Exception {
        Path file = dir.resolve("host.lock");
        OtherRun other = started(file, "shared", LONG, "granted");
        List<String> waited = new CopyOnWriteArrayList<>();
        try (HostLock lock = HostLock.open(Optional.of(file), LONG)) {
            CompletableFuture<HostLock.Turn> turn = CompletableFuture.supplyAsync(() -> lock.exclusive(waited::add));
            await().atMost(LONG).until(() -> !waited.isEmpty());
            assertThat(turn).isNotDone();
            assertThat(waited.get(0)).contains("another pipeline-harness run on this machine has its turn", file.toString());

            other.end();
            try (HostLock.Turn granted = turn.get()) {
                assertThat(waited).as("said once, though a turn passes two locks").hasSize(1);
                assertThat(granted.missed()).isEmpty();
                assertThat(granted.describe()).hasValueSatisfying(text -> assertThat(text).contains("alone on this machine"));
            }
        }
    }

    @Test
    void whileAScenarioRunsAloneTheOtherRunStartsNone() throws Exception {
        Path file = dir.resolve("host.lock");
        OtherRun alone = started(file, "exclusive", LONG, "granted");

        OtherRun sharing = started(file, "shared", Duration.ofMillis(600), "waiting");
        assertThat(sharing.nextLine()).isEqualTo("missed");
    }

    @Test
    void aTurnNotFreeInTimeRunsAnywayAndSaysWhy() throws Exception {
        Path file = dir.resolve("host.lock");
        OtherRun other = started(file, "shared", LONG, "granted");
        try (HostLock lock = HostLock.open(Optional.of(file), Duration.ofMillis(500));
             HostLock.Turn turn = lock.exclusive(why -> { })) {
            assertThat(turn.missed()).hasValueSatisfying(why -> assertThat(why)
                    .contains(file.toString(), "was not free within", "ran beside another pipeline-harness run"));
        }
    }

    @Test
    void scenariosSharingTheMachineDoNotWaitForEachOther() throws Exception {
        Path file = dir.resolve("host.lock");
        OtherRun other = started(file, "shared", LONG, "granted");
        List<String> waited = new CopyOnWriteArrayList<>();
        try (HostLock lock = HostLock.open(Optional.of(file), LONG);
             HostLock.Turn first = lock.shared(waited::add);
             HostLock.Turn second = lock.shared(waited::add)) {
            assertThat(first.missed()).isEmpty();
            assertThat(second.missed()).isEmpty();
            assertThat(waited).isEmpty();
        }
    }

    /** File locks are not fair: without the turnstile, a run always running a scenario would hold the other off. */
    @Test
    void aWaitingScenarioThatRunsAloneGoesBeforeTheOtherRunsNextScenario() throws Exception {
        Path file = dir.resolve("host.lock");
        try (HostLock lock = HostLock.open(Optional.of(file), Duration.ofMillis(800))) {
            HostLock.Turn running = lock.shared(why -> { });
            OtherRun alone = started(file, "exclusive", LONG, "waiting");

            try (HostLock.Turn next = lock.shared(why -> { })) {
                assertThat(next.missed()).as("a scenario started while the other run waits for its turn").isPresent();
            }
            running.close();
            assertThat(alone.nextLine()).isEqualTo("granted");
        }
    }

    @Test
    void anInterruptEndsTheWaitAndIsKept() throws Exception {
        Path file = dir.resolve("host.lock");
        OtherRun other = started(file, "shared", LONG, "granted");
        List<String> waited = new CopyOnWriteArrayList<>();
        try (HostLock lock = HostLock.open(Optional.of(file), LONG)) {
            CompletableFuture<Boolean> keptInterrupt = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try (HostLock.Turn turn = lock.exclusive(waited::add)) {
                    keptInterrupt.complete(turn.missed().isPresent() && Thread.currentThread().isInterrupted());
                } catch (Throwable e) {
                    keptInterrupt.completeExceptionally(e);
                }
            });
            waiter.start();
            await().atMost(LONG).until(() -> !waited.isEmpty());
            waiter.interrupt();
            assertThat(keptInterrupt.get(LONG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                    .as("no turn, and the interrupt kept for the run").isTrue();
        }
    }

    /** The suite's scenarios that run alone follow one another: the other run waits once for all of them. */
    @Test
    void aRunKeepsItsExclusiveTurnForItsNextScenarioThatRunsAlone() throws Exception {
        Path file = dir.resolve("host.lock");
        try (HostLock lock = HostLock.open(Optional.of(file), LONG)) {
            HostLock.Turn first = lock.exclusive(why -> { }, () -> true);
            OtherRun other = started(file, "shared", LONG, "waiting");
            first.close();

            List<String> waited = new CopyOnWriteArrayList<>();
            try (HostLock.Turn next = lock.exclusive(waited::add, () -> false)) {
                assertThat(next.missed()).isEmpty();
                assertThat(waited).as("the turn was kept, not queued for behind the waiting run").isEmpty();
            }
            assertThat(other.nextLine()).as("the last one gives the turn up").isEqualTo("granted");
        }
    }

    @Test
    void aKeptTurnEndsWhenTheRunsNextScenarioSharesTheMachine() throws Exception {
        Path file = dir.resolve("host.lock");
        try (HostLock lock = HostLock.open(Optional.of(file), LONG)) {
            lock.exclusive(why -> { }, () -> true).close();
            try (HostLock.Turn sharing = lock.shared(why -> { })) {
                assertThat(sharing.missed()).isEmpty();
                OtherRun other = start(file, "shared", LONG);
                assertThat(other.nextLine()).as("no exclusive turn is left behind").isEqualTo("granted");
            }
        }
    }

    @Test
    void aTurnIsKeptForAThirdOfTheTimeoutAtMost() throws Exception {
        Path file = dir.resolve("host.lock");
        Duration timeout = Duration.ofMillis(900);
        try (HostLock lock = HostLock.open(Optional.of(file), timeout)) {
            long since = System.nanoTime();
            HostLock.Turn first = lock.exclusive(why -> { }, () -> true);
            OtherRun other = started(file, "shared", LONG, "waiting");
            await("a third of the timeout").atMost(LONG)
                    .until(() -> System.nanoTime() - since > timeout.toNanos() / 3);
            first.close();
            assertThat(other.nextLine()).as("given up, though another scenario that runs alone follows").isEqualTo("granted");
        }
    }

    @Test
    void testsSharingTheMachineWaitWhileAnotherRunsScenarioRunsAlone() throws Exception {
        Path file = machineLock();
        OtherRun alone = started(file, "exclusive", LONG, "granted");
        List<String> waited = new CopyOnWriteArrayList<>();
        CompletableFuture<SharedHostTurn> turn = CompletableFuture.supplyAsync(() -> SharedHostTurn.take(waited::add));
        await().atMost(LONG).until(() -> !waited.isEmpty());
        assertThat(turn).isNotDone();
        assertThat(waited.get(0)).contains("another pipeline-harness run on this machine has its turn", file.toString());

        alone.end();
        try (SharedHostTurn granted = turn.get(LONG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            assertThat(granted.missed()).isEmpty();
        }
    }

    @Test
    void aScenarioThatRunsAloneWaitsForTestsSharingTheMachine() throws Exception {
        Path file = machineLock();
        SharedHostTurn turn = SharedHostTurn.take(why -> {
        });
        OtherRun alone = started(file, "exclusive", LONG, "waiting");
        turn.close();
        assertThat(alone.nextLine()).isEqualTo("granted");
    }

    private static Path machineLock() {
        Path file = machineDir.resolve("host.lock");
        System.setProperty("pipeline-harness.host-lock", file.toString());
        return file;
    }

    @Test
    void withoutAHostLockEveryTurnIsGrantedAtOnce() {
        try (HostLock lock = HostLock.open(Optional.empty(), Duration.ZERO);
             HostLock.Turn alone = lock.exclusive(why -> { throw new AssertionError("waited: " + why); })) {
            assertThat(alone.missed()).isEmpty();
            assertThat(alone.describe()).isEmpty();
        }
    }

    /** Another run that takes a turn, once it said {@code firstLine} ({@code granted}, {@code waiting}). */
    private OtherRun started(Path file, String mode, Duration timeout, String firstLine) throws Exception {
        OtherRun other = start(file, mode, timeout);
        assertThat(other.nextLine()).as("the other run's %s turn", mode).isEqualTo(firstLine);
        return other;
    }

    private OtherRun start(Path file, String mode, Duration timeout) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HostLockChild.class.getName(), file.toString(), mode, Long.toString(timeout.toMillis()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        OtherRun other = new OtherRun(process);
        others.add(other);
        return other;
    }

    private static final class OtherRun {
        private final Process process;
        private final BufferedReader out;

        OtherRun(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        String nextLine() throws Exception {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(LONG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        }

        void end() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(LONG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
