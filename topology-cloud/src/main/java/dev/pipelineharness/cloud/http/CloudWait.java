package dev.pipelineharness.cloud.http;

import dev.pipelineharness.topology.support.ReadableDuration;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Polls a cloud resource until it reaches a state, at a gentle interval (the APIs rate-limit), never
 * longer than a bound; a timeout says what it waited for and the last state it saw. A probe that
 * meets a terminal state (FAILED) throws, and that ends the wait at once.
 */
public final class CloudWait {

    private final Duration pollInterval;

    public CloudWait(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> done, Function<T, String> describe) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(pollInterval)
                    .until(() -> {
                        T value = probe.call();
                        last.set(value);
                        return done.test(value);
                    });
            return last.get();
        } catch (ConditionTimeoutException e) {
            T seen = last.get();
            throw new IllegalStateException("Timed out after " + ReadableDuration.of(timeout) + " waiting for " + what
                    + "; last seen: " + (seen == null ? "no answer" : describe.apply(seen)), e);
        }
    }
}
