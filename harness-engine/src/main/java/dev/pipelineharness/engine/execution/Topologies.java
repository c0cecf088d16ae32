package dev.pipelineharness.engine.execution;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologyProvider;
import dev.pipelineharness.api.TopologySettings;
import dev.pipelineharness.engine.config.HarnessConfiguration;
import dev.pipelineharness.engine.scenario.ProviderRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topologies of one engine run, by name: each is created when the first scenario that needs it
 * runs, started once, shared by every later scenario, and closed at the end of the run or, if the JVM
 * is stopped first, from a shutdown hook. A failed start is remembered, so later scenarios fail fast
 * with the same cause instead of starting everything again. With {@code pipeline-harness.topology.keep-for-jvm}
 * a started topology outlives the run and the next run in this JVM uses it ({@link JvmTopologies}).
 */
final class Topologies implements AutoCloseable {

    private final ProviderRegistry providers;
    private final HarnessConfiguration configuration;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Every topology created, for the shutdown hook, which must not wait for a lock a starting topology holds. */
    private final List<Topology> created = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Thread shutdownHook;

    private static final class Entry {
        Optional<String> unavailableReason = Optional.empty();
        boolean runsOnThisMachine;
        Topology topology;
        boolean started;
        /** Started by an earlier run of this JVM and kept ({@link JvmTopologies}). */
        boolean reused;
        boolean readyAgain;
        RuntimeException startFailure;
        Duration startTime = Duration.ZERO;
    }

    Topologies(ProviderRegistry providers, HarnessConfiguration configuration) {
        this.providers = providers;
        this.configuration = configuration;
    }

    private TopologySettings settings() {
        return new TopologySettings(configuration.reportsDirectory().toAbsolutePath(), configuration.keepFiles(),
                configuration.topologyStartTimeout(), configuration.all());
    }

    /**
     * Whether scenarios on this topology take turns at the machine's host lock: it runs on this machine
     * (its provider says so) and is available here (a skipped scenario loads nothing); asks once.
     */
    synchronized boolean takesTurnsOnThisMachine(String name) {
        Entry entry = entry(name);
        return entry.unavailableReason.isEmpty() && entry.runsOnThisMachine;
    }

    /** Why the topology cannot run here, or empty; asks its provider once. */
    synchronized Optional<String> unavailableReason(String name) {
        return entry(name).unavailableReason;
    }

    /** The topology, created but perhaps not started: enough to ask which faults it supports. */
    synchronized Topology created(String name) {
        Entry entry = entry(name);
        if (entry.topology == null && configuration.keepTopologyForJvm()) {
            JvmTopologies.running(name).ifPresent(kept -> {
                entry.topology = kept;
                entry.started = true;
                entry.reused = true;
            });
        }
        if (entry.topology == null) {
            entry.topology = provider(name).create(settings());
            created.add(0, entry.topology);
            registerShutdownHook();
        }
        return entry.topology;
    }

    /** The topology, started (once per run). */
    synchronized Topology started(String name) {
        Entry entry = entry(name);
        Topology topology = created(name);
        if (entry.startFailure != null) {
            throw entry.startFailure;
        }
        if (entry.reused && !entry.readyAgain) {
            // whatever the earlier run left faulted is healed and awaited, as after a scenario that ran alone
            long begin = System.nanoTime();
            try {
                TopologyReadiness.restore(topology, configuration.topologyStartTimeout());
                entry.readyAgain = true;
            } catch (Exception | Error e) {
                entry.startFailure = new ScenarioFailure("topology '" + name + "', kept running from an earlier run in"
                        + " this JVM, is not ready: " + e.getMessage(), e);
                throw entry.startFailure;
            } finally {
                entry.startTime = Duration.ofNanos(System.nanoTime() - begin);
            }
        }
        if (!entry.started) {
            long begin = System.nanoTime();
            try {
                topology.start();
                entry.started = true;
                if (configuration.keepTopologyForJvm()) {
                    // the JVM's exit closes it now, not the end of this run
                    JvmTopologies.keep(name, topology);
                    created.remove(topology);
                }
            } catch (Exception | Error e) {
                entry.startFailure = new ScenarioFailure("topology '" + name + "' failed to start: " + e, e);
                throw entry.startFailure;
            } finally {
                entry.startTime = Duration.ofNanos(System.nanoTime() - begin);
            }
        }
        return topology;
    }

    synchronized Map<String, Duration> startTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        entries.forEach((name, entry) -> {
            if ((entry.started && !entry.reused) || entry.startFailure != null) {
                times.put(name, entry.startTime);
            }
        });
        return times;
    }

    private Entry entry(String name) {
        return entries.computeIfAbsent(name, key -> {
            Entry entry = new Entry();
            entry.unavailableReason = provider(key).unavailableReason(settings());
            entry.runsOnThisMachine = provider(key).runsOnThisMachine(settings());
            return entry;
        });
    }

    private TopologyProvider provider(String name) {
        return providers.topology(name, Location.ofFile("topology"), "topology");
    }

    private void registerShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::closeAll, "pipeline-harness-topology-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Closes every topology created in this run (newest first); problems are returned, not thrown, so all get closed. */
    List<Throwable> closeAll() {
        List<Throwable> problems = new ArrayList<>();
        for (Topology topology : created) {
            try {
                topology.close();
            } catch (RuntimeException | Error e) {
                problems.add(e);
            }
            created.remove(topology);
        }
        return problems;
    }

    @Override
    public void close() {
        List<Throwable> problems = closeAll();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it will find nothing left to close
            }
        }
        problems.forEach(problem -> System.err.println("pipeline-harness: closing a topology failed: " + problem));
    }
}
