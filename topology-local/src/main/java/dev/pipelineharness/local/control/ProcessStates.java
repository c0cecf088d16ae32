package dev.pipelineharness.local.control;

import dev.pipelineharness.api.control.ComponentState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's state as the kernel reports it ({@code /proc/PID/stat}): the evidence that a kill or a
 * pause took effect, independent of what the harness believes it did.
 */
final class ProcessStates {

    private ProcessStates() {
    }

    static ComponentState of(long pid) {
        if (pid <= 0) {
            return ComponentState.STOPPED;
        }
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException gone) {
            return ComponentState.STOPPED;
        }
        // pid (comm) S ...: comm may hold spaces and parentheses, so the state follows the last ')'
        int end = stat.lastIndexOf(')');
        char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
        return switch (state) {
            case 'T', 't' -> ComponentState.PAUSED;
            case 'Z', 'X', 'x' -> ComponentState.STOPPED;
            default -> ComponentState.RUNNING;
        };
    }
}
