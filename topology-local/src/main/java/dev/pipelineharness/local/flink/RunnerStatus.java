package dev.pipelineharness.local.flink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A status file of the Flink session: the session's own progress, which its JVM writes (see
 * {@code dev.pipelineharness.flinkrunner.JobStatusFile} in runtime-flink, which replaces it atomically),
 * or a job's, which {@link FlinkSqlJob} writes from the session's answer to the submission.
 */
record RunnerStatus(String phase, Properties values) {

    static final String SUBMITTED = "SUBMITTED";
    static final String SQL_ERROR = "SQL_ERROR";
    static final String STARTUP_ERROR = "STARTUP_ERROR";

    static Optional<RunnerStatus> read(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Flink runner's status file " + file, e);
        }
        return Optional.of(new RunnerStatus(properties.getProperty("phase", ""), properties));
    }

    /** True once the session will not get any further by itself: it is ready, the job was submitted, or it gave up. */
    boolean isSettled() {
        return !phase.equals("STARTING");
    }

    boolean isError() {
        return phase.equals(SQL_ERROR) || phase.equals(STARTUP_ERROR);
    }

    String get(String key) {
        return values.getProperty(key);
    }

    int getInt(String key) {
        String value = values.getProperty(key);
        return value == null ? 0 : Integer.parseInt(value);
    }
}
