package dev.pipelineharness.engine.yaml;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Params;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A YAML file converted to a Jackson tree, with the place every node was written: the index maps a
 * JSON pointer ({@code /generate/0/business-events/count}) to its line and column, so errors found
 * later (schema, providers) can point back into the file.
 */
@API(status = INTERNAL, since = "0.1")
public record LocatedDocument(String file, JsonNode root, Map<String, Location> locations) implements Params.Locator {

    public LocatedDocument {
        locations = Map.copyOf(locations);
    }

    /** Where the node at {@code jsonPointer} was written; the nearest written ancestor if it was not. */
    @Override
    public Location locate(String jsonPointer) {
        String pointer = jsonPointer;
        while (true) {
            Location location = locations.get(pointer);
            if (location != null) {
                return location;
            }
            if (pointer.isEmpty()) {
                return Location.ofFile(file);
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
    }

    /** Settings rooted at {@code pointer}, for a provider. */
    public Params params(JsonNode node, String pointer, String field) {
        return Params.of(PlainTree.of(node), pointer, field, this);
    }
}
