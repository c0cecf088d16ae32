package dev.pipelineharness.local.flink;

import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.topology.support.Placeholders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The test pipelines' SQL files (test resources of this package), placeholders filled as the topology would. */
final class SqlFixtures {

    private SqlFixtures() {
    }

    static PipelineFile resolved(String resource, Map<String, String> placeholders) {
        String displayName = "pipelines/" + resource;
        try (InputStream in = SqlFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource + " beside " + SqlFixtures.class);
            }
            PipelineFile raw = new PipelineFile(Path.of(displayName), displayName,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new PipelineFile(raw.path(), raw.displayName(), Placeholders.resolve(raw, placeholders));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh folder for one test's logs, checkpoints and broker data, kept in target/ for a post-mortem. */
    static Path workDirectory(Class<?> test) {
        return Path.of("target", "flink-it", test.getSimpleName() + "-" + System.currentTimeMillis()).toAbsolutePath();
    }
}
