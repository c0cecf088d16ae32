package dev.pipelineharness.cloud;

import dev.pipelineharness.cloud.config.CloudConfig;
import dev.pipelineharness.cloud.config.CloudKeys;
import dev.pipelineharness.cloud.http.CloudApiException;
import dev.pipelineharness.cloud.sweep.CloudSweep;
import dev.pipelineharness.topology.support.ReadableDuration;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ./harness cloud sweep --older-than 6h [--plan] [-D key=value]...}: removes what killed runs
 * left in the configured environment (see {@link CloudSweep}). Settings as for the topology:
 * {@code -D} arguments or system properties {@code pipeline-harness.cloud.*}, environment variables,
 * terraform outputs. Exit code 0 when everything due was removed, 1 when something could not be, 2
 * for bad arguments or settings. Only names with the harness prefix are ever considered; how many
 * others were seen and left alone is printed too.
 */
public final class CloudSweepMain {

    static final String USAGE = "usage: ./harness cloud sweep [--older-than 6h] [--plan] [-D pipeline-harness.cloud.KEY=VALUE]...";

    private CloudSweepMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, CloudTool.systemProperties(), System::getenv, out, err));
    }

    /** For tests: no environment variables, the console's streams. */
    static int run(String[] args, Map<String, String> parameters) {
        return run(args, parameters, name -> null, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    static int run(String[] args, Map<String, String> parameters, Function<String, String> environment,
                   PrintWriter out, PrintWriter err) {
        Duration olderThan = Duration.ofHours(6);
        Map<String, String> settings = new HashMap<>(parameters);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--older-than" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--older-than needs a duration such as 6h");
                    }
                    settings.put(CloudKeys.SWEEP_OLDER_THAN, args[++i]);
                }
                case "--plan" -> settings.put(CloudKeys.PLAN, "true");
                case "-D", "--config" -> {
                    if (i + 1 >= args.length || !setting(args[++i], settings)) {
                        return usage(err, arg + " needs KEY=VALUE");
                    }
                }
                default -> {
                    if (!(arg.startsWith("-D") && setting(arg.substring(2), settings))) {
                        return usage(err, "unknown argument '" + arg + "'");
                    }
                }
            }
        }
        CloudConfig config = CloudConfig.from(settings, environment::apply);
        try {
            olderThan = config.duration(CloudKeys.SWEEP_OLDER_THAN, olderThan);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (!config.missing().isEmpty() || !config.problems().isEmpty()) {
            err.println("cloud sweep: cannot reach the environment: " + String.join(", ", config.problems())
                    + (config.missing().isEmpty() ? "" : " missing settings: " + String.join(", ", config.missing())));
            return 2;
        }
        boolean plan = config.flag(CloudKeys.PLAN);
        try {
            SweepClients clients = new SweepClients(config);
            CloudSweep.Result result = clients.sweep().sweep(olderThan, Instant.now());
            String verb = plan ? "would remove" : "removed";
            result.removed().forEach(item -> out.println(verb + " " + item));
            result.failed().forEach(item -> err.println("could not remove " + item));
            out.println("cloud sweep: " + result.removed().size() + " " + verb + ", " + result.failed().size()
                    + " failed; only names with the harness prefix from runs older than "
                    + ReadableDuration.of(olderThan) + " were considered, nothing else is ever touched");
            if (plan) {
                out.println("cloud sweep: plan mode, nothing was deleted; the calls it would make:");
                clients.log().calls().forEach(call -> out.println(call.line()));
            }
            return result.failed().isEmpty() ? 0 : 1;
        } catch (CloudApiException | IllegalStateException | IllegalArgumentException e) {
            err.println("cloud sweep failed: " + config.masker().mask(String.valueOf(e.getMessage())));
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static boolean setting(String keyValue, Map<String, String> settings) {
        int equals = keyValue.indexOf('=');
        if (equals <= 0) {
            return false;
        }
        settings.put(keyValue.substring(0, equals), keyValue.substring(equals + 1));
        return true;
    }

    private static int usage(PrintWriter err, String problem) {
        err.println("cloud sweep: " + problem);
        err.println(USAGE);
        err.flush();
        return 2;
    }
}
