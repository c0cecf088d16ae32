package dev.pipelineharness.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.engine.yaml.DisplayPaths;
import dev.pipelineharness.engine.scenario.ScenarioSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where a scenario file was found: a classpath resource (the name users see, and the file or jar
 * entry behind it) or a file on disk. Its unique-id value is {@code classpath:<name>} or
 * {@code file:<absolute path>}.
 */
@API(status = INTERNAL, since = "0.1")
public record ScenarioOrigin(Optional<String> classpathResource, Optional<Path> file, URI uri) {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    public static ScenarioOrigin ofClasspathResource(String name, URI uri) {
        return new ScenarioOrigin(Optional.of(name.startsWith("/") ? name.substring(1) : name), pathOf(uri), uri);
    }

    public static ScenarioOrigin ofFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new ScenarioOrigin(Optional.empty(), Optional.of(absolute), absolute.toUri());
    }

    /** The unique-id segment value: {@code classpath:dev/x/a.scenario.yaml} or {@code file:/abs/a.scenario.yaml}. */
    public String uniqueIdValue() {
        return classpathResource.map(name -> CLASSPATH + name)
                .orElseGet(() -> FILE + file.orElseThrow().toString().replace('\\', '/'));
    }

    /** The inverse of {@link #uniqueIdValue()}: the resource name or file path, and its kind. */
    public static Optional<String> classpathResourceOf(String uniqueIdValue) {
        return uniqueIdValue.startsWith(CLASSPATH) ? Optional.of(uniqueIdValue.substring(CLASSPATH.length())) : Optional.empty();
    }

    public static Optional<Path> fileOf(String uniqueIdValue) {
        return uniqueIdValue.startsWith(FILE) ? Optional.of(Path.of(uniqueIdValue.substring(FILE.length()))) : Optional.empty();
    }

    /** The name users see in messages: the classpath resource name, or the path relative to the working directory. */
    public String displayName() {
        return classpathResource.orElseGet(() -> DisplayPaths.of(file.orElseThrow()));
    }

    /** The file name alone, used as the display name of a scenario whose name could not be read. */
    public String fileName() {
        String name = displayName();
        return name.substring(name.lastIndexOf('/') + 1);
    }

    public ScenarioSource read() {
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get()) : uri.toURL().openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ScenarioSource(displayName(), text, file.map(Path::getParent));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + displayName(), e);
        }
    }

    private static Optional<Path> pathOf(URI uri) {
        try {
            return Optional.of(Path.of(uri));
        } catch (FileSystemNotFoundException notOpenYet) {
            try {
                // a scenario inside a jar: open the jar as a file system so its pipeline folder can be read too
                FileSystems.newFileSystem(uri, Map.of());
                return Optional.of(Path.of(uri));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        } catch (RuntimeException unsupportedScheme) {
            return Optional.empty();
        }
    }
}
