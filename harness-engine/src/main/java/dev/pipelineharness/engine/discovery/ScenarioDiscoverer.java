package dev.pipelineharness.engine.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.engine.config.HarnessConfiguration;
import dev.pipelineharness.engine.descriptor.MalformedScenarioDescriptor;
import dev.pipelineharness.engine.descriptor.ScenarioDescriptor;
import dev.pipelineharness.engine.scenario.ScenarioParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * Finds the scenario files a discovery request selects and builds the descriptor tree: one container
 * per file, one test per check. Afterwards it drops scenarios the name filter rejects and turns every
 * scenario whose name another file already uses into a failed container.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScenarioDiscoverer {

    private final ScenarioParser parser;
    private final HarnessConfiguration configuration;

    public ScenarioDiscoverer(ScenarioParser parser, HarnessConfiguration configuration) {
        this.parser = parser;
        this.configuration = configuration;
    }

    public void discover(EngineDiscoveryRequest request, EngineDescriptor engine) {
        ScenarioDescriptorFactory factory = new ScenarioDescriptorFactory(parser);
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                .addResourceContainerSelectorResolver(resource -> ScenarioSelectorResolver.isScenario(resource.getName()))
                .addSelectorResolver(new ScenarioSelectorResolver(factory))
                .build()
                .resolve(request, engine);
        applyNameFilter(engine);
        rejectDuplicateNames(engine);
    }

    private void applyNameFilter(EngineDescriptor engine) {
        configuration.nameFilter().ifPresent(filter -> {
            for (TestDescriptor child : new ArrayList<>(engine.getChildren())) {
                if (child instanceof ScenarioDescriptor scenario && !filter.matcher(scenario.definition().name()).find()) {
                    engine.removeChild(child);
                }
            }
        });
    }

    private static void rejectDuplicateNames(EngineDescriptor engine) {
        List<ScenarioDescriptor> scenarios = new ArrayList<>();
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof ScenarioDescriptor scenario) {
                scenarios.add(scenario);
            }
        }
        // the file first in path order keeps the name, whatever order the selectors came in
        scenarios.sort(Comparator.comparing(scenario -> scenario.origin().displayName()));
        Map<String, ScenarioDescriptor> firstByName = new HashMap<>();
        for (ScenarioDescriptor scenario : scenarios) {
            ScenarioDescriptor first = firstByName.putIfAbsent(scenario.definition().name(), scenario);
            if (first != null) {
                engine.removeChild(scenario);
                engine.addChild(new MalformedScenarioDescriptor(scenario.getUniqueId(), scenario.origin().fileName(),
                        scenario.origin(), new ScenarioDefinitionException(scenario.definition().location(), "scenario",
                        "duplicate scenario name '" + scenario.definition().name() + "', already used by "
                                + first.definition().location())));
            }
        }
    }
}
