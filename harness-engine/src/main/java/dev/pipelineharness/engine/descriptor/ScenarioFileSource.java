package dev.pipelineharness.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Location;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** Builds the {@link TestSource} of a place in a scenario file, so IDEs can jump to the line. */
@API(status = INTERNAL, since = "0.1")
public final class ScenarioFileSource {

    private ScenarioFileSource() {
    }

    public static TestSource of(ScenarioOrigin origin, Location location) {
        FilePosition position = location.line() > 0
                ? FilePosition.from(location.line(), Math.max(1, location.column()))
                : null;
        if (origin.classpathResource().isPresent()) {
            return ClasspathResourceSource.from(origin.classpathResource().get(), position);
        }
        return FileSource.from(origin.file().orElseThrow().toFile(), position);
    }
}
