package dev.pipelineharness.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.ScenarioDefinitionException;
import java.io.PrintStream;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./harness}: the command line of pipeline-harness. Each subcommand is its own class; this one only
 * wires them, sets up the console and maps errors to exit codes (see {@link ExitCodes}).
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Command(name = "harness", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class,
        description = "Chaos and end-to-end tests for CDC streaming pipelines.",
        footer = {"", "Exit codes: 0 all green, 1 a check failed, 2 bad input, 3 the topology could not start, 130 interrupted."})
public final class HarnessCli implements Runnable {

    /** What every subcommand needs: where to print, the terminal, the signal handling. */
    record Context(PrintStream out, PrintStream err, RunExecution.Console console, Interrupts interrupts) {
    }

    private final Context context;

    HarnessCli(Context context) {
        this.context = context;
    }

    public static void main(String[] args) {
        ConsoleSetup.routeComponentLogs();
        System.exit(execute(args, new Context(System.out, System.err, RunExecution.Console.detect(),
                new Interrupts(System.err))));
    }

    static int execute(String[] args, Context context) {
        CommandLine cli = new CommandLine(new HarnessCli(context))
                .addSubcommand("run", new RunCommand(context))
                .addSubcommand("list", new ListCommand(context))
                .addSubcommand("validate", new ValidateCommand(context))
                .addSubcommand("rerun-failed", new RerunFailedCommand(context))
                .addSubcommand("replay", new ReplayCommand(context))
                .addSubcommand("bench", new BenchCommand(context))
                .addSubcommand("cloud", new CommandLine(new CloudCommand(context))
                        // everything after `cloud` is the cloud tool's: its options are not ours to parse
                        .setUnmatchedOptionsArePositionalParams(true));
        cli.setOut(new java.io.PrintWriter(context.out(), true));
        cli.setErr(new java.io.PrintWriter(context.err(), true));
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ScenarioSelection.BadInput || e instanceof ScenarioDefinitionException) {
                context.err().println("pipeline-harness: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            context.err().println("pipeline-harness: " + e);
            return ExitCodes.RED;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(context.out());
    }

    /** The harness version, from the jar's manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = HarnessCli.class.getPackage().getImplementationVersion();
            return new String[] {"pipeline-harness " + (version == null ? "(development build)" : version)};
        }
    }
}
