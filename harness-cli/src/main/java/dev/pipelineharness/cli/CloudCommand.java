package dev.pipelineharness.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.spi.ToolProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./harness cloud sweep --older-than 6h [--plan] [-D key=value]...}: the cloud topology's own
 * commands. They live in {@code topology-cloud}, which the command line has only at run time (it is
 * the assembly, never the importer, of the topologies): the JDK's {@link ToolProvider} service finds
 * them by name, and every argument after {@code cloud} is theirs.
 */
@Command(name = "cloud", description = {"The cloud topology's commands (module topology-cloud):",
        "  sweep [--older-than 6h] [--plan] [-D pipeline-harness.cloud.KEY=VALUE]...",
        "        removes what killed runs left: harness-prefixed statements, connectors, topics, subjects, tables,",
        "        schemas older than the limit; names without the harness prefix are never touched; --plan lists",
        "        what would go and deletes nothing. Settings as for topology: cloud (docs/topologies.md)."})
final class CloudCommand implements Callable<Integer> {

    /** The name {@code topology-cloud} registers its tool under. */
    static final String TOOL = "pipeline-harness-cloud";

    private final HarnessCli.Context context;

    @Parameters(paramLabel = "ARGS", arity = "0..*", description = "The command and its arguments, passed on unchanged.")
    List<String> args = new ArrayList<>();

    CloudCommand(HarnessCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<ToolProvider> tool = ServiceLoader.load(ToolProvider.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(candidate -> TOOL.equals(candidate.name())).findFirst();
        if (tool.isEmpty()) {
            context.err().println("pipeline-harness: the cloud commands need module topology-cloud on the class path; "
                    + "it is part of ./harness (harness-cli's run-time dependencies)");
            return ExitCodes.BAD_INPUT;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(context.out(), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(context.err(), StandardCharsets.UTF_8), true);
        try {
            return tool.get().run(out, err, args.toArray(String[]::new));
        } finally {
            out.flush();
            err.flush();
        }
    }
}
