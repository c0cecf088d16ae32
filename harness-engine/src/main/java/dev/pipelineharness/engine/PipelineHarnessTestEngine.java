package dev.pipelineharness.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.pipelineharness.engine.config.HarnessConfiguration;
import dev.pipelineharness.engine.discovery.ScenarioDiscoverer;
import dev.pipelineharness.engine.execution.ScenarioRunExecutor;
import dev.pipelineharness.engine.yaml.EnvironmentSubstitution;
import dev.pipelineharness.engine.scenario.ProviderRegistry;
import dev.pipelineharness.engine.scenario.ScenarioParser;
import dev.pipelineharness.engine.events.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
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

    private final List<RunListener> extraListeners;

    /** The engine as the JUnit Platform finds it: run listeners come from {@link ServiceLoader} alone. */
    public PipelineHarnessTestEngine() {
        this(List.of());
    }

    /**
     * An engine that also tells {@code listeners} what its runs do, besides the ones {@link ServiceLoader}
     * finds (the command line passes its progress display this way).
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public PipelineHarnessTestEngine(List<RunListener> listeners) {
        this.extraListeners = List.copyOf(listeners);
    }

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
        new ScenarioRunExecutor(configuration, providers(), System.out, runListeners()).execute(request);
    }

    private List<RunListener> runListeners() {
        List<RunListener> listeners = new ArrayList<>();
        ServiceLoader.load(RunListener.class, classLoader()).forEach(listeners::add);
        listeners.addAll(extraListeners);
        return listeners;
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : PipelineHarnessTestEngine.class.getClassLoader();
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
