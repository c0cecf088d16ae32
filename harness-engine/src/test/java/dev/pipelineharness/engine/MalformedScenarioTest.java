package dev.pipelineharness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every malformed fixture fails only its own container, with a message naming file, line, column and field. */
class MalformedScenarioTest {

    private static final String DIR = HarnessKit.BASE + "malformed/";
    private static final String PIPELINES = "target/test-classes/dev/pipelineharness/engine/pipelines/";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("broken-yaml", "3:1: invalid YAML: while parsing a flow sequence, expected ',' or ']', but got <stream end>"),
                Arguments.of("unknown-key", "2:1: expct: unknown key 'expct' (did you mean 'expect'?); allowed: description, expect, faults, generate, pipeline, scenario, seed, tags, timeout, topology"),
                Arguments.of("wrong-type", "2:1: seed: must be a whole number, was 'lots'"),
                Arguments.of("missing-name", "1:1: scenario: is required but missing"),
                Arguments.of("missing-expect", "1:1: expect: is required but missing"),
                Arguments.of("negative-duration", "2:1: timeout: must not be negative, was -5s"),
                Arguments.of("bad-duration", "2:1: timeout: must be a duration such as 500ms, 30s, 5m or 1h, was 'soon'"),
                Arguments.of("unknown-generator", "3:5: generate[0]: unknown generator 'countr' (did you mean 'counter'?); known: counter"),
                Arguments.of("unknown-check", "3:5: expect[0]: unknown check 'fake-chek' (did you mean 'fake-check'?); known: fake-check"),
                Arguments.of("unknown-fault", "4:5: faults[0].pauze: unknown fault 'pauze' (did you mean 'pause'?); known: pause, teleport"),
                Arguments.of("unknown-topology", "2:1: topology: unknown topology 'fak' (did you mean 'fake'?); known: fake, unavailable"),
                Arguments.of("empty", " the file is empty; a scenario needs at least 'scenario:' (its name) and 'expect:' (its checks)"),
                Arguments.of("duplicate-key", "3:1: seed: duplicate key 'seed' (first written at line 2)"),
                Arguments.of("bad-env-syntax", "1:11: scenario: bad placeholder '${1ABC}': write ${NAME} or ${NAME:-default}, NAME made of letters, digits and underscores"),
                Arguments.of("unset-env", "2:11: topology: environment variable PIPELINE_HARNESS_SURELY_UNSET is not set and ${PIPELINE_HARNESS_SURELY_UNSET} has no default (write ${PIPELINE_HARNESS_SURELY_UNSET:-default})"),
                Arguments.of("unknown-pipeline", "2:1: pipeline: pipeline folder 'pipelines/dem' not found (looked for target/test-classes/dev/pipelineharness/engine/malformed/pipelines/dem) (did you mean 'pipelines/demo'?)"),
                Arguments.of("generator-setting-type", "3:15: generate[0].counter.count: must be a whole number, was 'many'"),
                Arguments.of("generator-unknown-setting", "3:15: generate[0].counter.cuont: unknown key 'cuont' (did you mean 'count'?); allowed: count, fail, take"),
                Arguments.of("check-negative-within", "3:18: expect[0].fake-check.within: must not be negative, was -1s"),
                Arguments.of("empty-expect", "2:1: expect: must list at least 1 entry"),
                Arguments.of("two-checks-one-entry", "3:5: expect[0]: an entry must hold exactly one check, written '- <check-name>: {settings}'"),
                Arguments.of("fault-without-at", "3:5: faults[0].at: is required but missing"),
                Arguments.of("fault-two-kinds", "3:5: faults[0]: a fault entry needs 'at', optionally 'for', and exactly one fault, found pause, teleport"),
                Arguments.of("not-a-mapping", "1:1: a scenario must be a mapping of sections (scenario, expect, ...), was a list"),
                Arguments.of("bad-tag", "2:1: tags[1]: 'needs docker' is not a valid tag: no blanks, commas, parentheses, &, | or !"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsThePreciseProblem(String fixture, String expected) {
        String file = DIR + fixture + ".scenario.yaml";
        String separator = expected.startsWith(" ") ? ":" : ":";
        EngineExecutionResults results = HarnessKit.run(selectClasspathResource(file));

        results.containerEvents().assertThatEvents().haveExactly(1,
                event(container(fixture + ".scenario.yaml"), finishedWithFailure(message(file + separator + expected))));
        assertThat(results.testEvents().count()).isZero();
    }

    @Test
    void aTopologyRefusesAPipelineItCannotRunWhileScenariosLoadEvenWhereItIsUnavailable() {
        EngineExecutionResults results = HarnessKit.run(selectClasspathResource(DIR + "topology-rejects-pipeline.scenario.yaml"));

        results.containerEvents().assertThatEvents().haveExactly(1, event(container("topology-rejects-pipeline.scenario.yaml"),
                finishedWithFailure(message(text -> text.contains("local-only/pipeline.yaml:1:1: name: pipeline 'local-only'"
                        + " has no override for topology 'unavailable'")))));
        assertThat(results.testEvents().count()).isZero();
    }

    @Test
    void pipelineDefinitionProblemsNameTheLineOfPipelineYaml() {
        EngineExecutionResults results = HarnessKit.run(
                selectClasspathResource(DIR + "pipeline-missing-file.scenario.yaml"),
                selectClasspathResource(DIR + "pipeline-bad-key.scenario.yaml"));

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("pipeline-missing-file.scenario.yaml"), finishedWithFailure(message(
                        PIPELINES + "missing-file/pipeline.yaml:5:7: flink.sql[1]: file 'sql/nowhere.sql' not found in "
                                + PIPELINES + "missing-file"))))
                .haveExactly(1, event(container("pipeline-bad-key.scenario.yaml"), finishedWithFailure(message(
                        PIPELINES + "bad-key/pipeline.yaml:2:1: topic: unknown key 'topic' (did you mean 'topics'?); "
                                + "allowed: connectors, dynamodb, extends, flink, mutations, name, postgres, topics"))));
    }

    @Test
    void duplicateScenarioNamesFailTheSecondFileOnly() {
        EngineExecutionResults results = HarnessKit.run(
                selectClasspathResource(DIR + "duplicate-name-b.scenario.yaml"),
                selectClasspathResource(DIR + "duplicate-name-a.scenario.yaml"));

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("duplicate-name-b.scenario.yaml"), finishedWithFailure(message(
                        DIR + "duplicate-name-b.scenario.yaml:1:1: scenario: duplicate scenario name 'Smoke', already used by "
                                + DIR + "duplicate-name-a.scenario.yaml:1:1"))))
                .haveExactly(1, event(container(), displayName("Smoke"), finishedSuccessfully()));
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void aMalformedFileFailsOnlyItselfAndTheOthersStillRun() {
        EngineExecutionResults results = HarnessKit.run(
                selectClasspathResource(DIR + "unknown-key.scenario.yaml"),
                selectClasspathResource(HarnessKit.BASE + "scenarios/slow.scenario.yaml"));

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("unknown-key.scenario.yaml"), finishedWithFailure()))
                .haveExactly(1, event(container(), displayName("Slow one"), finishedSuccessfully()));
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }
}
