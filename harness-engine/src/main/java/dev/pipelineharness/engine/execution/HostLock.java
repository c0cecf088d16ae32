package dev.pipelineharness.engine.execution;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Takes turns with the other pipeline-harness runs of this machine, through one lock file. A scenario
 * that runs alone on its topology (a fault on a shared component) also runs alone on the machine: two
 * runs side by side (a build's suite and its mutants, two CI jobs on one host) share two cores, and a
 * neighbour starting its topology while a broker was killed once left the job 35 s behind after the
 * heal, where beside busy loops it stayed within 8 s.
 *
 * <p>Byte 1 of the file is the turn: a run holds it shared while any of its scenarios runs (once for
 * all of them), and a scenario that runs alone holds it exclusively. Byte 0 is a turnstile, held by
 * whoever waits for the turn: file locks are not fair, so without it a run that always has a scenario
 * running would keep an exclusive one waiting until it ended. The operating system releases both when
 * the JVM ends, however it ends. Every wait is bounded; past it the scenario runs anyway and says so.
 *
 * <p>A run keeps its exclusive turn for its next scenario that runs alone, if that one follows at once
 * (the run starts them one after another): the other run then waits once for all of them, instead of
 * running one scenario between each two of them while this run's other slots stay idle. It keeps it
 * for a third of the timeout at most, so a waiting run with the same timeout still has its turn well
 * within it.
 */
final class HostLock implements AutoCloseable {

    private static final long TURNSTILE = 0;
    private static final long TURN = 1;
    private static final Duration POLL = Duration.ofMillis(200);

    /** A turn taken (or given up on); closing it ends it. */
    interface Turn extends AutoCloseable {

        /** Why the scenario did not get its turn ({@code the host lock ... was not free within 15m}), or empty. */
        Optional<String> missed();

        /** What the turn means for a scenario that runs alone, for its report; empty without a host lock. */
        Optional<String> describe();

        @Override
        void close();
    }

    private final Path file;
    private final FileChannel channel;
    private final Duration timeout;
    /** One thread of this JVM at a time at the turnstile: the JVM's own locks must not overlap. */
    private final ReentrantLock turnstileGuard = new ReentrantLock(true);
    private final Object sharing = new Object();
    private int sharers;
    private FileLock sharedTurn;
    /** The exclusive turn a scenario that ran alone kept for the next one; guarded by {@link #sharing}. */
    private KeptTurn keptTurn;

    /** An exclusive turn kept between two scenarios that run alone, and since when the run has held it. */
    private record KeptTurn(FileLock lock, long since) {
    }

    private HostLock(Path file, FileChannel channel, Duration timeout) {
        this.file = file;
        this.channel = channel;
        this.timeout = timeout;
    }

    /** A host lock on {@code file}; none (every turn granted at once) when {@code file} is empty. */
    static HostLock open(Optional<Path> file, Duration timeout) {
        if (file.isEmpty()) {
            return new HostLock(null, null, timeout);
        }
        Path path = file.get().toAbsolutePath();
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            return new HostLock(path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("pipeline-harness.host-lock: cannot open " + path + " for writing (" + e
                    + "); name another file, or none to run without taking turns", e);
        }
    }

    /** For a scenario that shares the machine: waits while another run has a scenario running alone. */
    Turn shared(Consumer<String> waiting) {
        if (channel == null) {
            return none();
        }
        // this run shares the machine now: a turn kept for a scenario that runs alone goes first, or
        // this run would wait at the turnstile behind a run that waits for that very turn
        synchronized (sharing) {
            if (keptTurn != null) {
                release(keptTurn.lock());
                keptTurn = null;
            }
        }
        waiting = once(waiting);
        long deadline = System.nanoTime() + timeout.toNanos();
        turnstileGuard.lock();
        try {
            Optional<FileLock> turnstile = acquire(TURNSTILE, false, deadline, waiting);
            if (turnstile.isEmpty()) {
                return missed();
            }
            try {
                synchronized (sharing) {
                    if (sharers == 0) {
                        // nobody of this JVM releases meanwhile: it holds no turn
                        Optional<FileLock> turn = acquire(TURN, true, deadline, waiting);
                        if (turn.isEmpty()) {
                            return missed();
                        }
                        sharedTurn = turn.get();
                    }
                    sharers++;
                }
                return granted(this::endShared);
            } finally {
                release(turnstile.get());
            }
        } finally {
            turnstileGuard.unlock();
        }
    }

    /**
     * For a scenario that runs alone: waits until no other run on the machine runs a scenario. The
     * caller holds this JVM's own exclusive use of its topology, so no scenario of this JVM holds a turn.
     */
    Turn exclusive(Consumer<String> waiting) {
        return exclusive(waiting, () -> false);
    }

    /**
     * As {@link #exclusive(Consumer)}; when the turn ends and {@code anotherFollows} says this run's
     * next scenario runs alone too, the turn is kept for it (at most a third of the timeout in all).
     */
    Turn exclusive(Consumer<String> waiting, BooleanSupplier anotherFollows) {
        if (channel == null) {
            return none();
        }
        synchronized (sharing) {
            if (sharers > 0) {
                throw new IllegalStateException("an exclusive turn was asked for while " + sharers
                        + " scenario(s) of this run hold a shared one");
            }
            if (keptTurn != null) {
                KeptTurn kept = keptTurn;
                keptTurn = null;
                return granted(endExclusive(kept.lock(), kept.since(), anotherFollows));
            }
        }
        waiting = once(waiting);
        long deadline = System.nanoTime() + timeout.toNanos();
        turnstileGuard.lock();
        try {
            Optional<FileLock> turnstile = acquire(TURNSTILE, false, deadline, waiting);
            if (turnstile.isEmpty()) {
                return missed();
            }
            try {
                Optional<FileLock> turn = acquire(TURN, false, deadline, waiting);
                return turn.isEmpty() ? missed() : granted(endExclusive(turn.get(), System.nanoTime(), anotherFollows));
            } finally {
                release(turnstile.get());
            }
        } finally {
            turnstileGuard.unlock();
        }
    }

    /** Ends an exclusive turn held since {@code since}: kept for the next scenario that runs alone, or released. */
    private Runnable endExclusive(FileLock turn, long since, BooleanSupplier anotherFollows) {
        return () -> {
            synchronized (sharing) {
                boolean inTime = System.nanoTime() - since < timeout.toNanos() / 3;
                if (inTime && anotherFollows.getAsBoolean() && turn.isValid()) {
                    keptTurn = new KeptTurn(turn, since);
                    return;
                }
            }
            release(turn);
        };
    }

    /** A turn passes two locks; whoever asked for it hears once that it waits. */
    private static Consumer<String> once(Consumer<String> waiting) {
        AtomicBoolean told = new AtomicBoolean();
        return why -> {
            if (told.compareAndSet(false, true)) {
                waiting.accept(why);
            }
        };
    }

    private void endShared() {
        synchronized (sharing) {
            sharers--;
            if (sharers == 0 && sharedTurn != null) {
                release(sharedTurn);
                sharedTurn = null;
            }
        }
    }

    /**
     * The lock on one byte, at once or within the deadline (telling {@code waiting} that it waits), or
     * empty: not free in time, or the run is being interrupted (the interrupt is kept for the caller).
     */
    private Optional<FileLock> acquire(long position, boolean shared, long deadline, Consumer<String> waiting) {
        AtomicReference<FileLock> lock = new AtomicReference<>();
        try {
            lock.set(tryLock(position, shared));
            if (lock.get() != null) {
                return Optional.of(lock.get());
            }
            waiting.accept("another pipeline-harness run on this machine has its turn (" + file + ")");
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            // Awaitility sleeps through an interrupt and sets it again, so the condition looks for it,
            // before touching the channel: an interrupted thread's channel operation closes the channel
            await("the turn at the host lock " + file).atMost(left).pollDelay(POLL).pollInterval(POLL).pollInSameThread()
                    .until(() -> {
                        if (Thread.currentThread().isInterrupted()) {
                            return true;
                        }
                        lock.set(tryLock(position, shared));
                        return lock.get() != null;
                    });
            // empty when interrupted (Ctrl-C or SIGTERM): the run reports the scenario as not run
            return Optional.ofNullable(lock.get());
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof ClosedChannelException)) {
                throw e;
            }
            // closed by an interrupt that came during a lock call: the run is being interrupted
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private FileLock tryLock(long position, boolean shared) {
        try {
            return channel.tryLock(position, 1, shared);
        } catch (IOException e) {
            throw new UncheckedIOException("pipeline-harness.host-lock: cannot lock " + file, e);
        }
    }

    private void release(FileLock lock) {
        // released with the interrupt put aside: on an interrupted thread a channel call closes the channel
        boolean interrupted = Thread.interrupted();
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (ClosedChannelException e) {
            // closed: its locks went with it
        } catch (IOException e) {
            throw new UncheckedIOException("pipeline-harness.host-lock: cannot release " + file, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Turn granted(Runnable end) {
        return new Turn() {
            @Override
            public Optional<String> missed() {
                return Optional.empty();
            }

            @Override
            public Optional<String> describe() {
                return Optional.of("alone on this machine too, among pipeline-harness runs (" + file + ")");
            }

            @Override
            public void close() {
                end.run();
            }
        };
    }

    /** A turn for a scenario that needs none (its topology does not run on this machine): granted, saying nothing. */
    static Turn none() {
        return new Turn() {
            @Override
            public Optional<String> missed() {
                return Optional.empty();
            }

            @Override
            public Optional<String> describe() {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }

    private Turn missed() {
        String why = "the host lock " + file + " was not free within " + Durations.format(timeout)
                + ": it ran beside another pipeline-harness run on this machine";
        return new Turn() {
            @Override
            public Optional<String> missed() {
                return Optional.of(why);
            }

            @Override
            public Optional<String> describe() {
                return Optional.of(why);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("pipeline-harness.host-lock: cannot close " + file, e);
        }
    }
}
