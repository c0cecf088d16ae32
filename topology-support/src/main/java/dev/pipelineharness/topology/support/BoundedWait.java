package dev.pipelineharness.topology.support;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for a readiness signal (a metadata answer, a JDBC connection, a REST 200, a job RUNNING),
 * never longer than a bound, and fails with a message saying what it waited for, for how long, the
 * last error the probe saw and the end of the component's log.
 */
public final class BoundedWait {

    private BoundedWait() {
    }

    /**
     * @param what    what is awaited, as a person would say it: "kafka east to answer a metadata request"
     * @param process the process whose death ends the wait early and whose log tail goes into the error; may be null
     * @param probe   returns true once ready; an exception counts as "not yet" and is kept for the message,
     *                except a {@link NeverReadyException}, which ends the wait at once
     */
    public static void until(String what, Duration timeout, WatchedProcess process, Callable<Boolean> probe) {
        AtomicReference<Throwable> lastError = new AtomicReference<>();
        try {
            Awaitility.await(what)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (process != null && !process.isAlive()) {
                            throw new ProcessDiedException(process);
                        }
                        try {
                            return probe.call();
                        } catch (NeverReadyException e) {
                            throw e;
                        } catch (Exception e) {
                            lastError.set(e);
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            // the clock time, to hold against the timestamps of the component's log tail below
            throw new IllegalStateException(message("Timed out after " + ReadableDuration.of(timeout) + " (gave up at "
                    + LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + ") waiting for " + what,
                    lastError.get(), process), lastError.get());
        } catch (ProcessDiedException e) {
            throw new IllegalStateException(message("While waiting for " + what + ", " + process
                    + " exited with code " + process.exitValue(), lastError.get(), process), lastError.get());
        }
    }

    private static String message(String headline, Throwable lastError, WatchedProcess process) {
        StringBuilder message = new StringBuilder(headline);
        if (lastError != null) {
            message.append("; last error: ").append(lastError);
        }
        if (process != null) {
            message.append(System.lineSeparator()).append("--- last lines of ").append(process.logFile())
                    .append(System.lineSeparator()).append(process.logTail(30));
        }
        return message.toString();
    }

    /**
     * Thrown by a probe that saw the awaited state can no longer come (a task or a job FAILED): the wait
     * ends at once with this message, instead of running out its time and ending on whatever the last
     * poll saw, which may be only the interrupt of the poll cut off at the deadline.
     */
    public static final class NeverReadyException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public NeverReadyException(String message) {
            super(message);
        }
    }

    private static final class ProcessDiedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProcessDiedException(WatchedProcess process) {
            super(process + " died");
        }
    }
}
