package dev.pipelineharness.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The module map of {@code docs/architecture.md} as rules, over the packages below {@code root}
 * ({@code dev.pipelineharness} for the product; a fixture root in {@link ArchitectureRulesTest}, which
 * proves each rule fails on a deliberate violation).
 */
final class ArchitectureRules {

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    /** The SPI users code against depends on the JDK, apiguardian and itself: never on the engine or Jackson. */
    ArchRule apiDependsOnNothingOfOurs() {
        return classes().that().resideInAPackage(root + ".api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apiguardian..", root + ".api..")
                .because("provider authors compile against harness-api alone");
    }

    /** Every package of ours, one slice each: engine.descriptor and engine.discovery are two slices. */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("a package cycle is a module boundary waiting to break");
    }

    ArchRule topologiesDoNotDependOnEachOther() {
        return slices().matching(root + ".(local|containers|cloud)..").should().notDependOnEachOther()
                .because("each topology stands alone; what they share lives in topology-support")
                .allowEmptyShould(true);
    }

    ArchRule faultsDependOnlyOnTheApi() {
        return classes().that().resideInAPackage(root + ".faults..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apiguardian..",
                        root + ".api..", root + ".faults..", root + ".formats..", "org.apache.avro..")
                .because("faults act through the control SPI (and the formats library's clients), never through one"
                        + " topology's classes");
    }

    ArchRule engineKnowsNoImplementation() {
        return noClasses().that().resideInAPackage(root + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage(implementations().toArray(String[]::new))
                .because("the engine finds generators, checks, faults and topologies through the SPI only");
    }

    ArchRule generatorsDoNotKnowChecks() {
        return noClasses().that().resideInAPackage(root + ".generators..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".checks..", root + ".local..",
                        root + ".containers..", root + ".cloud..")
                .because("generators write data; what judges it and where it runs is none of their business");
    }

    ArchRule checksDoNotKnowTopologies() {
        return noClasses().that().resideInAPackage(root + ".checks..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".local..", root + ".containers..",
                        root + ".cloud..", root + ".engine..")
                .because("a check reads a deployment's endpoints, whichever topology runs it");
    }

    List<ArchRule> all() {
        return List.of(apiDependsOnNothingOfOurs(), noPackageCycles(), topologiesDoNotDependOnEachOther(),
                faultsDependOnlyOnTheApi(), engineKnowsNoImplementation(), generatorsDoNotKnowChecks(),
                checksDoNotKnowTopologies());
    }

    private List<String> implementations() {
        return List.of(root + ".generators..", root + ".checks..", root + ".faults..", root + ".formats..",
                root + ".local..", root + ".containers..", root + ".cloud..", root + ".topology..");
    }
}
