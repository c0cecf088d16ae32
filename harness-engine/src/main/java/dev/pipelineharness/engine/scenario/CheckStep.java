package dev.pipelineharness.engine.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.Location;
import org.apiguardian.api.API;

/**
 * One test of a scenario: a {@link Check} made by the {@code expect:} entry {@code entry}.
 *
 * @param ordinal the check's position among all checks of the scenario (part of its unique id)
 */
@API(status = INTERNAL, since = "0.1")
public record CheckStep(String name, int entry, int ordinal, Location location, Check check) {
}
