package dev.pipelineharness.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.cloud.config.CloudKeys;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.spi.ToolProvider;
import org.apiguardian.api.API;

/**
 * The cloud topology's commands, found by the command line through the JDK's own
 * {@link ToolProvider} service ({@code ./harness cloud ...}), so {@code harness-cli} needs this
 * module only at run time and no SPI of ours carries command-line types. Today: {@code sweep}
 * ({@link CloudSweepMain}).
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CloudTool implements ToolProvider {

    /** The name the command line looks the tool up by. */
    public static final String NAME = "pipeline-harness-cloud";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 0 || Arrays.asList("--help", "-h", "help").contains(args[0])) {
            PrintWriter to = args.length == 0 ? err : out;
            to.println("usage: ./harness cloud sweep [--older-than 6h] [--plan] [-D pipeline-harness.cloud.KEY=VALUE]...");
            to.println("  sweep   removes the Flink statements, connectors, topics, subjects, DynamoDB tables and PostgreSQL");
            to.println("          schemas that runs older than --older-than left (harness-prefixed names only; --plan lists them)");
            to.flush();
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if ("sweep".equals(args[0])) {
            return CloudSweepMain.run(rest, systemProperties(), System::getenv, out, err);
        }
        err.println("cloud: unknown command '" + args[0] + "' (known: sweep)");
        err.flush();
        return 2;
    }

    /** The {@code pipeline-harness.cloud.*} system properties, the lowest-precedence settings of a command. */
    static Map<String, String> systemProperties() {
        Map<String, String> values = new HashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith(CloudKeys.PREFIX)) {
                values.put(key.toString(), value.toString());
            }
        });
        return values;
    }
}
