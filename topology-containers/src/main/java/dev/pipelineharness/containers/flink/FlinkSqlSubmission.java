package dev.pipelineharness.containers.flink;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What Flink's SQL client ({@code sql-client.sh -f}) printed for a submitted script: the id of the job
 * it started, or the error it stopped at.
 */
public final class FlinkSqlSubmission {

    private static final Pattern JOB_ID = Pattern.compile("Job ID:\\s*([0-9a-f]{32})");

    private FlinkSqlSubmission() {
    }

    /**
     * @return the job id
     * @throws ScenarioDefinitionException naming the pipeline's first SQL file when the client reports an error
     */
    public static String jobId(int exitCode, String output, List<PipelineFile> files) {
        Matcher matcher = JOB_ID.matcher(output);
        Optional<String> error = errorLines(output);
        if (exitCode == 0 && error.isEmpty() && matcher.find()) {
            return matcher.group(1);
        }
        String names = files.stream().map(PipelineFile::displayName).collect(Collectors.joining(", "));
        throw new ScenarioDefinitionException(Location.ofFile(files.isEmpty() ? "flink" : files.get(0).displayName()), "",
                "Flink's SQL client did not start the pipeline's job (files " + names + ", exit code " + exitCode + "): "
                        + error.orElse(tail(output)));
    }

    /** The client prints {@code [ERROR] ...} and then the reason on the following lines. */
    static Optional<String> errorLines(String output) {
        int start = output.indexOf("[ERROR]");
        if (start < 0) {
            return Optional.empty();
        }
        String rest = output.substring(start);
        return Optional.of(rest.lines().limit(8).collect(Collectors.joining(" ")).replaceAll("\\s+", " ").trim());
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join(" ", lines.subList(Math.max(0, lines.size() - 8), lines.size())).trim();
    }
}
