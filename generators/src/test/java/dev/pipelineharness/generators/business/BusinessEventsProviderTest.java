package dev.pipelineharness.generators.business;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.testkit.Providers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code business-events} against the pipeline's topic, at load time. */
class BusinessEventsProviderTest {

    private static DefinitionContext rawTopicIn(String format) {
        return DefinitionContext.of(new PipelineDefinition("p", Path.of("."),
                List.of(new TopicSpec("raw_business_events", 3, format, Map.of())), List.of(), List.of(), List.of(),
                List.of()), Path.of("."));
    }

    @Test
    void eventsWithoutAPayloadAreRefusedAtLoadTimeForATopicWhoseSchemaCannotCarryThem() {
        ScenarioDefinitionException error = Providers.definitionError(() -> Providers.generator("business-events",
                "{count: 10, without-payload: 0.1}", rawTopicIn("avro")));

        assertThat(error.field()).isEqualTo("generate[0].business-events.without-payload");
        assertThat(error.getMessage()).contains("topic raw_business_events is avro, whose schema cannot carry an event"
                + " without a payload; it works with JSON topics");
    }

    @Test
    void eventsWithoutAPayloadGoToAJsonTopicAndAnAvroTopicTakesEventsThatHaveOne() {
        assertThat(Providers.generator("business-events", "{count: 10, without-payload: 0.1}", rawTopicIn("json")))
                .isNotNull();
        assertThat(Providers.generator("business-events", "{count: 10}", rawTopicIn("avro"))).isNotNull();
    }
}
