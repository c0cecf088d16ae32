package dev.pipelineharness.reports;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Everything a run did, as the reports draw it and as {@code run.json} keeps it (times in milliseconds,
 * so the file reads without a date-time module).
 *
 * @param seedOverride the {@code --seed} of the run, or null
 * @param versions     versions of the harness, the JVM and the component libraries found on the classpath
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record RunRecord(String runId, String startedAt, long wallMillis, String topology, int parallelism,
                        Long seedOverride, boolean interrupted, Map<String, Long> topologyStartMillis,
                        Map<String, String> versions, List<ScenarioRecord> scenarios) {

    public RunRecord {
        topologyStartMillis = ordered(topologyStartMillis);
        versions = ordered(versions);
        scenarios = List.copyOf(scenarios);
    }

    /** An unmodifiable copy that keeps the order it was given (phases run in order, versions read best that way). */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    public long count(String status) {
        return scenarios.stream().filter(scenario -> scenario.status().equals(status)).count();
    }

    public long checks() {
        return scenarios.stream().mapToLong(scenario -> scenario.checks().size()).sum();
    }

    public long failedChecks() {
        return scenarios.stream().flatMap(scenario -> scenario.checks().stream()).filter(check -> !check.passed()).count();
    }

    /** One scenario: its identity, its phases and timeline, its figures, checks and log tails. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public record ScenarioRecord(String uniqueId, String name, String file, String folder, List<String> tags,
                                 String topology, int index, long seed, String namespace, String status, String detail,
                                 long tookMillis, Map<String, Long> phaseMillis, List<EventRecord> timeline,
                                 Map<String, String> figures, List<CheckRecord> checks, List<LogTail> logs) {

        public ScenarioRecord {
            tags = List.copyOf(tags);
            phaseMillis = ordered(phaseMillis);
            timeline = List.copyOf(timeline);
            figures = ordered(figures);
            checks = List.copyOf(checks);
            logs = List.copyOf(logs);
        }

        public boolean green() {
            return status.equals("PASSED") || status.equals("SKIPPED");
        }
    }

    /** A generator, fault or heal on the scenario's timeline, {@code atMillis} after generation started. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public record EventRecord(long atMillis, String kind, String name, String detail) {
    }

    /** How one check settled; {@code details} is its diff when it failed. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public record CheckRecord(String uniqueId, String name, String location, boolean passed, String summary,
                              String details, String message, long settledMillis) {
    }

    /** The last lines of one component log. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public record LogTail(String component, String path, List<String> lines) {

        public LogTail {
            lines = List.copyOf(lines);
        }
    }
}
