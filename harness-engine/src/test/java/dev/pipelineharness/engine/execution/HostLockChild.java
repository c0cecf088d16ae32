package dev.pipelineharness.engine.execution;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Another pipeline-harness run, as {@link HostLockTest} needs one: a JVM of its own (file locks are per
 * process) that takes a turn, prints {@code granted} or {@code missed}, and ends it when its standard
 * input closes.
 */
public final class HostLockChild {

    private HostLockChild() {
    }

    /** {@code file shared|exclusive timeoutMillis}. */
    public static void main(String[] args) throws IOException {
        try (HostLock lock = HostLock.open(Optional.of(Path.of(args[0])), Duration.ofMillis(Long.parseLong(args[2])))) {
            HostLock.Turn turn = args[1].equals("exclusive") ? lock.exclusive(why -> System.out.println("waiting"))
                    : lock.shared(why -> System.out.println("waiting"));
            System.out.println(turn.missed().isPresent() ? "missed" : "granted");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until the test closes our standard input
            }
            turn.close();
        }
    }
}
