package dev.pipelineharness.cloud;

import dev.pipelineharness.cloud.sweep.CloudSweep;
import dev.pipelineharness.cloud.config.CloudConfig;
import dev.pipelineharness.cloud.config.CloudKeys;
import dev.pipelineharness.cloud.http.CloudApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./harness cloud sweep --older-than 6h [--plan]}: removes what killed runs left in the
 * configured environment (see {@link CloudSweep}). Settings as for the topology: {@code -D} system
 * properties {@code pipeline-harness.cloud.*}, environment variables, terraform outputs. Exit code
 * 0 when everything due was removed, 1 when something could not be, 2 for bad arguments or settings.
 */
public final class CloudSweepMain {

    private CloudSweepMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, systemProperties()));
    }

    static int run(String[] args, Map<String, String> parameters) {
        Duration olderThan = Duration.ofHours(6);
        Map<String, String> settings = new HashMap<>(parameters);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--older-than" -> {
                    if (i + 1 >= args.length) {
                        return usage("--older-than needs a duration such as 6h");
                    }
                    settings.put("pipeline-harness.cloud.sweep.older-than", args[++i]);
                }
                case "--plan" -> settings.put(CloudKeys.PLAN, "true");
                default -> {
                    return usage("unknown argument '" + args[i] + "'");
                }
            }
        }
        CloudConfig config = CloudConfig.from(settings, System::getenv);
        try {
            olderThan = config.duration("pipeline-harness.cloud.sweep.older-than", olderThan);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (!config.missing().isEmpty() || !config.problems().isEmpty()) {
            System.err.println("cloud sweep: cannot reach the environment: " + String.join(", ", config.problems())
                    + (config.missing().isEmpty() ? "" : " missing settings: " + String.join(", ", config.missing())));
            return 2;
        }
        try {
            SweepClients clients = new SweepClients(config);
            CloudSweep.Result result = clients.sweep().sweep(olderThan, Instant.now());
            String verb = config.flag(CloudKeys.PLAN) ? "would remove" : "removed";
            result.removed().forEach(item -> System.out.println(verb + " " + item));
            result.failed().forEach(item -> System.err.println("could not remove " + item));
            System.out.println("cloud sweep: " + result.removed().size() + " " + verb + ", " + result.failed().size()
                    + " failed; only names with the harness prefix from runs older than "
                    + dev.pipelineharness.cloud.http.CloudWait.readable(olderThan) + " were considered");
            if (config.flag(CloudKeys.PLAN)) {
                clients.log().calls().forEach(call -> System.out.println(call.line()));
            }
            return result.failed().isEmpty() ? 0 : 1;
        } catch (CloudApiException | IllegalStateException e) {
            System.err.println("cloud sweep failed: " + config.masker().mask(e.getMessage()));
            return 1;
        }
    }

    private static int usage(String problem) {
        System.err.println("cloud sweep: " + problem);
        System.err.println("usage: ./harness cloud sweep [--older-than 6h] [--plan]");
        return 2;
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> values = new HashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith(CloudKeys.PREFIX)) {
                values.put(key.toString(), value.toString());
            }
        });
        return values;
    }
}
