package dev.pipelineharness.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a run: the first interrupts the run's thread, so the engine heals
 * the faults, stops every process and still writes the reports with the interrupted scenarios marked;
 * a second one ends the JVM at once (the topology's shutdown hook still stops its processes).
 * Handling the signals, instead of a shutdown hook, is what lets the run finish its cleanup and return
 * its own exit code.
 */
final class Interrupts {

    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final PrintStream err;
    private volatile Thread run;

    Interrupts(PrintStream err) {
        this.err = err;
    }

    /** Watches for the signals while {@code runThread} runs. */
    void install(Thread runThread) {
        this.run = runThread;
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> trigger("SIG" + signal.getName()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                err.println("pipeline-harness: cannot handle SIG" + name + " here (" + e.getMessage() + ")");
            }
        }
    }

    /** What a signal does; also called by tests. */
    void trigger(String what) {
        if (interrupted.compareAndSet(false, true)) {
            err.println();
            err.println("pipeline-harness: " + what + ": stopping cleanly (healing faults, stopping processes, "
                    + "writing the reports); " + what + " again to stop at once");
            Thread thread = run;
            if (thread != null) {
                thread.interrupt();
            }
        } else {
            err.println("pipeline-harness: " + what + " again: stopping now");
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
    }

    boolean interrupted() {
        return interrupted.get();
    }
}
