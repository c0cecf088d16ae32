package dev.pipelineharness.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.pipelineharness.engine.config.HarnessConfiguration;
import dev.pipelineharness.engine.discovery.ScenarioDiscoverer;
import dev.pipelineharness.engine.execution.ScenarioRunExecutor;
import dev.pipelineharness.engine.yaml.EnvironmentSubstitution;
import dev.pipelineharness.engine.scenario.ProviderRegistry;
import dev.pipelineharness.engine.scenario.ScenarioParser;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The JUnit Platform engine that runs {@code *.scenario.yaml} files: each file is a container, each of
 * its checks a test. It only wires the discoverer and the executor together; see {@link Constants}
 * for its configuration.
 */
@API(status = STABLE, since = "0.1")
public final class PipelineHarnessTestEngine implements TestEngine {

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        HarnessConfiguration configuration = HarnessConfiguration.from(request.getConfigurationParameters());
        ScenarioParser parser = new ScenarioParser(providers(), EnvironmentSubstitution.ofSystemEnvironment(),
                configuration.topology());
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "pipeline-harness");
        new ScenarioDiscoverer(parser, configuration).discover(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        HarnessConfiguration configuration = HarnessConfiguration.from(request.getConfigurationParameters());
        new ScenarioRunExecutor(configuration, providers(), System.out).execute(request);
    }

    private static ProviderRegistry providers() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ProviderRegistry.load(loader != null ? loader : PipelineHarnessTestEngine.class.getClassLoader());
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.pipelineharness");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("harness-engine");
    }
}
