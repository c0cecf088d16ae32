package dev.pipelineharness.local.process;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * The main class of every child JVM: it starts a daemon thread that halts this JVM as soon as the
 * harness process that started it is gone, then runs the component's real main class. Shutdown hooks
 * cover Ctrl-C and SIGTERM; this covers the harness being killed with SIGKILL or crashing, so no
 * broker or worker is ever left running after a run.
 *
 * <p>Arguments: the parent's pid, the real main class, then the real main's arguments.
 */
public final class ParentWatchingMain {

    private ParentWatchingMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ParentWatchingMain <parent-pid> <main-class> [args...]");
        }
        long parentPid = Long.parseLong(args[0]);
        Thread watcher = new Thread(() -> watch(parentPid), "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watch(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            Runtime.getRuntime().halt(3);
        }
        parent.get().onExit().join();
        System.err.println("pipeline-harness: parent process " + parentPid + " is gone; stopping");
        Runtime.getRuntime().halt(3);
    }
}
