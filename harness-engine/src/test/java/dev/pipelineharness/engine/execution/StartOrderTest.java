package dev.pipelineharness.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

class StartOrderTest {

    private static TestDescriptor scenario(String name, String... tags) {
        return new AbstractTestDescriptor(UniqueId.forEngine("pipeline-harness").append("scenario", name), name) {
            @Override
            public Type getType() {
                return Type.CONTAINER;
            }

            @Override
            public Set<TestTag> getTags() {
                return java.util.Arrays.stream(tags).map(TestTag::create).collect(java.util.stream.Collectors.toSet());
            }
        };
    }

    @org.junit.jupiter.api.Test
    void slowScenariosStartFirstWhenSeveralRunAtATime() {
        List<TestDescriptor> discovered = List.of(scenario("a"), scenario("b", "slow"), scenario("c"), scenario("d", "slow", "x"));

        assertThat(ScenarioRunExecutor.startOrder(discovered, 4, scenario -> false)).extracting(TestDescriptor::getDisplayName)
                .containsExactly("b", "d", "a", "c");
        assertThat(ScenarioRunExecutor.startOrder(discovered, 1, scenario -> false)).as("one at a time: discovery order")
                .extracting(TestDescriptor::getDisplayName).containsExactly("a", "b", "c", "d");
    }

    @org.junit.jupiter.api.Test
    void scenariosThatMustRunAloneStartAfterAllOthersWhenSeveralRunAtATime() {
        List<TestDescriptor> discovered = List.of(scenario("a"), scenario("b", "slow"), scenario("kill"),
                scenario("c"), scenario("outage", "slow"));
        java.util.function.Predicate<TestDescriptor> alone = scenario -> scenario.getDisplayName().equals("kill")
                || scenario.getDisplayName().equals("outage");

        assertThat(ScenarioRunExecutor.startOrder(discovered, 3, alone)).extracting(TestDescriptor::getDisplayName)
                .containsExactly("b", "a", "c", "kill", "outage");
        assertThat(ScenarioRunExecutor.startOrder(discovered, 1, alone)).as("one at a time: discovery order")
                .extracting(TestDescriptor::getDisplayName).containsExactly("a", "b", "kill", "c", "outage");
    }
}
