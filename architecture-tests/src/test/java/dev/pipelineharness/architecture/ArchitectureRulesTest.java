package dev.pipelineharness.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each architecture rule fails on a deliberately added violation (the classes under {@code fixture},
 * which mirror the product's package names), naming the offending class: the rules can fail.
 */
class ArchitectureRulesTest {

    private static final String FIXTURE = "dev.pipelineharness.architecture.fixture";
    private static JavaClasses violations;

    @BeforeAll
    static void importViolations() {
        violations = new ClassFileImporter().importPackages(FIXTURE);
    }

    static Stream<Arguments> rulesAndTheirViolation() {
        ArchitectureRules rules = new ArchitectureRules(FIXTURE);
        return Stream.of(
                case_("the api depends on nothing of ours", rules, ArchitectureRules::apiDependsOnNothingOfOurs,
                        "LeakyParams"),
                case_("no package cycles", rules, ArchitectureRules::noPackageCycles, "engine.a.Descriptor"),
                case_("topologies stand alone", rules, ArchitectureRules::topologiesDoNotDependOnEachOther,
                        "LocalComponent"),
                case_("faults depend only on the api", rules, ArchitectureRules::faultsDependOnlyOnTheApi, "KillBroker"),
                case_("the engine knows no implementation", rules, ArchitectureRules::engineKnowsNoImplementation,
                        "EngineInternals"),
                case_("generators do not know checks", rules, ArchitectureRules::generatorsDoNotKnowChecks,
                        "fixture.generators.Generator"),
                case_("checks do not know topologies", rules, ArchitectureRules::checksDoNotKnowTopologies, "Oracle"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirViolation")
    void ruleFailsOnItsViolation(ArchRule rule, String offender) {
        assertThatThrownBy(() -> rule.check(violations)).isInstanceOf(AssertionError.class).hasMessageContaining(offender);
    }

    private static Arguments case_(String name, ArchitectureRules rules, Function<ArchitectureRules, ArchRule> rule,
                                   String offender) {
        return Arguments.of(Named.of(name, rule.apply(rules)), offender);
    }
}
