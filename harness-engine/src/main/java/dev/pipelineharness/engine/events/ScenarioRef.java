package dev.pipelineharness.engine.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Which scenario an event is about.
 *
 * @param uniqueId  the JUnit Platform unique id of the scenario's container
 * @param file      the scenario file as users see it (classpath resource name or path relative to the working directory)
 * @param index     1 for the first scenario the run went through, 2 for the next, ...
 * @param seed      the seed its generators derive theirs from (an override, the file's {@code seed:} or the default)
 * @param namespace the prefix of its topics, tables and groups; empty for a scenario that never started
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ScenarioRef(String uniqueId, String name, String file, List<String> tags, String topology, int index,
                          long seed, String namespace) {

    public ScenarioRef {
        tags = List.copyOf(tags);
    }

    /** The folder of the scenario file ({@code suite} for {@code scenarios/suite/routing.scenario.yaml}), or empty. */
    public String folder() {
        String normalized = file.replace('\\', '/');
        int slash = normalized.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        String parent = normalized.substring(0, slash);
        return parent.substring(parent.lastIndexOf('/') + 1);
    }
}
