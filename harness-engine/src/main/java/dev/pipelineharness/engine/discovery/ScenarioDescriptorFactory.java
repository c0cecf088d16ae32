package dev.pipelineharness.engine.discovery;

import dev.pipelineharness.engine.descriptor.ScenarioOrigin;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.engine.descriptor.MalformedScenarioDescriptor;
import dev.pipelineharness.engine.descriptor.ScenarioDescriptor;
import dev.pipelineharness.engine.scenario.ScenarioParser;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/**
 * Reads a scenario file into its descriptor: a {@link ScenarioDescriptor}, or a
 * {@link MalformedScenarioDescriptor} holding the error. Each file is read once per discovery, however
 * many selectors lead to it.
 */
final class ScenarioDescriptorFactory {

    private final ScenarioParser parser;
    private final Map<UniqueId, TestDescriptor> created = new HashMap<>();

    ScenarioDescriptorFactory(ScenarioParser parser) {
        this.parser = parser;
    }

    TestDescriptor create(TestDescriptor parent, ScenarioOrigin origin) {
        UniqueId uniqueId = parent.getUniqueId().append(ScenarioDescriptor.SEGMENT_TYPE, origin.uniqueIdValue());
        return created.computeIfAbsent(uniqueId, id -> {
            try {
                return new ScenarioDescriptor(id, parser.parse(origin.read()), origin);
            } catch (ScenarioDefinitionException e) {
                return new MalformedScenarioDescriptor(id, origin.fileName(), origin, e);
            } catch (RuntimeException e) {
                // a provider that fails in an unexpected way must not break the discovery of other files
                return new MalformedScenarioDescriptor(id, origin.fileName(), origin,
                        new IllegalStateException(origin.displayName() + ": cannot read the scenario: " + e, e));
            }
        });
    }
}
