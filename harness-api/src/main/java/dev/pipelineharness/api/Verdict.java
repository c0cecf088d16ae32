package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The outcome of one evaluation of a {@link Check}.
 *
 * @param summary one line: what was compared and how it came out ({@code 1000 of 1000 records, exact})
 * @param details for a failure, the diff a person can act on: missing, extra and wrong records, the
 *                first 20 of each, with counts
 */
@API(status = STABLE, since = "0.1")
public record Verdict(boolean passed, String summary, String details) {

    public static Verdict pass(String summary) {
        return new Verdict(true, summary, "");
    }

    public static Verdict fail(String summary, String details) {
        return new Verdict(false, summary, details);
    }

    /** The whole message for a failure report: the summary, then the details. */
    public String message() {
        return details.isEmpty() ? summary : summary + System.lineSeparator() + details;
    }
}
