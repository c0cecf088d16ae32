package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A place in a file the user wrote: a scenario, a pipeline definition, a SQL file.
 * Lines and columns start at 1; 0 means "unknown" (the whole file).
 */
@API(status = STABLE, since = "0.1")
public record Location(String file, int line, int column) {

    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
