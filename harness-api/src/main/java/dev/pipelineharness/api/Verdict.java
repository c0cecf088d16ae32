package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The outcome of one evaluation of a {@link Check}.
 *
 * @param summary one line: what was compared and how it came out ({@code 1000 of 1000 records, exact})
 * @param details    for a failure, the diff a person can act on: missing, extra and wrong records, the
 *                   first 20 of each, with counts
 * @param conclusive for a failure, that nothing the pipeline does later can make the check pass (what
 *                   it judged is fixed, such as the records lost at a failover's cutover): the engine
 *                   then fails the check at once instead of polling it to its deadline
 */
@API(status = STABLE, since = "0.1")
public record Verdict(boolean passed, String summary, String details, boolean conclusive) {

    public Verdict(boolean passed, String summary, String details) {
        this(passed, summary, details, false);
    }

    public static Verdict pass(String summary) {
        return new Verdict(true, summary, "");
    }

    public static Verdict fail(String summary, String details) {
        return new Verdict(false, summary, details);
    }

    /** This failure, marked as one that waiting cannot change ({@link #conclusive()}). */
    @API(status = org.apiguardian.api.API.Status.EXPERIMENTAL, since = "0.2")
    public Verdict asConclusive() {
        return new Verdict(passed, summary, details, !passed);
    }

    /** The whole message for a failure report: the summary, then the details. */
    public String message() {
        return details.isEmpty() ? summary : summary + System.lineSeparator() + details;
    }
}
