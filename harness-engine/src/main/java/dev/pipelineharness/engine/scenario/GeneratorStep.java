package dev.pipelineharness.engine.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.Location;
import org.apiguardian.api.API;

/** One {@code generate:} entry: the provider's name, where it was written, its position and the generator made from it. */
@API(status = INTERNAL, since = "0.1")
public record GeneratorStep(String name, int index, Location location, Generator generator) {
}
