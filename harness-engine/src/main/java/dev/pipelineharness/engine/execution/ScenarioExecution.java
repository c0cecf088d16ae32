package dev.pipelineharness.engine.execution;

import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.ScenarioStore;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.engine.config.HarnessConfiguration;
import dev.pipelineharness.engine.descriptor.CheckDescriptor;
import dev.pipelineharness.engine.descriptor.ScenarioDescriptor;
import dev.pipelineharness.engine.scenario.CheckStep;
import dev.pipelineharness.engine.scenario.FaultStep;
import dev.pipelineharness.engine.scenario.ScenarioDefinition;
import java.nio.file.Path;
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
 * run here, or cannot inject one of its faults, is skipped with the reason; a failure before the
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
    private int failedChecks;

    ScenarioExecution(ScenarioDescriptor descriptor, EngineExecutionListener listener, Topologies topologies,
                      HarnessConfiguration configuration, Namespace namespace, Optional<String> alone) {
        this.descriptor = descriptor;
        this.listener = listener;
        this.topologies = topologies;
        this.configuration = configuration;
        this.namespace = namespace;
        this.alone = alone;
    }

    RunSummary.Outcome execute() {
        long begin = System.nanoTime();
        ScenarioDefinition definition = descriptor.definition();
        Topology topology;
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
            return fail(new ScenarioFailure(e.getMessage(), e), begin, List.of());
        } catch (RuntimeException | Error e) {
            listener.executionStarted(descriptor);
            return fail(new ScenarioFailure("creating topology '" + definition.topology() + "' failed: " + e, e), begin, List.of());
        }
        listener.executionStarted(descriptor);
        listener.reportingEntryPublished(descriptor, ReportEntry.from("namespace", namespace.prefix()));
        alone.ifPresent(reason -> listener.reportingEntryPublished(descriptor, ReportEntry.from("runs-alone", reason)));
        Throwable failure = null;
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
            deployment = topology.deploy(definition.pipeline(), namespace);
            logFiles = deployment.logFiles();
            phase = endPhase("deploy", phaseStart, "running the timeline");
            phaseStart = System.nanoTime();
            long seed = definition.seed().orElse(configuration.seed().orElse(dev.pipelineharness.engine.Constants.DEFAULT_SEED));
            listener.reportingEntryPublished(descriptor, ReportEntry.from("seed", String.valueOf(seed)));
            timeline = new Timeline(definition.generators(), definition.faults(),
                    definition.timeout().orElse(configuration.defaultTimeout()), seed, topology, deployment, store,
                    (key, value) -> listener.reportingEntryPublished(descriptor, ReportEntry.from(key, value)));
            timeline.run();
            phase = endPhase("timeline", phaseStart, "evaluating checks");
            phaseStart = System.nanoTime();
            new CheckPhase(configuration.pollInterval(), configuration.confirmPeriod())
                    .run(definition.name(), checks(), checkContext(deployment, store), reporter());
            endPhase("checks", phaseStart, "");
        } catch (ScenarioFailure e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new ScenarioFailure(phase + " was interrupted", e);
        } catch (Exception | Error e) {
            failure = new ScenarioFailure(phase + " failed: " + e, e);
        } finally {
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
        }
        publishPhases();
        if (failure != null) {
            return fail(failure, begin, logFiles);
        }
        listener.executionFinished(descriptor, TestExecutionResult.successful());
        int total = checks().size();
        return new RunSummary.Outcome(definition.name(), failedChecks == 0 ? "PASSED" : "FAILED", since(begin),
                failedChecks == 0 ? total + " check(s) passed" : failedChecks + " of " + total + " check(s) failed");
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
                listener.executionFinished(check, TestExecutionResult.successful());
                reported.add(check);
            }

            @Override
            public void failed(CheckDescriptor check, Throwable failure, Duration took) {
                listener.executionStarted(check);
                listener.reportingEntryPublished(check, ReportEntry.from("settled-after", took.toMillis() + "ms"));
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
        return new RunSummary.Outcome(descriptor.definition().name(), "SKIPPED", since(begin), reason);
    }

    private RunSummary.Outcome fail(Throwable failure, long begin, List<Path> logFiles) {
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
