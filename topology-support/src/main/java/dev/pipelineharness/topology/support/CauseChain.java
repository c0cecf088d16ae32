package dev.pipelineharness.topology.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure's message with the messages of its causes: libraries wrap the one that explains it
 * ({@code Selector operation has failed} around {@code Address already in use}), and an error that
 * names only the wrapper sends the user to the logs for what it could have said.
 */
public final class CauseChain {

    private static final int MOST_CAUSES = 5;

    private CauseChain() {
    }

    /** {@code message (caused by Type: message; caused by ...)}, a cause whose message was already said left out. */
    public static String describe(Throwable failure) {
        String own = String.valueOf(failure.getMessage());
        List<String> causes = new ArrayList<>();
        StringBuilder said = new StringBuilder(own);
        Throwable cause = failure.getCause();
        while (cause != null && cause != cause.getCause() && causes.size() < MOST_CAUSES) {
            if (cause.getMessage() != null && said.indexOf(cause.getMessage()) < 0) {
                causes.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
                said.append(' ').append(cause.getMessage());
            }
            cause = cause.getCause();
        }
        return causes.isEmpty() ? own : own + " (caused by " + String.join("; caused by ", causes) + ")";
    }
}
