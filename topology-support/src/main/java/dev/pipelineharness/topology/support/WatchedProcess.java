package dev.pipelineharness.topology.support;

import java.nio.file.Path;

/**
 * A process (or container) a {@link BoundedWait} watches while it waits for its readiness: its death
 * ends the wait at once, and the end of its log goes into the error.
 */
public interface WatchedProcess {

    boolean isAlive();

    /** The exit code, once {@link #isAlive()} is false. */
    int exitValue();

    /** Where its output goes, named in the error. */
    Path logFile();

    /** The last {@code lines} lines of its log. */
    String logTail(int lines);
}
