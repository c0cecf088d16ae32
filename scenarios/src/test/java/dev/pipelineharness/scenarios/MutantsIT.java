package dev.pipelineharness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.engine.Constants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A harness must be trusted: every shipped mutant (a broken copy of a reference pipeline) must turn
 * its scenario red with a message that names the mismatch.
 */
class MutantsIT {

    private static List<MutantVerdicts.Verdict> verdicts;

    @BeforeAll
    static void runMutants() {
        // the topology is kept for the JVM: ScenarioSuiteIT, which runs after this class in the same Failsafe JVM, uses it too
        verdicts = MutantVerdicts.run(Mutant.all(), Map.of(Constants.TOPOLOGY_KEEP_FOR_JVM_PROPERTY_NAME, "true"));
        // what caught each mutant, and when its check settled: readable in the build's output
        verdicts.forEach(verdict -> verdict.caughtBy().forEach(line ->
                System.out.println("mutant " + verdict.mutant().name() + " caught by " + line)));
    }

    @TestFactory
    List<DynamicTest> everyMutantIsCaught() {
        return verdicts.stream()
                .map(verdict -> DynamicTest.dynamicTest(verdict.mutant().name(),
                        () -> assertThat(verdict.problems()).as("how mutant %s was judged", verdict.mutant().name())
                                .isEmpty()))
                .toList();
    }
}
