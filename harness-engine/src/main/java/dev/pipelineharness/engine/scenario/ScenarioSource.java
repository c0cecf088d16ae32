package dev.pipelineharness.engine.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The text of one scenario file and where it came from.
 *
 * @param displayName the name users see in messages: a path relative to the working directory, or
 *                    the classpath resource name
 * @param directory   the folder holding the file, against which {@code pipeline:} is resolved; empty
 *                    when the file has no folder (a resource read from a stream)
 */
@API(status = INTERNAL, since = "0.1")
public record ScenarioSource(String displayName, String text, Optional<Path> directory) {
}
