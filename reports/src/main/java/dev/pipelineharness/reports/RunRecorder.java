package dev.pipelineharness.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.engine.events.CheckResult;
import dev.pipelineharness.engine.events.Phase;
import dev.pipelineharness.engine.events.RunFinished;
import dev.pipelineharness.engine.events.RunListener;
import dev.pipelineharness.engine.events.RunStarted;
import dev.pipelineharness.engine.events.ScenarioRef;
import dev.pipelineharness.engine.events.ScenarioResult;
import dev.pipelineharness.engine.events.TimelineEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Builds the {@link RunRecord} from the engine's events and writes the reports: after every scenario
 * (so a run that dies leaves what it had done) and at the end of the run. Registered as a
 * {@link RunListener} service, so every run of the engine writes them; see {@link ReportSettings}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class RunRecorder implements RunListener {

    private RunStarted run;
    private Path reportDir;
    private boolean enabled;
    private final Map<String, ScenarioBuilder> scenarios = new LinkedHashMap<>();
    private final Map<String, String> versions;

    public RunRecorder() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.versions = ComponentVersions.found(loader != null ? loader : RunRecorder.class.getClassLoader());
    }

    private static final class ScenarioBuilder {
        final ScenarioRef ref;
        final List<RunRecord.EventRecord> timeline = new ArrayList<>();
        final Map<String, String> figures = new TreeMap<>();
        final List<RunRecord.CheckRecord> checks = new ArrayList<>();
        ScenarioResult result;

        ScenarioBuilder(ScenarioRef ref) {
            this.ref = ref;
        }

        RunRecord.ScenarioRecord build() {
            Map<String, Long> phases = new LinkedHashMap<>();
            String status = result == null ? "RUNNING" : result.status().name();
            if (result != null) {
                for (Phase phase : Phase.values()) {
                    Duration took = result.phases().get(phase);
                    if (took != null) {
                        phases.put(phase.name(), took.toMillis());
                    }
                }
            }
            List<RunRecord.LogTail> logs = result == null || result.status() == ScenarioResult.Status.PASSED
                    ? List.of() : LogTails.of(result.logFiles());
            return new RunRecord.ScenarioRecord(ref.uniqueId(), ref.name(), ref.file(), ref.folder(), ref.tags(),
                    ref.topology(), ref.index(), ref.seed(), ref.namespace(), status,
                    result == null ? "" : result.detail(), result == null ? 0 : result.took().toMillis(), phases,
                    timeline, figures, checks, logs);
        }
    }

    @Override
    public synchronized void runStarted(RunStarted run) {
        this.run = run;
        this.reportDir = ReportSettings.reportDir(run.configuration());
        this.enabled = ReportSettings.enabled(run.configuration());
        scenarios.clear();
    }

    @Override
    public synchronized void scenarioStarted(ScenarioRef scenario) {
        scenarios.put(scenario.uniqueId(), new ScenarioBuilder(scenario));
    }

    @Override
    public synchronized void timelineEvent(ScenarioRef scenario, TimelineEvent event) {
        builder(scenario).timeline.add(new RunRecord.EventRecord(event.at().toMillis(), event.kind().name(),
                event.name(), event.detail()));
    }

    @Override
    public synchronized void figure(ScenarioRef scenario, String key, String value) {
        builder(scenario).figures.put(key, value);
    }

    @Override
    public synchronized void checkSettled(ScenarioRef scenario, CheckResult check) {
        builder(scenario).checks.add(new RunRecord.CheckRecord(check.uniqueId(), check.name(), check.location(),
                check.passed(), check.summary(), check.details(), check.message(), check.settledAfter().toMillis()));
    }

    @Override
    public synchronized void scenarioFinished(ScenarioRef scenario, ScenarioResult result) {
        builder(scenario).result = result;
        write(snapshot(Duration.ZERO, Map.of(), false));
    }

    @Override
    public synchronized void runFinished(RunFinished finished) {
        RunRecord record = snapshot(finished.wallTime(), finished.topologyStartTimes(), finished.interrupted());
        write(record);
        if (enabled && run.scenarios() > 0) {
            System.out.println("pipeline-harness: report " + reportDir.resolve(ReportFiles.HTML).toUri());
        }
    }

    private ScenarioBuilder builder(ScenarioRef scenario) {
        return scenarios.computeIfAbsent(scenario.uniqueId(), id -> new ScenarioBuilder(scenario));
    }

    /** The record as it stands; scenarios still running when an interrupted run ends are marked so. */
    private RunRecord snapshot(Duration wallTime, Map<String, Duration> topologyStarts, boolean interrupted) {
        List<RunRecord.ScenarioRecord> records = new ArrayList<>();
        for (ScenarioBuilder builder : scenarios.values()) {
            RunRecord.ScenarioRecord record = builder.build();
            if (interrupted && record.status().equals("RUNNING")) {
                record = new RunRecord.ScenarioRecord(record.uniqueId(), record.name(), record.file(), record.folder(),
                        record.tags(), record.topology(), record.index(), record.seed(), record.namespace(),
                        "INTERRUPTED", "the run was interrupted while this scenario ran", record.tookMillis(),
                        record.phaseMillis(), record.timeline(), record.figures(), record.checks(), record.logs());
            }
            records.add(record);
        }
        Map<String, Long> starts = new LinkedHashMap<>();
        topologyStarts.forEach((name, took) -> starts.put(name, took.toMillis()));
        return new RunRecord(run.runId(), run.startedAt().toString(), wallTime.toMillis(), run.defaultTopology(),
                run.parallelism(), run.seedOverride().isPresent() ? run.seedOverride().getAsLong() : null, interrupted,
                starts, versions, records);
    }

    private void write(RunRecord record) {
        if (!enabled || run == null || run.scenarios() == 0) {
            // a build that runs this engine without scenario files (Surefire runs every engine) leaves no report
            return;
        }
        try {
            ReportFiles.write(reportDir, record);
        } catch (RuntimeException e) {
            System.err.println("pipeline-harness: writing the reports to " + reportDir + " failed: " + e);
        }
    }
}
