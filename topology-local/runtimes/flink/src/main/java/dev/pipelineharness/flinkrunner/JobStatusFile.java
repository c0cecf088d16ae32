package dev.pipelineharness.flinkrunner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

/**
 * The small file through which the runner tells the harness how far it got: a Java properties file,
 * replaced atomically on each write so a reader never sees half of it.
 *
 * <p>Keys: {@code phase} (one of {@link Phase}), and depending on the phase {@code jobId},
 * {@code restoredFrom}, {@code file}, {@code line}, {@code column}, {@code statement}, {@code message}.
 */
public final class JobStatusFile {

    /** How far the runner got. */
    public enum Phase {
        /** Starting the MiniCluster and running the warm-up job. */
        STARTING,
        /** The session cluster is up and warm: {@code restPort}, {@code controlPort}, {@code slots}. */
        READY,
        /** The statement set was submitted; {@code jobId} is set. Readiness comes from the REST API. */
        SUBMITTED,
        /** A statement was rejected: {@code file}, {@code line}, {@code column}, {@code statement}, {@code message}. */
        SQL_ERROR,
        /** The session or a job could not start (cluster error, a class missing, submission refused): {@code message}. */
        STARTUP_ERROR
    }

    private final Path file;

    public JobStatusFile(Path file) {
        this.file = file;
    }

    public void write(Phase phase, Map<String, String> values) {
        Properties properties = new Properties();
        properties.setProperty("phase", phase.name());
        values.forEach((key, value) -> {
            if (value != null) {
                properties.setProperty(key, SecretValues.mask(value)); // Flink's errors can quote a secret
            }
        });
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, "written by " + FlinkSessionRunner.class.getName());
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the status file " + file, e);
        }
    }
}
