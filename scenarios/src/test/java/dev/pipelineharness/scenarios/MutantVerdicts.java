package dev.pipelineharness.scenarios;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs every mutant's scenario in one engine run (so the topology starts once for all of them) and
 * says, per mutant, whether the harness caught it: each expected check red, with a message that
 * names the mismatch. Used by {@code MutantsIT} and by {@code ./harness bench mutants}.
 */
public final class MutantVerdicts {

    /**
     * One mutant's outcome; {@code problems} is empty when it was caught as expected.
     *
     * @param caughtBy per expected red check, the first and the last line of its failure (what it found,
     *                 and when it settled)
     */
    public record Verdict(Mutant mutant, List<String> problems, List<String> caughtBy) {
        public boolean caught() {
            return problems.isEmpty();
        }
    }

    private MutantVerdicts() {
    }

    public static List<Verdict> run(List<Mutant> mutants) {
        return run(mutants, java.util.Map.of());
    }

    /** @param configuration more engine configuration parameters (such as keeping the topology for the JVM) */
    public static List<Verdict> run(List<Mutant> mutants, java.util.Map<String, String> configuration) {
        EngineTestKit.Builder kit = EngineTestKit.engine("pipeline-harness");
        configuration.forEach(kit::configurationParameter);
        Events tests = kit
                .selectors(mutants.stream().map(mutant -> selectFile(mutant.scenario().toFile())).toArray(
                        org.junit.platform.engine.DiscoverySelector[]::new))
                .configurationParameter("pipeline-harness.reports.dir", "target/harness-mutants")
                // a caught mutant mostly waits for its pipeline to drain and its verdict to settle, idle: several
                // at a time share that wait (6 rather than 4: MutantsIT 106-112 s instead of 118-129 s,
                // docs/benchmarks.md; the topology then has 12 task slots)
                .configurationParameter("pipeline-harness.parallelism", "6")
                .execute()
                .testEvents();
        List<Verdict> verdicts = new ArrayList<>();
        for (Mutant mutant : mutants) {
            verdicts.add(new Verdict(mutant, problems(mutant, tests), caughtBy(mutant, tests)));
        }
        return verdicts;
    }

    private static List<String> problems(Mutant mutant, Events tests) {
        List<String> problems = new ArrayList<>();
        // The checks a mutant does not break are its control: had they failed too, the red verdict could
        // be a slow or broken run rather than the mutation (and a deadline short enough to keep the build
        // fast would then prove nothing).
        tests.finished().stream()
                .filter(event -> belongsTo(event, mutant))
                .filter(event -> mutant.expectations().stream().noneMatch(expectation ->
                        event.getTestDescriptor().getDisplayName().contains(expectation.check())))
                .filter(event -> event.getPayload(TestExecutionResult.class)
                        .map(result -> result.getStatus() != TestExecutionResult.Status.SUCCESSFUL).orElse(true))
                .forEach(event -> problems.add("'" + event.getTestDescriptor().getDisplayName()
                        + "' should have passed (the mutation does not touch it), but did not: "
                        + event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                                .map(Throwable::getMessage).orElse("no message")));
        for (Mutant.Expectation expectation : mutant.expectations()) {
            Optional<Event> finished = tests.finished().stream()
                    .filter(event -> belongsTo(event, mutant) && event.getTestDescriptor().getDisplayName()
                            .contains(expectation.check()))
                    .findFirst();
            if (finished.isEmpty()) {
                problems.add("no finished check matching '" + expectation.check() + "' (skipped or not run:"
                        + " see the scenario container's failure)");
                continue;
            }
            TestExecutionResult result = finished.get().getPayload(TestExecutionResult.class).orElseThrow();
            if (result.getStatus() != TestExecutionResult.Status.FAILED) {
                problems.add("'" + expectation.check() + "' passed: the harness did not catch this mutant");
                continue;
            }
            String message = result.getThrowable().map(Throwable::getMessage).orElse("");
            for (String word : expectation.words()) {
                if (!message.contains(word)) {
                    problems.add("'" + expectation.check() + "' failed, but its message does not name '" + word
                            + "':\n" + message);
                }
            }
        }
        return problems;
    }

    private static List<String> caughtBy(Mutant mutant, Events tests) {
        List<String> lines = new ArrayList<>();
        tests.finished().stream()
                .filter(event -> belongsTo(event, mutant) && mutant.expectations().stream().anyMatch(expectation ->
                        event.getTestDescriptor().getDisplayName().contains(expectation.check())))
                .forEach(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).ifPresent(message -> {
                            String[] all = message.strip().split("\\R");
                            lines.add(event.getTestDescriptor().getDisplayName() + ": " + all[0]
                                    + (all.length > 1 ? " ... " + all[all.length - 1] : ""));
                        }));
        return lines;
    }

    /** A check of the mutant's scenario, whose name starts with "Mutant NAME:". */
    private static boolean belongsTo(Event event, Mutant mutant) {
        return event.getType() == EventType.FINISHED
                && event.getTestDescriptor().getParent()
                        .map(scenario -> scenario.getDisplayName().startsWith("Mutant " + mutant.name() + ":"))
                        .orElse(false);
    }
}
