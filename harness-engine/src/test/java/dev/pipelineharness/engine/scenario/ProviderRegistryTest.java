package dev.pipelineharness.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.engine.fakes.CounterGeneratorProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {

    /** A second provider that claims the fake counter generator's name, as a clashing plugin jar would. */
    public static final class ImpostorCounterProvider extends CounterGeneratorProvider {
    }

    @Test
    void twoProvidersWithOneNameAreAnErrorNamingBoth(@TempDir Path plugins) throws IOException {
        ClassLoader loader = withServices(plugins, CounterGeneratorProvider.class.getName(),
                ImpostorCounterProvider.class.getName());

        assertThatThrownBy(() -> ProviderRegistry.load(loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two GeneratorProviders on the classpath are named 'counter'")
                .hasMessageContaining(CounterGeneratorProvider.class.getName())
                .hasMessageContaining(ImpostorCounterProvider.class.getName());
    }

    @Test
    void oneProviderListedTwiceIsStillOneProvider(@TempDir Path plugins) throws IOException {
        ClassLoader loader = withServices(plugins, CounterGeneratorProvider.class.getName(),
                CounterGeneratorProvider.class.getName());

        assertThat(ProviderRegistry.load(loader).generator("counter", Location.ofFile("s.yaml"), "generate[0]"))
                .isInstanceOf(CounterGeneratorProvider.class);
    }

    /** A class loader whose only GeneratorProvider registrations are {@code classNames}. */
    private static ClassLoader withServices(Path root, String... classNames) throws IOException {
        Path services = Files.createDirectories(root.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.pipelineharness.api.GeneratorProvider"), String.join("\n", classNames));
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, ProviderRegistryTest.class.getClassLoader()) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                // only this folder's registrations, not the test classpath's own
                return name.startsWith("META-INF/services/dev.pipelineharness.api.GeneratorProvider")
                        ? findResources(name) : super.getResources(name);
            }
        };
    }
}
