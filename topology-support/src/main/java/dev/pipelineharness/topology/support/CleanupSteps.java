package dev.pipelineharness.topology.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every step of an undeploy even when earlier ones fail (a connector that will not delete must
 * not leave the topics behind), then reports every failure at once.
 */
public final class CleanupSteps {

    /** One step of a cleanup. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final List<Exception> failures = new ArrayList<>();

    /** Runs {@code step}; a failure is kept for {@link #throwIfFailed} and the next step runs all the same. */
    public void attempt(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            failures.add(e);
        }
    }

    /** @throws IllegalStateException with {@code message} and every failure attached, if any step failed */
    public void throwIfFailed(String message) {
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(message);
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
