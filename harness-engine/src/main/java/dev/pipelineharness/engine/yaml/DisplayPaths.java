package dev.pipelineharness.engine.yaml;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import org.apiguardian.api.API;

/** The way a path is shown to users: relative to the working directory when under it, with forward slashes. */
@API(status = INTERNAL, since = "0.1")
public final class DisplayPaths {

    private DisplayPaths() {
    }

    public static String of(Path path) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        if (!path.getFileSystem().equals(workingDirectory.getFileSystem())) {
            return path.toUri().toString();
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
