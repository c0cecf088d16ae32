package dev.pipelineharness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./harness bench topology|generate|mutants}. The benches live with what they measure (the
 * embedded topology, and the scenarios module's test code), so the launcher script runs them on their own
 * classpath; from here {@code topology} runs directly when the embedded topology is on the classpath.
 */
@Command(name = "bench", description = "BENCH lines: topology (start-up and memory), generate (generators vs Kafka's "
        + "ProducerPerformance), mutants (how many broken pipelines the suite catches). See docs/benchmarks.md.")
final class BenchCommand implements Callable<Integer> {

    private static final String TOPOLOGY_BENCH = "dev.pipelineharness.local.bench.TopologyBench";

    private final HarnessCli.Context context;

    @Parameters(index = "0", paramLabel = "WHAT", description = "topology, generate or mutants")
    String what;

    BenchCommand(HarnessCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (what.equals("topology")) {
            try {
                Class.forName(TOPOLOGY_BENCH).getMethod("main", String[].class)
                        .invoke(null, (Object) new String[] {"target/harness/bench"});
                return ExitCodes.GREEN;
            } catch (ClassNotFoundException e) {
                context.err().println("pipeline-harness: the embedded topology is not on the classpath");
                return ExitCodes.BAD_INPUT;
            }
        }
        if (what.equals("generate") || what.equals("mutants")) {
            context.err().println("pipeline-harness: run it through the launcher, which builds its classpath: ./harness bench " + what);
            return ExitCodes.BAD_INPUT;
        }
        context.err().println("pipeline-harness: unknown bench '" + what + "' (topology, generate or mutants)");
        return ExitCodes.BAD_INPUT;
    }
}
