package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * One expectation of a scenario ({@code expect:}), reported as one test. The engine calls
 * {@link #evaluate} repeatedly (Awaitility) until it passes or {@link #within()} has passed since the
 * generators finished; then, to catch late duplicates or extras, it keeps evaluating for the
 * confirmation period and requires every evaluation to pass. The last failing verdict is reported.
 *
 * <p>A check may keep state between evaluations (a consumer's position, records read so far): one
 * instance serves one scenario.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Check extends AutoCloseable {

    /** The test's display name, such as {@code routed: filtered_loan_events}. */
    String describe();

    /** How long after generation ends the pipeline has to satisfy this check. */
    Duration within();

    Verdict evaluate(CheckContext context) throws Exception;

    /**
     * Whether a passing verdict is a measurement a person wants to see (latency percentiles, a
     * recovery time, RPO and RTO), not only a passed check to count: the console shows its summary.
     */
    default boolean measures() {
        return false;
    }

    /** Releases clients the check opened. */
    @Override
    default void close() throws Exception {
    }
}
