package dev.pipelineharness.engine.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Something that happened on a scenario's timeline.
 *
 * @param at     since the timeline started (the clock the scenario's {@code at:} values use)
 * @param name   the generator or fault as the scenario file names it ({@code generate[0].business-events}, {@code kill-broker})
 * @param detail what it is or did ({@code kill kafka-east}); for a failure, the error
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record TimelineEvent(Duration at, Kind kind, String name, String detail) {

    @API(status = EXPERIMENTAL, since = "0.2")
    public enum Kind {
        GENERATOR_STARTED, GENERATOR_FINISHED, GENERATOR_FAILED, FAULT_INJECTED, FAULT_HEALED, FAULT_FAILED,
        /** What the topology showed after a fault acted or healed: the proof it took effect. */
        FAULT_EVIDENCE
    }
}
