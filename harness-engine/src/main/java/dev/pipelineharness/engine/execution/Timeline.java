package dev.pipelineharness.engine.execution;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.GenerationContext;
import dev.pipelineharness.api.ScenarioStore;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.engine.scenario.FaultStep;
import dev.pipelineharness.engine.scenario.GeneratorStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import dev.pipelineharness.engine.events.TimelineEvent;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs a scenario's generators and its fault timeline on one clock, starting at zero when generation
 * starts: every generator at once (each on its own thread), each fault injected at its {@code at} and
 * healed at {@code at} + {@code for} (or as soon as its injection returns, if that is later).
 * {@link #run()} returns when every generator has finished and every fault with a {@code for} has been
 * healed; faults without one stay until {@link #close()}, which also heals whatever is still injected,
 * newest first.
 *
 * <p>The whole timeline is bounded by the scenario's timeout (stretched to the end of the last timed
 * fault when that is later); past it the generators are interrupted and the scenario fails.
 */
final class Timeline implements AutoCloseable {

    private final List<GeneratorStep> generators;
    private final List<FaultStep> faults;
    private final Duration timeout;
    private final long scenarioSeed;
    private final Topology topology;
    private final Deployment deployment;
    private final ScenarioStore store;
    private final BiConsumer<String, String> publisher;
    private final ExecutorService generatorThreads;
    private final ScheduledExecutorService faultClock;
    private final Deque<FaultStep> injected = new ConcurrentLinkedDeque<>();
    private final AtomicReference<Throwable> faultFailure = new AtomicReference<>();
    private final FaultWindowRecorder windows = new FaultWindowRecorder(java.time.Clock.systemUTC());
    private volatile Consumer<TimelineEvent> events = event -> { };
    private volatile long startNanos = System.nanoTime();

    Timeline(List<GeneratorStep> generators, List<FaultStep> faults, Duration timeout, long scenarioSeed,
             Topology topology, Deployment deployment, ScenarioStore store, BiConsumer<String, String> publisher) {
        this.generators = generators;
        this.faults = faults;
        this.timeout = timeout;
        this.scenarioSeed = scenarioSeed;
        this.topology = topology;
        this.deployment = deployment;
        this.store = store;
        this.publisher = publisher;
        this.generatorThreads = Executors.newFixedThreadPool(Math.max(1, generators.size()),
                daemon("pipeline-harness-generator"));
        this.faultClock = Executors.newSingleThreadScheduledExecutor(daemon("pipeline-harness-faults"));
    }

    /** Where the timeline reports its generators, faults and heals as they happen (for the reports). */
    void onEvent(Consumer<TimelineEvent> sink) {
        this.events = sink;
    }

    private void emit(TimelineEvent.Kind kind, String name, String detail) {
        try {
            events.accept(new TimelineEvent(Duration.ofNanos(System.nanoTime() - startNanos), kind, name, detail));
        } catch (RuntimeException e) {
            System.err.println("pipeline-harness: reporting a timeline event failed: " + e);
        }
    }

    /** Runs the timeline; throws {@link ScenarioFailure} naming the generator or fault that failed. */
    void run() throws InterruptedException {
        long start = System.nanoTime();
        startNanos = start;
        List<FaultStep> timed = faults.stream().filter(fault -> fault.duration().isPresent()).toList();
        CountDownLatch healed = new CountDownLatch(timed.size());
        for (FaultStep fault : faults) {
            faultClock.schedule(() -> inject(fault), fault.at().toMillis(), TimeUnit.MILLISECONDS);
            // healed at its time on the timeline, not `for` after its injection returned: an injection that
            // waited for its evidence under load once pushed a connector's resume past the restart planned
            // after it, which then waited two minutes for a paused connector to run. The one fault thread
            // runs injections and heals in the timeline's order, each as soon as it is due.
            fault.duration().ifPresent(duration -> faultClock.schedule(() -> {
                heal(fault);
                healed.countDown();
            }, fault.at().plus(duration).toMillis(), TimeUnit.MILLISECONDS));
        }
        List<Future<?>> running = new ArrayList<>();
        for (GeneratorStep step : generators) {
            running.add(generatorThreads.submit(() -> {
                String name = "generate[" + step.index() + "]." + step.name();
                emit(TimelineEvent.Kind.GENERATOR_STARTED, name, step.generator().describe());
                try {
                    step.generator().generate(context(step));
                } catch (Exception | Error e) {
                    emit(TimelineEvent.Kind.GENERATOR_FAILED, name, e.toString());
                    throw e;
                }
                emit(TimelineEvent.Kind.GENERATOR_FINISHED, name, step.generator().describe());
                return null;
            }));
        }
        long deadline = start + deadline(timed).toNanos();
        for (int i = 0; i < running.size(); i++) {
            GeneratorStep step = generators.get(i);
            try {
                running.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                running.forEach(future -> future.cancel(true));
                throw new ScenarioFailure("generation did not finish within " + Durations.format(timeout)
                        + ": generate[" + step.index() + "] " + step.generator().describe() + " was still running", e);
            } catch (ExecutionException e) {
                running.forEach(future -> future.cancel(true));
                throw new ScenarioFailure("generate[" + step.index() + "] " + step.name() + " failed ("
                        + step.location() + "): " + e.getCause(), e.getCause());
            } catch (CancellationException e) {
                throw new ScenarioFailure("generate[" + step.index() + "] " + step.name() + " was cancelled", e);
            }
            throwFaultFailure();
        }
        if (!healed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throwFaultFailure();
            throw new ScenarioFailure("the fault timeline did not end within " + Durations.format(deadline(timed))
                    + ": " + healed.getCount() + " fault(s) still waiting to be healed", null);
        }
        throwFaultFailure();
    }

    private Duration deadline(List<FaultStep> timed) {
        Duration lastHeal = timed.stream().map(fault -> fault.at().plus(fault.duration().orElseThrow()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        // a heal may itself take a while (a broker restarting): leave it half a minute past its planned time
        Duration needed = lastHeal.isZero() ? Duration.ZERO : lastHeal.plusSeconds(30);
        return needed.compareTo(timeout) > 0 ? needed : timeout;
    }

    private void inject(FaultStep step) {
        // pushed first: a fault that fails half way (killed, but no evidence) is healed all the same
        injected.push(step);
        windows.injecting(step, key(step), step.fault().describe());
        try {
            publisher.accept(key(step) + ".injecting", step.fault().describe());
            step.fault().inject(faultContext(step));
            publisher.accept(key(step) + ".injected", step.fault().describe());
            emit(TimelineEvent.Kind.FAULT_INJECTED, step.name(), step.fault().describe());
        } catch (Exception | Error e) {
            emit(TimelineEvent.Kind.FAULT_FAILED, step.name(), "inject failed: " + e);
            faultFailure.compareAndSet(null, new ScenarioFailure("injecting fault " + step.name() + " ("
                    + step.location() + ", at " + Durations.format(step.at()) + ") failed: " + e, e));
        }
    }

    private void heal(FaultStep step) {
        if (!injected.remove(step)) {
            return;
        }
        try {
            step.fault().heal(faultContext(step));
            windows.healed(step);
            publisher.accept(key(step) + ".healed", step.fault().describe());
            emit(TimelineEvent.Kind.FAULT_HEALED, step.name(), step.fault().describe());
        } catch (Exception | Error e) {
            emit(TimelineEvent.Kind.FAULT_FAILED, step.name(), "heal failed: " + e);
            faultFailure.compareAndSet(null, new ScenarioFailure("healing fault " + step.name() + " ("
                    + step.location() + ") failed: " + e, e));
        }
    }

    private void throwFaultFailure() {
        Throwable failure = faultFailure.get();
        if (failure != null) {
            throw (ScenarioFailure) failure;
        }
    }

    /** When each fault injected so far was in effect (a fault still injected has no end yet). */
    dev.pipelineharness.api.FaultWindows faultWindows() {
        return windows.windows();
    }

    /** The first fault failure that happened after {@link #run()} returned (a late heal), if any. */
    Throwable lateFailure() {
        return faultFailure.get();
    }

    private GenerationContext context(GeneratorStep step) {
        long seed = Seeds.forGenerator(scenarioSeed, step.index());
        return new GenerationContext() {
            @Override
            public long seed() {
                return seed;
            }

            @Override
            public Deployment deployment() {
                return deployment;
            }

            @Override
            public ScenarioStore store() {
                return store;
            }

            @Override
            public void publish(String key, String value) {
                publisher.accept("generate[" + step.index() + "]." + step.name() + "." + key, value);
            }
        };
    }

    /** {@code fault[0].kill}: the entry's place in the scenario, so two faults of one kind stay apart. */
    private String key(FaultStep step) {
        return "fault[" + faults.indexOf(step) + "]." + step.name();
    }

    private FaultContext faultContext(FaultStep step) {
        return new FaultContext() {
            @Override
            public void evidence(String observation) {
                publisher.accept(key(step) + ".evidence", observation);
                emit(TimelineEvent.Kind.FAULT_EVIDENCE, step.name(), observation);
            }

            @Override
            public Topology topology() {
                return topology;
            }

            @Override
            public Deployment deployment() {
                return deployment;
            }

            @Override
            public ScenarioStore store() {
                return store;
            }
        };
    }

    /** Stops the clock and heals every fault still injected, newest first. */
    @Override
    public void close() {
        faultClock.shutdownNow();
        try {
            faultClock.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FaultStep step;
        while ((step = injected.peek()) != null) {
            heal(step);
        }
        generatorThreads.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
