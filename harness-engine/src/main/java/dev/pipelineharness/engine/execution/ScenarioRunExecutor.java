package dev.pipelineharness.engine.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.engine.config.HarnessConfiguration;
import dev.pipelineharness.engine.descriptor.MalformedScenarioDescriptor;
import dev.pipelineharness.engine.descriptor.ScenarioDescriptor;
import dev.pipelineharness.engine.scenario.ProviderRegistry;
import java.io.PrintStream;
import dev.pipelineharness.engine.events.RunFinished;
import dev.pipelineharness.engine.events.RunListener;
import dev.pipelineharness.engine.events.RunStarted;
import dev.pipelineharness.engine.events.ScenarioRef;
import dev.pipelineharness.engine.events.ScenarioResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;

/**
 * Executes a run: every scenario of the descriptor tree (one after the other, or
 * {@code pipeline-harness.parallelism} at a time) on topologies started once and shared, then stops
 * the topologies and prints the run summary.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScenarioRunExecutor {

    private static final TestTag SLOW = TestTag.create("slow");

    private volatile boolean interrupted;

    private final HarnessConfiguration configuration;
    private final ProviderRegistry providers;
    private final PrintStream out;
    /**
     * Scenarios share the topology (read lock); one whose faults disturb every scenario takes it alone
     * (write lock). Fair, so a waiting exclusive scenario is not starved and later ones queue behind it.
     */
    private final ReadWriteLock topologyUse = new ReentrantReadWriteLock(true);
    private final RunListeners events;
    /** This run's scenarios that run alone and have not taken the topology yet: while any has not, an exclusive host turn is kept. */
    private final AtomicInteger aloneToStart = new AtomicInteger();

    public ScenarioRunExecutor(HarnessConfiguration configuration, ProviderRegistry providers, PrintStream out) {
        this(configuration, providers, out, List.of());
    }

    public ScenarioRunExecutor(HarnessConfiguration configuration, ProviderRegistry providers, PrintStream out,
                               List<RunListener> listeners) {
        this.configuration = configuration;
        this.providers = providers;
        this.out = out;
        this.events = new RunListeners(listeners);
    }

    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = new SynchronizedListener(request.getEngineExecutionListener());
        TestDescriptor engine = request.getRootTestDescriptor();
        listener.executionStarted(engine);
        long begin = System.nanoTime();
        String runId = newRunId();
        AtomicInteger index = new AtomicInteger();
        RunSummary summary = new RunSummary();
        Topologies topologies = new Topologies(providers, configuration);
        HostLock hostLock = HostLock.open(configuration.hostLock(), configuration.hostLockTimeout());
        List<Callable<Void>> work = new ArrayList<>();
        events.runStarted(new RunStarted(runId, Instant.now(), engine.getChildren().size(), configuration.topology(),
                configuration.parallelism(), configuration.seedOverride(), configuration.all()));
        try {
            // why each scenario must run alone, if it must: decided once, for the start order and the run
            Map<TestDescriptor, String> aloneBecause = new HashMap<>();
            for (TestDescriptor child : engine.getChildren()) {
                if (child instanceof ScenarioDescriptor scenario) {
                    Exclusivity.reason(scenario.definition(), topologies).ifPresent(reason -> aloneBecause.put(child, reason));
                }
            }
            aloneToStart.set(aloneBecause.size());
            for (TestDescriptor child : startOrder(engine.getChildren(), configuration.parallelism(),
                    aloneBecause::containsKey)) {
                Optional<String> alone = Optional.ofNullable(aloneBecause.get(child));
                work.add(() -> {
                    summary.add(run(child, listener, topologies, hostLock, runId, index.incrementAndGet(), alone));
                    return null;
                });
            }
            runAll(work);
        } finally {
            // on Ctrl-C, stop the topologies with the interrupt put aside, so they stop cleanly, not half-way
            boolean wasInterrupted = Thread.interrupted();
            interrupted |= wasInterrupted;
            try {
                topologies.close();
            } finally {
                hostLock.close();
            }
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - begin);
        if (!work.isEmpty()) {
            summary.print(out, runId, wallTime, topologies.startTimes());
        }
        events.runFinished(new RunFinished(runId, wallTime, topologies.startTimes(),
                interrupted || Thread.currentThread().isInterrupted()));
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private RunSummary.Outcome run(TestDescriptor child, EngineExecutionListener listener, Topologies topologies,
                                   HostLock hostLock, String runId, int index, Optional<String> alone) {
        long begin = System.nanoTime();
        if (child instanceof MalformedScenarioDescriptor malformed) {
            listener.executionStarted(malformed);
            listener.executionFinished(malformed, TestExecutionResult.failed(malformed.error()));
            String error = ScenarioExecution.firstLine(malformed.error().getMessage());
            ScenarioRef ref = new ScenarioRef(malformed.getUniqueId().toString(), malformed.getDisplayName(),
                    malformed.origin().displayName(), List.of(),
                    configuration.topology(), index, 0, "");
            events.scenarioStarted(ref);
            events.scenarioFinished(ref, new ScenarioResult(ScenarioResult.Status.INVALID, malformed.error().getMessage(),
                    Duration.ofNanos(System.nanoTime() - begin), Map.of(), List.of()));
            return new RunSummary.Outcome(malformed.getDisplayName(), "ERROR", Duration.ofNanos(System.nanoTime() - begin),
                    error);
        }
        ScenarioDescriptor scenario = (ScenarioDescriptor) child;
        String scenarioId = Namespace.sanitize(scenario.definition().name()) + "_" + index;
        if (interrupted || Thread.currentThread().isInterrupted()) {
            // Ctrl-C or SIGTERM: the scenarios not started yet are reported as such instead of failing one by one
            interrupted = true;
            return ScenarioExecution.notRun(scenario, listener, events, configuration, index);
        }
        Lock lock = alone.isPresent() ? topologyUse.writeLock() : topologyUse.readLock();
        lock.lock();
        if (alone.isPresent()) {
            aloneToStart.decrementAndGet();
        }
        // then the machine: the other pipeline-harness runs on it wait while this one runs alone, and the
        // other way round (HostLock); the turn passes on to this run's next scenario that runs alone, if
        // one is still to start (they start one after another), so the other run waits once for all of them
        Consumer<String> waiting = why -> out.println("pipeline-harness: " + scenario.getDisplayName() + " waits: " + why);
        try (HostLock.Turn turn = !takesTurns(scenario, topologies) ? HostLock.none()
                : alone.isPresent() ? hostLock.exclusive(waiting, () -> aloneToStart.get() > 0 && !interrupted)
                : hostLock.shared(waiting)) {
            if (Thread.currentThread().isInterrupted()) {
                // interrupted while it waited for its turn
                interrupted = true;
                return ScenarioExecution.notRun(scenario, listener, events, configuration, index);
            }
            turn.missed().ifPresent(why -> out.println("pipeline-harness: " + scenario.getDisplayName() + ": " + why));
            Optional<String> aloneHere = alone.map(reason -> turn.describe().map(turnSaid -> reason + "; " + turnSaid)
                    .orElse(reason));
            return new ScenarioExecution(scenario, listener, topologies, configuration, new Namespace(runId, scenarioId),
                    events, index, aloneHere).execute();
        } finally {
            lock.unlock();
        }
    }

    /** A scenario whose topology is unknown takes its turn: its own execution reports the problem. */
    private static boolean takesTurns(ScenarioDescriptor scenario, Topologies topologies) {
        try {
            return topologies.takesTurnsOnThisMachine(scenario.definition().topology());
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * Discovery order, except with several scenarios at a time: first those tagged {@code slow} (a long
     * one started late would run on by itself after the others and lengthen the whole run), then the
     * rest, then those that must run alone, one after the other (together, so the slots stay idle only
     * once, while the last others finish, and the machine's exclusive turn is taken once).
     * At the end rather than first: beside other runs on the machine (a build's component tests, another
     * CI job), a first scenario waiting for the exclusive turn would hold every other scenario of this
     * run back with it; last, it asks once the others have run, often after the neighbours ended. And a
     * fault whose heal fails then costs the run only the scenarios still to start after it.
     */
    static List<TestDescriptor> startOrder(Collection<? extends TestDescriptor> scenarios, int parallelism,
                                           java.util.function.Predicate<TestDescriptor> runsAlone) {
        List<TestDescriptor> ordered = new ArrayList<>(scenarios);
        if (parallelism > 1) {
            ordered.sort(Comparator.comparingInt((TestDescriptor scenario) ->
                    runsAlone.test(scenario) ? 2 : scenario.getTags().contains(SLOW) ? 0 : 1));
        }
        return ordered;
    }

    private void runAll(List<Callable<Void>> work) {
        if (configuration.parallelism() <= 1 || work.size() <= 1) {
            for (Callable<Void> item : work) {
                call(item);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(configuration.parallelism(), work.size()), runnable -> {
            Thread thread = new Thread(runnable, "pipeline-harness-scenario");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            work.forEach(item -> futures.add(pool.submit(item)));
            for (Future<Void> future : futures) {
                // each scenario bounds its own phases (start timeout, scenario timeout, check deadlines)
                future.get();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a scenario broke the engine", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void call(Callable<Void> item) {
        try {
            item.call();
        } catch (Exception e) {
            throw new IllegalStateException("a scenario broke the engine", e);
        }
    }

    /** {@code r} and five base-36 characters: short enough for topic names, random enough for shared cloud environments. */
    static String newRunId() {
        long value = ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36);
        StringBuilder id = new StringBuilder(Long.toString(value, 36).toLowerCase(Locale.ROOT));
        while (id.length() < 5) {
            id.insert(0, '0');
        }
        return "r" + id;
    }
}
