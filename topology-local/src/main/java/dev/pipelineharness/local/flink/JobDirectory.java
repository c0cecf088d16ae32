package dev.pipelineharness.local.flink;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.PipelineFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The folder the Flink session reads a job's SQL from. Files are written as
 * {@code NN-<name>.sql}, so the runner's file-name order is the pipeline's order, and the runner's
 * error reports (which name the file in this folder) can be mapped back to the file the user wrote.
 */
final class JobDirectory {

    private final Map<String, PipelineFile> byWrittenName = new LinkedHashMap<>();

    private JobDirectory() {
    }

    static JobDirectory write(Path directory, List<PipelineFile> resolvedSqlFiles) throws IOException {
        if (resolvedSqlFiles.isEmpty()) {
            throw new IllegalArgumentException("A Flink SQL job needs at least one SQL file");
        }
        Files.createDirectories(directory);
        try (var old = Files.list(directory)) {
            for (Path path : old.toList()) {
                Files.delete(path);
            }
        }
        JobDirectory job = new JobDirectory();
        for (int i = 0; i < resolvedSqlFiles.size(); i++) {
            PipelineFile file = resolvedSqlFiles.get(i);
            String base = file.path() != null && file.path().getFileName() != null
                    ? file.path().getFileName().toString() : "statements";
            String written = String.format("%02d-%s", i, base.replaceAll("[^A-Za-z0-9._-]", "_"));
            if (!written.endsWith(".sql")) {
                written += ".sql";
            }
            Files.writeString(directory.resolve(written), file.text(), StandardCharsets.UTF_8);
            job.byWrittenName.put(written, file);
        }
        return job;
    }

    /** Where, in the user's file, a position the runner reported lies. */
    Location locate(String writtenName, int line, int column) {
        PipelineFile file = writtenName == null ? null : byWrittenName.get(writtenName);
        if (file == null) {
            return Location.ofFile(byWrittenName.values().stream().map(PipelineFile::displayName)
                    .collect(Collectors.joining(", ")));
        }
        return file.location(line, column);
    }
}
