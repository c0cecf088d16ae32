package dev.pipelineharness.engine.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.FaultProvider;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.support.Suggestions;
import dev.pipelineharness.api.TopologyProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The generators, checks, faults and topologies on the classpath, by the name scenarios use, found
 * once per engine run with {@link ServiceLoader}. Two providers claiming one name is an error naming
 * both classes (and the jars they came from): which one a scenario gets must never depend on the
 * order of the classpath.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProviderRegistry {

    private final Map<String, GeneratorProvider> generators;
    private final Map<String, CheckProvider> checks;
    private final Map<String, FaultProvider> faults;
    private final Map<String, TopologyProvider> topologies;

    private ProviderRegistry(ClassLoader loader) {
        generators = load(GeneratorProvider.class, GeneratorProvider::name, loader);
        checks = load(CheckProvider.class, CheckProvider::name, loader);
        faults = load(FaultProvider.class, FaultProvider::name, loader);
        topologies = load(TopologyProvider.class, TopologyProvider::name, loader);
    }

    public static ProviderRegistry load(ClassLoader loader) {
        return new ProviderRegistry(loader);
    }

    public GeneratorProvider generator(String name, Location location, String field) {
        return find(generators, "generator", name, location, field);
    }

    public CheckProvider check(String name, Location location, String field) {
        return find(checks, "check", name, location, field);
    }

    public FaultProvider fault(String name, Location location, String field) {
        return find(faults, "fault", name, location, field);
    }

    public TopologyProvider topology(String name, Location location, String field) {
        return find(topologies, "topology", name, location, field);
    }

    private static <T> T find(Map<String, T> known, String kind, String name, Location location, String field) {
        T provider = known.get(name);
        if (provider == null) {
            String list = known.isEmpty() ? "none is on the classpath" : "known: " + String.join(", ", known.keySet());
            throw new ScenarioDefinitionException(location, field,
                    "unknown " + kind + " '" + name + "'" + Suggestions.didYouMean(name, known.keySet()) + "; " + list);
        }
        return provider;
    }

    private static <T> Map<String, T> load(Class<T> type, Function<T, String> name, ClassLoader loader) {
        Map<String, T> byName = new TreeMap<>();
        for (T provider : ServiceLoader.load(type, loader)) {
            T earlier = byName.putIfAbsent(name.apply(provider), provider);
            if (earlier != null && earlier.getClass() != provider.getClass()) {
                throw new IllegalStateException("Two " + type.getSimpleName() + "s on the classpath are named '"
                        + name.apply(provider) + "': " + origin(earlier) + " and " + origin(provider)
                        + "; remove one, or rename it");
            }
        }
        return byName;
    }

    private static String origin(Object provider) {
        Class<?> type = provider.getClass();
        var source = type.getProtectionDomain().getCodeSource();
        return type.getName() + (source == null ? "" : " (" + source.getLocation() + ")");
    }
}
