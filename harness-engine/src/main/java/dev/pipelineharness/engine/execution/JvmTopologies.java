package dev.pipelineharness.engine.execution;

import dev.pipelineharness.api.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Topologies kept running after their engine run, for the next run in the same JVM
 * ({@code pipeline-harness.topology.keep-for-jvm}): a build whose integration tests make several
 * engine runs (the scenario suite, then the mutants) starts the topology once. A run that finds one
 * here uses it as it is; the first run's settings (its logs directory among them) stay. They are
 * closed when the JVM exits, from one shutdown hook.
 */
final class JvmTopologies {

    private static final Map<String, Topology> RUNNING = new ConcurrentHashMap<>();
    private static Thread hook;

    private JvmTopologies() {
    }

    static Optional<Topology> running(String name) {
        return Optional.ofNullable(RUNNING.get(name));
    }

    /** Takes over a started topology: from now on only the JVM's exit closes it. */
    static synchronized void keep(String name, Topology topology) {
        RUNNING.put(name, topology);
        if (hook == null) {
            hook = new Thread(JvmTopologies::closeAll, "pipeline-harness-kept-topologies");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    private static void closeAll() {
        List<Topology> topologies = new ArrayList<>(RUNNING.values());
        RUNNING.clear();
        for (Topology topology : topologies) {
            try {
                topology.close();
            } catch (RuntimeException | Error e) {
                System.err.println("pipeline-harness: closing topology " + topology.name() + " failed: " + e);
            }
        }
    }
}
