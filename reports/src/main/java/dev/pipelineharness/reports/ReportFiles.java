package dev.pipelineharness.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The files of a report folder: {@value #HTML}, {@value #RECORD} (the last run), {@code runs/<run-id>.json}
 * (every run, for {@code replay}) and {@value #JUNIT}. Each is written to a temporary file first and moved
 * into place, so a reader (a browser, CI) never sees half a file.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ReportFiles {

    public static final String HTML = "index.html";
    public static final String RECORD = "run.json";
    public static final String JUNIT = "junit.xml";
    public static final String RUNS = "runs";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    static void write(Path dir, RunRecord record) {
        try {
            Files.createDirectories(dir.resolve(RUNS));
            String json = JSON.writeValueAsString(record);
            replace(dir.resolve(RECORD), json);
            replace(dir.resolve(RUNS).resolve(record.runId() + ".json"), json);
            replace(dir.resolve(HTML), HtmlReport.render(record));
            replace(dir.resolve(JUNIT), JunitXmlReport.render(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The last run recorded in {@code dir}, if there is one. */
    public static Optional<RunRecord> lastRun(Path dir) {
        return read(dir.resolve(RECORD));
    }

    /** The run {@code runId} recorded in {@code dir}, if it is there. */
    public static Optional<RunRecord> run(Path dir, String runId) {
        return read(dir.resolve(RUNS).resolve(runId + ".json"));
    }

    private static Optional<RunRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run record " + file, e);
        }
    }
}
