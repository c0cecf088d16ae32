package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * One file of a pipeline (Flink SQL, a connector's JSON configuration, PostgreSQL DDL) as written,
 * placeholders not yet filled. {@code displayName} is the path users see in error messages.
 */
@API(status = STABLE, since = "0.1")
public record PipelineFile(Path path, String displayName, String text) {

    public Location location(int line, int column) {
        return new Location(displayName, line, column);
    }
}
