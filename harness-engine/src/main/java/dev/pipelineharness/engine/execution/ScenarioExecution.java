package dev.pipelineharness.engine.execution;

import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.ScenarioSkipped;
import dev.pipelineharness.api.ScenarioStore;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.engine.config.HarnessConfiguration;
import dev.pipelineharness.engine.descriptor.CheckDescriptor;
import dev.pipelineharness.engine.descriptor.ScenarioDescriptor;
import dev.pipelineharness.engine.scenario.CheckStep;
import dev.pipelineharness.engine.scenario.FaultStep;
import dev.pipelineharness.engine.scenario.ScenarioDefinition;
import dev.pipelineharness.engine.events.CheckResult;
import dev.pipelineharness.engine.events.Phase;
import dev.pipelineharness.engine.events.RunListener;
import dev.pipelineharness.engine.events.ScenarioRef;
import dev.pipelineharness.engine.events.ScenarioResult;
import java.nio.file.Path;
import java.util.EnumMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs one scenario on the shared topology: deploy its pipeline in its own namespace, run the
 * timeline (generators and faults), evaluate the checks, undeploy. A scenario whose topology cannot
 * run here, or cannot inject one of its faults, is skipped with the reason (and so is one whose deployment
 * throws {@link ScenarioSkipped} once it runs, such as the cloud's plan mode); a failure before the
 * checks is reported on the scenario with its cause and the tails of the component logs.
 */
final class ScenarioExecution {

    private final ScenarioDescriptor descriptor;
    private final EngineExecutionListener listener;
    private final Topologies topologies;
    private final HarnessConfiguration configuration;
    private final Namespace namespace;
    /** Why this scenario runs alone (a fault on a shared component), or empty. */
    private final Optional<String> alone;
    private final Set<TestDescriptor> reported = new HashSet<>();
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private final RunListener events;
    private final ScenarioRef ref;
    private final Map<Phase, Duration> phaseTimes = new EnumMap<>(Phase.class);
    private Phase phaseNow = Phase.TOPOLOGY;
    private long phaseNowStart = System.nanoTime();
    private int failedChecks;
    private Phase failedIn;

    ScenarioExecution(ScenarioDescriptor descriptor, EngineExecutionListener listener, Topologies topologies,
                      HarnessConfiguration configuration, Namespace namespace, RunListener events, int index,
                      Optional<String> alone) {
        this.descriptor = descriptor;
        this.listener = listener;
        this.topologies = topologies;
        this.configuration = configuration;
        this.namespace = namespace;
        this.alone = alone;
        this.events = events;
        this.ref = ref(descriptor, configuration, index, namespace.prefix());
    }

    private static ScenarioRef ref(ScenarioDescriptor descriptor, HarnessConfiguration configuration, int index,
                                   String namespace) {
        ScenarioDefinition definition = descriptor.definition();
        return new ScenarioRef(descriptor.getUniqueId().toString(), definition.name(), descriptor.origin().displayName(),
                definition.tags(), definition.topology(), index, configuration.seedOf(definition.seed()), namespace);
    }

    /** A scenario the run did not start because it was interrupted first. */
    static RunSummary.Outcome notRun(ScenarioDescriptor descriptor, EngineExecutionListener listener, RunListener events,
                                     HarnessConfiguration configuration, int index) {
        String reason = "the run was interrupted before this scenario started";
        ScenarioRef ref = ref(descriptor, configuration, index, "");
        events.scenarioStarted(ref);
        listener.executionSkipped(descriptor, reason);
        events.scenarioFinished(ref, new ScenarioResult(ScenarioResult.Status.INTERRUPTED, reason, Duration.ZERO,
                Map.of(), List.of()));
        return new RunSummary.Outcome(descriptor.definition().name(), "NOT RUN", Duration.ZERO, reason);
    }

    /** Ends the phase that is running (its time is recorded) and tells the listeners the next one started. */
    private void enter(Phase next) {
        phaseTimes.put(phaseNow, since(phaseNowStart));
        phaseNow = next;
        phaseNowStart = System.nanoTime();
        events.phaseStarted(ref, next);
    }

    RunSummary.Outcome execute() {
        long begin = System.nanoTime();
        ScenarioDefinition definition = descriptor.definition();
        Topology topology;
        events.scenarioStarted(ref);
        try {
            Optional<String> unavailable = topologies.unavailableReason(definition.topology());
            if (unavailable.isPresent()) {
                return skip("topology '" + definition.topology() + "' is not available: " + unavailable.get(), begin);
            }
            topology = topologies.created(definition.topology());
            Optional<String> unsupported = unsupportedFaults(definition, topology);
            if (unsupported.isPresent()) {
                return skip(unsupported.get(), begin);
            }
            definition.faults().forEach(step -> step.fault().validate(topologies.created(definition.topology())));
        } catch (ScenarioDefinitionException e) {
            listener.executionStarted(descriptor);
            return fail(new ScenarioFailure(e.getMessage(), e), begin, List.of(), ScenarioResult.Status.INVALID);
        } catch (RuntimeException | Error e) {
            listener.executionStarted(descriptor);
            return fail(new ScenarioFailure("creating topology '" + definition.topology() + "' failed: " + e, e), begin, List.of(),
                    ScenarioResult.Status.TOPOLOGY_FAILED);
        }
        listener.executionStarted(descriptor);
        phaseNowStart = System.nanoTime();
        events.phaseStarted(ref, Phase.TOPOLOGY);
        listener.reportingEntryPublished(descriptor, ReportEntry.from("namespace", namespace.prefix()));
        alone.ifPresent(reason -> listener.reportingEntryPublished(descriptor, ReportEntry.from("runs-alone", reason)));
        Throwable failure = null;
        ScenarioSkipped skipped = null;
        Deployment deployment = null;
        List<Path> logFiles = List.of();
        ScenarioStore store = new ScenarioStore();
        String phase = "starting topology '" + definition.topology() + "'";
        Timeline timeline = null;
        long phaseStart = System.nanoTime();
        try {
            topology = topologies.started(definition.topology());
            phase = endPhase("topology", phaseStart, "deploying pipeline '" + definition.pipeline().name() + "'");
            phaseStart = System.nanoTime();
            enter(Phase.DEPLOY);
            deployment = topology.deploy(definition.pipeline(), namespace);
            logFiles = deployment.logFiles();
            phase = endPhase("deploy", phaseStart, "running the timeline");
            phaseStart = System.nanoTime();
            long seed = ref.seed();
            listener.reportingEntryPublished(descriptor, ReportEntry.from("seed", String.valueOf(seed)));
            timeline = new Timeline(definition.generators(), definition.faults(),
                    definition.timeout().orElse(configuration.defaultTimeout()), seed, topology, deployment, store,
                    (key, value) -> {
                        listener.reportingEntryPublished(descriptor, ReportEntry.from(key, value));
                        events.figure(ref, key, value);
                    });
            timeline.onEvent(event -> events.timelineEvent(ref, event));
            enter(Phase.TIMELINE);
            timeline.run();
            store.put(dev.pipelineharness.api.FaultWindows.class, timeline.faultWindows());
            phase = endPhase("timeline", phaseStart, "evaluating checks");
            phaseStart = System.nanoTime();
            enter(Phase.CHECKS);
            Deployment deployed = deployment;
            // under faults a healed component may still be catching up in ways no offset shows: wait the deadlines out
            Duration drainedSettle = definition.faults().isEmpty() ? configuration.drainedSettle() : Duration.ZERO;
            new CheckPhase(configuration.pollInterval(), configuration.confirmPeriod(), drainedSettle, deployed::backlog)
                    .run(definition.name(), checks(), checkContext(deployment, store), reporter());
            endPhase("checks", phaseStart, "");
        } catch (ScenarioFailure e) {
            failure = e;
            failedIn = phaseNow;
        } catch (ScenarioSkipped e) {
            skipped = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new ScenarioFailure(phase + " was interrupted", e);
            failedIn = phaseNow;
        } catch (Exception | Error e) {
            failure = new ScenarioFailure(phase + " failed: " + e, e);
            failedIn = phaseNow;
        } finally {
            // on Ctrl-C, heal and undeploy with the interrupt put aside: every wait in them would end at once
            boolean interrupted = Thread.interrupted();
            enter(Phase.UNDEPLOY);
            if (timeline != null) {
                timeline.close();
                if (failure == null && timeline.lateFailure() != null) {
                    failure = timeline.lateFailure();
                }
            }
            closeChecks();
            if (deployment != null) {
                try {
                    deployment.close();
                } catch (RuntimeException | Error e) {
                    if (failure == null) {
                        failure = new ScenarioFailure("undeploying the pipeline failed: " + e, e);
                    }
                }
            }
            if (alone.isPresent() && deployment != null) {
                failure = restoreTopology(topology, failure);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        phaseTimes.put(phaseNow, since(phaseNowStart));
        publishPhases();
        if (failure == null && skipped != null) {
            return skipAfterStart(skipped, begin, logFiles);
        }
        if (failure != null) {
            ScenarioResult.Status status = failedIn == Phase.TOPOLOGY ? ScenarioResult.Status.TOPOLOGY_FAILED
                    : failure.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()
                    ? ScenarioResult.Status.INTERRUPTED : ScenarioResult.Status.ERROR;
            return fail(failure, begin, logFiles, status);
        }
        listener.executionFinished(descriptor, TestExecutionResult.successful());
        int total = checks().size();
        String detail = failedChecks == 0 ? total + " check(s) passed" : failedChecks + " of " + total + " check(s) failed";
        events.scenarioFinished(ref, new ScenarioResult(failedChecks == 0 ? ScenarioResult.Status.PASSED
                : ScenarioResult.Status.FAILED, detail, since(begin), phaseTimes, logFiles));
        return new RunSummary.Outcome(definition.name(), failedChecks == 0 ? "PASSED" : "FAILED", since(begin), detail);
    }

    /**
     * After a scenario that faulted shared components: the topology is ready again before the next
     * scenario starts, or this scenario fails saying which component did not come back.
     */
    private Throwable restoreTopology(Topology topology, Throwable failure) {
        long start = System.nanoTime();
        try {
            List<String> repaired = TopologyReadiness.restore(topology, configuration.topologyStartTimeout());
            listener.reportingEntryPublished(descriptor, ReportEntry.from("topology.ready-again",
                    since(start).toMillis() + "ms" + (repaired.isEmpty() ? "" : " (" + String.join(", ", repaired) + ")")));
            return failure;
        } catch (Exception | Error e) {
            ScenarioFailure notReady = new ScenarioFailure("the topology is not ready again after this scenario's faults: "
                    + e.getMessage(), e);
            if (failure == null) {
                return notReady;
            }
            // the scenario's own failure stays the headline: it is usually why the topology did not come back
            failure.addSuppressed(notReady);
            return failure;
        }
    }

    private String endPhase(String name, long start, String next) {
        phases.put(name, since(start));
        return next;
    }

    private void publishPhases() {
        Map<String, String> entries = new LinkedHashMap<>();
        phases.forEach((name, took) -> entries.put("time." + name, took.toMillis() + "ms"));
        if (!entries.isEmpty()) {
            listener.reportingEntryPublished(descriptor, ReportEntry.from(entries));
        }
    }

    private static Optional<String> unsupportedFaults(ScenarioDefinition definition, Topology topology) {
        Set<String> missing = new TreeSet<>();
        for (FaultStep fault : definition.faults()) {
            if (!topology.supportedFaults().contains(fault.fault().kind())) {
                missing.add(fault.fault().kind());
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("topology '" + definition.topology() + "' cannot inject fault " + String.join(", ", missing)
                + " (it supports: " + (topology.supportedFaults().isEmpty() ? "none" : String.join(", ", new TreeSet<>(topology.supportedFaults()))) + ")");
    }

    private List<CheckDescriptor> checks() {
        List<CheckDescriptor> checks = new ArrayList<>();
        for (TestDescriptor child : descriptor.getChildren()) {
            if (child instanceof CheckDescriptor check) {
                checks.add(check);
            }
        }
        return checks;
    }

    private CheckPhase.Reporter reporter() {
        return new CheckPhase.Reporter() {
            @Override
            public void passed(CheckDescriptor check, Verdict verdict, Duration took) {
                listener.executionStarted(check);
                listener.reportingEntryPublished(check, ReportEntry.from(Map.of(
                        "verdict", verdict.summary(), "settled-after", took.toMillis() + "ms")));
                events.checkSettled(ref, new CheckResult(check.getUniqueId().toString(), check.getDisplayName(),
                        check.step().location().toString(), true, verdict.summary(), "", "", took,
                        check.step().check().measures()));
                listener.executionFinished(check, TestExecutionResult.successful());
                reported.add(check);
            }

            @Override
            public void failed(CheckDescriptor check, Verdict lastVerdict, Throwable failure, Duration took) {
                listener.executionStarted(check);
                listener.reportingEntryPublished(check, ReportEntry.from("settled-after", took.toMillis() + "ms"));
                String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
                events.checkSettled(ref, new CheckResult(check.getUniqueId().toString(), check.getDisplayName(),
                        check.step().location().toString(), false,
                        lastVerdict != null ? lastVerdict.summary() : firstLine(message),
                        lastVerdict != null ? lastVerdict.details() : "", message, took,
                        check.step().check().measures()));
                listener.executionFinished(check, TestExecutionResult.failed(failure));
                reported.add(check);
                failedChecks++;
            }
        };
    }

    private static CheckContext checkContext(Deployment deployment, ScenarioStore store) {
        return new CheckContext() {
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

    private void closeChecks() {
        for (CheckStep step : descriptor.definition().checks()) {
            try {
                step.check().close();
            } catch (Exception e) {
                System.err.println("pipeline-harness: closing check " + step.check().describe() + " failed: " + e);
            }
        }
    }

    private RunSummary.Outcome skip(String reason, long begin) {
        listener.executionSkipped(descriptor, reason);
        events.scenarioFinished(ref, new ScenarioResult(ScenarioResult.Status.SKIPPED, reason, since(begin), Map.of(), List.of()));
        return new RunSummary.Outcome(descriptor.definition().name(), "SKIPPED", since(begin), reason);
    }

    /**
     * A topology, deployment, generator or check said, once the scenario ran, that it can verify
     * nothing here (cloud plan mode): JUnit's aborted (a started test skipped), its checks skipped.
     */
    private RunSummary.Outcome skipAfterStart(ScenarioSkipped skipped, long begin, List<Path> logFiles) {
        String reason = skipped.getMessage();
        for (CheckDescriptor check : checks()) {
            if (!reported.contains(check)) {
                listener.executionSkipped(check, "not evaluated: " + firstLine(reason));
            }
        }
        listener.executionFinished(descriptor, TestExecutionResult.aborted(skipped));
        events.scenarioFinished(ref, new ScenarioResult(ScenarioResult.Status.SKIPPED, reason, since(begin), phaseTimes,
                logFiles));
        return new RunSummary.Outcome(descriptor.definition().name(), "SKIPPED", since(begin), firstLine(reason));
    }

    private RunSummary.Outcome fail(Throwable failure, long begin, List<Path> logFiles, ScenarioResult.Status status) {
        for (CheckDescriptor check : checks()) {
            if (!reported.contains(check)) {
                listener.executionSkipped(check, "not evaluated: the scenario failed before its checks ("
                        + firstLine(failure.getMessage()) + ")");
            }
        }
        Throwable reportedFailure = failure;
        if (!logFiles.isEmpty()) {
            reportedFailure = new ScenarioFailure(failure.getMessage() + LogTails.of(logFiles), failure.getCause());
        }
        listener.executionFinished(descriptor, TestExecutionResult.failed(reportedFailure));
        events.scenarioFinished(ref, new ScenarioResult(status, failure.getMessage(), since(begin), phaseTimes, logFiles));
        return new RunSummary.Outcome(descriptor.definition().name(), "ERROR", since(begin), firstLine(failure.getMessage()));
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
