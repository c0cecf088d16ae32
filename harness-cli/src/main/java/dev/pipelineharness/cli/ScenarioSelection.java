package dev.pipelineharness.cli;

import dev.pipelineharness.engine.Constants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which scenarios a command works on, and the configuration they are read with (shared by every subcommand). */
final class ScenarioSelection {

    /** Where {@code ./harness run} looks when it is given no path: the shipped suite and its fault scenarios. */
    static final List<Path> DEFAULT_SUITE = List.of(Path.of("scenarios", "suite"), Path.of("scenarios", "faults"));

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Scenario files or folders (searched for *.scenario.yaml). Default: scenarios/suite and scenarios/faults.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "EXPRESSION",
            description = "Only scenarios whose tags match, a JUnit tag expression: smoke, 'cdc & !slow', 'routing | cdc'.")
    String tags;

    @Option(names = "--topology", paramLabel = "NAME",
            description = "The topology of scenarios that name none: embedded (default), containers, cloud.")
    String topology;

    @Option(names = "--name", paramLabel = "REGEX", description = "Only scenarios whose name this finds (case-insensitive).")
    String name;

    @Option(names = {"-D", "--config"}, paramLabel = "KEY=VALUE",
            description = "Any configuration parameter, such as -D pipeline-harness.check.confirm=5s.")
    Map<String, String> configuration = new LinkedHashMap<>();

    List<DiscoverySelector> selectors() {
        List<Path> roots = paths.isEmpty() ? DEFAULT_SUITE : paths;
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                selectors.add(DiscoverySelectors.selectDirectory(root.toFile()));
            } else if (Files.isRegularFile(root)) {
                selectors.add(DiscoverySelectors.selectFile(root.toFile()));
            } else {
                throw new BadInput(root + ": no such file or folder"
                        + (paths.isEmpty() ? " (run from the project's folder, or name scenario files or folders)" : ""));
            }
        }
        return selectors;
    }

    /** The configuration parameters of the run: {@code -D} values, then the options that name a key. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>(configuration);
        Optional.ofNullable(topology).ifPresent(value -> parameters.put(Constants.TOPOLOGY_PROPERTY_NAME, value));
        Optional.ofNullable(name).ifPresent(value -> parameters.put(Constants.SCENARIO_NAME_FILTER_PROPERTY_NAME, value));
        return parameters;
    }

    LauncherDiscoveryRequest request(List<DiscoverySelector> selectors, Map<String, String> parameters) {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameters(parameters);
        if (tags != null && !tags.isBlank()) {
            builder.filters(TagFilter.includeTags(tags));
        }
        return builder.build();
    }

    /** A mistake in what the user asked for: reported in one line, exit code 2. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
