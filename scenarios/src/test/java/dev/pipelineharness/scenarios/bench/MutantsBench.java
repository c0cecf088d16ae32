package dev.pipelineharness.scenarios.bench;

import dev.pipelineharness.scenarios.Mutant;
import dev.pipelineharness.scenarios.MutantVerdicts;
import java.util.List;

/** {@code ./harness bench mutants}: runs every mutant and prints {@code BENCH mutants.detected X/Y}. */
public final class MutantsBench {

    private MutantsBench() {
    }

    public static void main(String[] args) {
        List<MutantVerdicts.Verdict> verdicts = MutantVerdicts.run(Mutant.all());
        for (MutantVerdicts.Verdict verdict : verdicts) {
            System.out.println((verdict.caught() ? "CAUGHT  " : "MISSED  ") + verdict.mutant().name()
                    + (verdict.caught() ? "" : ": " + String.join("; ", verdict.problems())));
            verdict.caughtBy().forEach(line -> System.out.println("        " + line));
        }
        long caught = verdicts.stream().filter(MutantVerdicts.Verdict::caught).count();
        System.out.printf("BENCH mutants.detected %d/%d mutants%n", caught, verdicts.size());
        System.exit(caught == verdicts.size() ? 0 : 1);
    }
}
