package dev.pipelineharness.engine.discovery;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.pipelineharness.engine.descriptor.ScenarioOrigin;
import dev.pipelineharness.engine.Constants;
import dev.pipelineharness.engine.descriptor.CheckDescriptor;
import dev.pipelineharness.engine.descriptor.ScenarioDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.platform.commons.support.Resource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.discovery.UriSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns selectors into scenario descriptors. Classpath roots and packages reach here as classpath
 * resources (the resource-container resolver expands them); directories and URIs become files;
 * unique ids name a scenario file or one check of it.
 */
final class ScenarioSelectorResolver implements SelectorResolver {

    private final ScenarioDescriptorFactory factory;

    ScenarioSelectorResolver(ScenarioDescriptorFactory factory) {
        this.factory = factory;
    }

    static boolean isScenario(String name) {
        return name.endsWith(Constants.SCENARIO_FILE_SUFFIX);
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        String name = selector.getClasspathResourceName();
        Set<Resource> resources;
        try {
            resources = selector.getClasspathResources();
        } catch (RuntimeException missing) {
            return Resolution.unresolved();
        }
        if (!isScenario(name)) {
            return resolveResourceFolder(name, resources);
        }
        Optional<URI> uri = resources.stream().map(Resource::getUri).findFirst();
        return uri.map(found -> resolve(ScenarioOrigin.ofClasspathResource(name, found), context))
                .orElseGet(Resolution::unresolved);
    }

    /** {@code @SelectClasspathResource("scenarios")}: every scenario file under that classpath folder, in every root. */
    private static Resolution resolveResourceFolder(String name, Set<Resource> resources) {
        String base = name.replaceAll("^/+|/+$", "");
        Set<DiscoverySelector> selectors = new java.util.LinkedHashSet<>();
        for (Resource resource : resources) {
            Optional<Path> folder = ScenarioOrigin.ofClasspathResource(base, resource.getUri()).file();
            if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder.get())) {
                files.filter(path -> isScenario(path.getFileName().toString()) && Files.isRegularFile(path)).sorted()
                        .forEach(path -> selectors.add(selectClasspathResource(
                                base + "/" + folder.get().relativize(path).toString().replace('\\', '/'))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder.get(), e);
            }
        }
        return selectors.isEmpty() ? Resolution.unresolved() : Resolution.selectors(selectors);
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        Path path = selector.getPath();
        if (!isScenario(path.getFileName().toString()) || !Files.isRegularFile(path)) {
            return Resolution.unresolved();
        }
        return resolve(ScenarioOrigin.ofFile(path), context);
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Path directory = selector.getPath();
        if (!Files.isDirectory(directory)) {
            return Resolution.unresolved();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            Set<DiscoverySelector> selectors = files
                    .filter(path -> isScenario(path.getFileName().toString()) && Files.isRegularFile(path))
                    .sorted()
                    .map(path -> selectFile(path.toFile()))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            return selectors.isEmpty() ? Resolution.unresolved() : Resolution.selectors(selectors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    @Override
    public Resolution resolve(UriSelector selector, Context context) {
        URI uri = selector.getUri();
        if ("classpath".equals(uri.getScheme())) {
            return Resolution.selectors(Set.of(selectClasspathResource(uri.getSchemeSpecificPart())));
        }
        if (!"file".equals(uri.getScheme())) {
            return Resolution.unresolved();
        }
        Path path = Path.of(uri);
        return Resolution.selectors(Set.of(Files.isDirectory(path) ? selectDirectory(path.toFile()) : selectFile(path.toFile())));
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        // inside a @Suite the engine's own id is prefixed with the suite's: look for this engine's segment
        List<UniqueId.Segment> all = uniqueId.getSegments();
        int engine = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).getType().equals("engine") && all.get(i).getValue().equals(Constants.ENGINE_ID)) {
                engine = i;
            }
        }
        if (engine < 0) {
            return Resolution.unresolved();
        }
        List<UniqueId.Segment> segments = all.subList(engine, all.size());
        if (segments.size() < 2 || !segments.get(1).getType().equals(ScenarioDescriptor.SEGMENT_TYPE)) {
            return Resolution.unresolved();
        }
        Optional<DiscoverySelector> scenario = scenarioSelector(segments.get(1).getValue());
        if (scenario.isEmpty()) {
            return Resolution.unresolved();
        }
        if (segments.size() == 2) {
            return Resolution.selectors(Set.of(scenario.get()));
        }
        UniqueId.Segment check = segments.get(2);
        if (segments.size() > 3 || !check.getType().equals(CheckDescriptor.SEGMENT_TYPE) || !check.getValue().matches("\\d+")) {
            return Resolution.unresolved();
        }
        int ordinal = Integer.parseInt(check.getValue());
        return context.addToParent(scenario::get, parent -> parent instanceof ScenarioDescriptor descriptor
                        ? descriptor.createCheck(ordinal) : Optional.empty())
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElseGet(Resolution::unresolved);
    }

    private static Optional<DiscoverySelector> scenarioSelector(String value) {
        Optional<String> resource = ScenarioOrigin.classpathResourceOf(value);
        if (resource.isPresent()) {
            return Optional.of(selectClasspathResource(resource.get()));
        }
        return ScenarioOrigin.fileOf(value).map(path -> selectFile(path.toFile()));
    }

    private Resolution resolve(ScenarioOrigin origin, Context context) {
        return context.addToParent(parent -> Optional.of(factory.create(parent, origin)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, checksOf(descriptor))))
                .orElseGet(Resolution::unresolved);
    }

    private static Supplier<Set<? extends DiscoverySelector>> checksOf(TestDescriptor descriptor) {
        return () -> {
            if (!(descriptor instanceof ScenarioDescriptor scenario)) {
                return Set.of();
            }
            return IntStream.range(0, scenario.definition().checks().size())
                    .mapToObj(ordinal -> selectUniqueId(scenario.getUniqueId().append(CheckDescriptor.SEGMENT_TYPE, String.valueOf(ordinal))))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        };
    }
}
