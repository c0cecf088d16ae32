package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How far a deployment's pipeline has got with the input written so far, as far as its topology can
 * tell ({@link Deployment#backlog()}). The engine uses it to settle a failing check early: once the
 * pipeline has {@linkplain State#DRAINED drained} and the check's verdict stays the same, waiting out
 * the rest of its {@code within} deadline cannot change the outcome. A topology that cannot tell
 * says {@link State#UNKNOWN} and the check waits its whole deadline, as before.
 *
 * @param evidence what the topology looked at, for the failure message ({@code group r1_x_routing at
 *                 the end of raw_business_events (3 partitions)})
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Backlog(State state, String evidence) {

    public enum State {
        /** Everything written so far has been consumed and committed by every stage the topology can see. */
        DRAINED,
        /** Some stage still has input to process. */
        IN_FLIGHT,
        /** The topology cannot tell (a stage it does not measure, such as a CDC source). */
        UNKNOWN
    }

    public Backlog {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static Backlog drained(String evidence) {
        return new Backlog(State.DRAINED, evidence);
    }

    public static Backlog inFlight(String evidence) {
        return new Backlog(State.IN_FLIGHT, evidence);
    }

    public static Backlog unknown(String reason) {
        return new Backlog(State.UNKNOWN, reason);
    }

    public boolean drained() {
        return state == State.DRAINED;
    }
}
