package dev.pipelineharness.flinkrunner;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The runner's command line:
 * {@code --job-dir DIR --checkpoint-dir DIR --rest-port N --status-file FILE [--job-name NAME]
 * [--parallelism N] [--checkpoint-interval-ms N] [--restore-latest]}.
 */
public record RunnerArguments(Path jobDirectory, Path checkpointDirectory, int restPort, Path statusFile,
                              String jobName, int parallelism, long checkpointIntervalMillis,
                              boolean restoreLatest) {

    public static final String USAGE = "usage: FlinkSqlRunner --job-dir DIR --checkpoint-dir DIR --rest-port N"
            + " --status-file FILE [--job-name NAME] [--parallelism N] [--checkpoint-interval-ms N] [--restore-latest]";

    public static RunnerArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean restoreLatest = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--restore-latest")) {
                restoreLatest = true;
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                values.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'; " + USAGE);
            }
        }
        return new RunnerArguments(
                Path.of(required(values, "--job-dir")),
                Path.of(required(values, "--checkpoint-dir")),
                Integer.parseInt(required(values, "--rest-port")),
                Path.of(required(values, "--status-file")),
                values.getOrDefault("--job-name", "pipeline"),
                Integer.parseInt(values.getOrDefault("--parallelism", "1")),
                Long.parseLong(values.getOrDefault("--checkpoint-interval-ms", "1000")),
                restoreLatest);
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Missing " + key + "; " + USAGE);
        }
        return value;
    }
}
