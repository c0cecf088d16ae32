package dev.pipelineharness.local.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process alive in this JVM, so that one shutdown hook (Ctrl-C, SIGTERM, normal exit)
 * stops them all, newest first, even when a test forgot or failed before its own clean-up.
 */
public final class ChildProcesses {

    private static final Set<ManagedProcess> ALIVE = ConcurrentHashMap.newKeySet();
    private static final Thread HOOK = new Thread(ChildProcesses::stopAll, "pipeline-harness-child-reaper");

    static {
        Runtime.getRuntime().addShutdownHook(HOOK);
    }

    private ChildProcesses() {
    }

    static void register(ManagedProcess process) {
        ALIVE.add(process);
    }

    static void unregister(ManagedProcess process) {
        ALIVE.remove(process);
    }

    /** The processes started and not yet closed, for tests that check nothing was left behind. */
    public static List<ManagedProcess> alive() {
        return ALIVE.stream().filter(ManagedProcess::isAlive).toList();
    }

    /** Stops every registered process; also what the shutdown hook runs. */
    public static void stopAll() {
        List<ManagedProcess> processes = new ArrayList<>(ALIVE);
        processes.parallelStream().forEach(process -> process.stop(Duration.ofSeconds(5)));
        ALIVE.removeAll(processes);
    }
}
