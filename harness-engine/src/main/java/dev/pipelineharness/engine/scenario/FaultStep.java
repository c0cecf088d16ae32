package dev.pipelineharness.engine.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.Location;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One entry of the fault timeline.
 *
 * @param at       when to inject, measured from the start of generation
 * @param duration how long the fault lasts before it is healed; empty: until the scenario ends
 */
@API(status = INTERNAL, since = "0.1")
public record FaultStep(String name, Location location, Duration at, Optional<Duration> duration, Fault fault) {
}
