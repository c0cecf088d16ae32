package dev.pipelineharness.cloud.http;

import java.time.Instant;

/**
 * One API call as the harness made it or, in plan mode, would have made it: secrets already masked.
 *
 * @param sent false for a call plan mode held back (it would change something)
 */
public record RecordedCall(Instant at, String method, String uri, String auth, String body, boolean sent) {

    /** One line of the plan file: {@code PLANNED POST https://... [Flink SQL key from ...] {...}}. */
    public String line() {
        return (sent ? "SENT    " : "PLANNED ") + method + " " + uri + " [" + auth + "]" + (body.isEmpty() ? "" : " " + body);
    }
}
